"""The medication regimen, its history of changes, and the doses given or missed."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, JSONData, str_enum

Dose = Numeric(12, 4, asdecimal=True)


class ChangeAction(enum.StrEnum):
    START = "start"
    ADJUST = "adjust"
    STOP = "stop"


class DoseStatus(enum.StrEnum):
    GIVEN = "given"
    SKIPPED = "skipped"
    MISSED = "missed"


class Medication(CreatedAt, Base):
    """A medicine on a child's regimen, with its current dose and times of day."""

    __tablename__ = "medication"
    __table_args__ = (Index("ix_medication_child_id", "child_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    name_as_typed: Mapped[str] = mapped_column(String(64))
    dose_amount: Mapped[Decimal] = mapped_column(Dose)
    dose_unit: Mapped[str] = mapped_column(String(16))
    schedule_times: Mapped[list[str]] = mapped_column(JSONData, default=list)
    is_rescue: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[datetime]
    stopped_at: Mapped[datetime | None]


class MedicationChange(CreatedAt, Base):
    """One start, dose change or stop, kept forever so any past regimen can be rebuilt."""

    __tablename__ = "medication_change"
    __table_args__ = (
        Index("ix_medication_change_child_id_effective_at", "child_id", "effective_at"),
        Index("ix_medication_change_medication_id", "medication_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    action: Mapped[ChangeAction] = mapped_column(str_enum(ChangeAction, "change_action"))
    dose_amount: Mapped[Decimal | None] = mapped_column(Dose)
    dose_unit: Mapped[str | None] = mapped_column(String(16))
    schedule_times: Mapped[list[str]] = mapped_column(JSONData, default=list)
    reason: Mapped[str | None] = mapped_column(Text)
    effective_at: Mapped[datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class DoseLog(Base):
    """What happened to one scheduled dose."""

    __tablename__ = "dose_log"
    __table_args__ = (UniqueConstraint("medication_id", "scheduled_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    scheduled_at: Mapped[datetime]
    status: Mapped[DoseStatus] = mapped_column(str_enum(DoseStatus, "dose_status"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime]
