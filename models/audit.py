"""The append-only audit log: who did what, to which child, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, Mapper, ORMExecuteState, Session, mapped_column

from models.base import Base, CreatedAt, JSONData


class AuditLogIsAppendOnly(RuntimeError):
    """Raised when code tries to change or remove an audit event."""


class Event(CreatedAt, Base):
    """One action in the relational log. Rows are inserted, never updated or deleted."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_child_id_created_at", "child_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)


@event.listens_for(Event, "before_update")
@event.listens_for(Event, "before_delete")
def _refuse_change(mapper: Mapper[Event], connection: object, target: Event) -> None:
    raise AuditLogIsAppendOnly(f"audit event {target.id} cannot be changed or deleted")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_change(state: ORMExecuteState) -> None:
    mapper = state.bind_mapper
    if (state.is_update or state.is_delete) and mapper is not None and mapper.class_ is Event:
        raise AuditLogIsAppendOnly("audit events cannot be updated or deleted in bulk")
