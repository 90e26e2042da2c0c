"""Timed notices: follow-ups, tests, doses and custom reminders, claimed atomically when due."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, JSONData, str_enum


class ReminderKind(enum.StrEnum):
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


class Reminder(CreatedAt, Base):
    """One notice due at one moment; ``occurrence_key`` makes each occurrence unique."""

    __tablename__ = "reminder"
    __table_args__ = (
        Index("ix_reminder_status_due_at", "status", "due_at"),
        Index("ix_reminder_child_id", "child_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    kind: Mapped[ReminderKind] = mapped_column(str_enum(ReminderKind, "reminder_kind"))
    title: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime]
    timezone: Mapped[str] = mapped_column(String(64))
    recurrence: Mapped[str | None] = mapped_column(String(128))
    notify_offsets: Mapped[list[str]] = mapped_column(JSONData, default=list)
    occurrence_key: Mapped[str] = mapped_column(String(128), unique=True)
    status: Mapped[ReminderStatus] = mapped_column(
        str_enum(ReminderStatus, "reminder_status"), default=ReminderStatus.PENDING
    )
    payload: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    claimed_at: Mapped[datetime | None]
    claim_expires_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
