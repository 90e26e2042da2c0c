"""Follow-ups: appointments, tests and other dates a child's team must not miss."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from models.base import Base, CreatedAt, JSONData, str_enum
from models.reminder import ReminderKind


class FollowupStatus(enum.StrEnum):
    ACTIVE = "active"
    DONE = "done"
    CANCELLED = "cancelled"


class Followup(CreatedAt, Base):
    """One follow-up, once or repeating; its notices are ``reminder`` rows keyed by its id.

    ``due_at`` is the next (or only) occurrence. A repeating follow-up keeps its first
    occurrence as a naive wall time in ``timezone`` (``first_local``), so every later
    occurrence falls at the same local time whatever the clocks do. Both are whole minutes:
    the keys of an occurrence's timed messages name it to the minute.
    """

    __tablename__ = "followup"
    __table_args__ = (Index("ix_followup_child_id_status", "child_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    kind: Mapped[ReminderKind] = mapped_column(str_enum(ReminderKind, "followup_kind"))
    title: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime]
    timezone: Mapped[str] = mapped_column(String(64))
    recurrence: Mapped[str | None] = mapped_column(String(128))
    first_local: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    # Stored NoticeOffset texts (``1d@18:00``, ``PT2H``): when to warn before each occurrence.
    notices: Mapped[list[str]] = mapped_column(JSONData, default=list)
    status: Mapped[FollowupStatus] = mapped_column(
        str_enum(FollowupStatus, "followup_status"), default=FollowupStatus.ACTIVE
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))

    @validates("due_at", "first_local")
    def _whole_minute(self, name: str, value: datetime | None) -> datetime | None:
        if value is not None and (value.second or value.microsecond):
            raise ValueError(f"followup.{name} must be a whole minute, not {value.isoformat()}")
        return value
