"""Timed messages: one row per occurrence, due at a UTC moment, claimed atomically when due."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, JSONData, str_enum


class ReminderKind(enum.StrEnum):
    """What a follow-up is about (the parser guesses it from the title)."""

    FOLLOWUP = "followup"
    TEST = "test"
    DOSE = "dose"
    CUSTOM = "custom"


class ReminderStatus(enum.StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    MISSED = "missed"
    CANCELLED = "cancelled"
    FAILED = "failed"


class Reminder(CreatedAt, Base):
    """One timed message due at one moment: the scheduler's source of truth.

    ``kind`` names the handler registered in ``bot.scheduling`` that sends it, and
    ``occurrence_key`` is unique per occurrence, so nothing is scheduled or sent twice.
    A claim holds the row until ``claim_expires_at``; each claim adds one to ``attempts``,
    which tells a claim from the one before it.
    """

    __tablename__ = "reminder"
    __table_args__ = (
        Index("ix_reminder_status_due_at", "status", "due_at"),
        Index("ix_reminder_child_id", "child_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int | None] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(64))
    occurrence_key: Mapped[str] = mapped_column(String(128), unique=True)
    due_at: Mapped[datetime]
    # Past this moment the message is useless (the appointment has begun): recorded as missed.
    expires_at: Mapped[datetime | None]
    timezone: Mapped[str] = mapped_column(String(64))
    recurrence: Mapped[str | None] = mapped_column(String(128))
    # The series' first occurrence on the child's wall clock, naive on purpose: every
    # occurrence is computed from it, so 08:00 stays 08:00 across daylight-saving changes.
    first_local: Mapped[datetime | None] = mapped_column(DateTime(timezone=False))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    status: Mapped[ReminderStatus] = mapped_column(
        str_enum(ReminderStatus, "reminder_status"), default=ReminderStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    claimed_at: Mapped[datetime | None]
    claim_expires_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
