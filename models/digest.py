"""Digest delivery: who gets a child's digest on which schedule, and who has read which one."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, str_enum


class DigestCadence(enum.StrEnum):
    """How often a digest comes: every week (7 days), or every 4 weeks (28 days)."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"


class DigestSubscription(CreatedAt, Base):
    """One person's schedule for one child's digest, on their own wall clock.

    The next digest is one ``reminder`` row keyed by the period it covers, so it is sent
    once per period; ``next_due_at`` is that row's moment, kept here to show it.
    """

    __tablename__ = "digest_subscription"
    __table_args__ = (
        UniqueConstraint("person_id", "child_id"),
        Index("ix_digest_subscription_child_id", "child_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    cadence: Mapped[DigestCadence] = mapped_column(str_enum(DigestCadence, "digest_cadence"))
    weekday: Mapped[int]  # 0 is Monday
    hour: Mapped[int]
    next_due_at: Mapped[datetime | None]


class DigestRead(Base):
    """A reader said they have read the digest of one period: the team is told once."""

    __tablename__ = "digest_read"
    __table_args__ = (UniqueConstraint("person_id", "child_id", "first", "last"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    first: Mapped[date]
    last: Mapped[date]
    read_at: Mapped[datetime]
