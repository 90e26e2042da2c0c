"""Conversation state kept in the database, and the record of updates already handled."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, JSONData


class WizardState(Base):
    """A half-finished guided flow of one person in one chat; survives restarts."""

    __tablename__ = "wizard_state"
    __table_args__ = (
        UniqueConstraint("person_id", "chat_id"),
        Index("ix_wizard_state_expires_at", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class ProcessedUpdate(Base):
    """An update id already handled, so a redelivered update changes nothing."""

    __tablename__ = "processed_update"
    # The housekeeping job deletes the oldest marks first (bot/housekeeping.py).
    __table_args__ = (Index("ix_processed_update_processed_at", "processed_at"),)

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime]
