"""Seizure timers: started in a chat, ticking in one message, alerting the team at the threshold."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, str_enum


class TimerStatus(enum.StrEnum):
    RUNNING = "running"
    STOPPED = "stopped"
    CANCELLED = "cancelled"
    EXPIRED = "expired"


class Timer(Base):
    """One timed episode; its start is stored, so it keeps running across a restart."""

    __tablename__ = "timer"
    __table_args__ = (
        Index("ix_timer_status", "status"),
        # Two people starting a timer for the same child share one, and the team one alert.
        Index(
            "uq_timer_child_id_running",
            "child_id",
            unique=True,
            sqlite_where=text("status = 'running'"),
            postgresql_where=text("status = 'running'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # The live message: known at once when a button became the timer, else once the outbox sent it.
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id", ondelete="SET NULL"))
    status: Mapped[TimerStatus] = mapped_column(
        str_enum(TimerStatus, "timer_status"), default=TimerStatus.RUNNING
    )
    started_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]
    alerted_at: Mapped[datetime | None]
    stopped_at: Mapped[datetime | None]
