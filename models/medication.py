"""The medication regimen, its history of changes, titration plans, and the doses given."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, JSONData, str_enum
from models.team import Role

Dose = Numeric(12, 4, asdecimal=True)


class ChangeAction(enum.StrEnum):
    START = "start"
    ADJUST = "adjust"
    STOP = "stop"


class DoseStatus(enum.StrEnum):
    GIVEN = "given"
    SKIPPED = "skipped"
    MISSED = "missed"


class TitrationStatus(enum.StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"
    ENDED = "ended"


class Medication(CreatedAt, Base):
    """A course of one medicine for a child; its fields are the plan after every recorded change."""

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


class Titration(CreatedAt, Base):
    """A plan to move a medicine's dose by ``step`` every ``every_days`` days until ``target``."""

    __tablename__ = "titration"
    __table_args__ = (Index("ix_titration_medication_id", "medication_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    step: Mapped[Decimal] = mapped_column(Dose)
    unit: Mapped[str] = mapped_column(String(16))
    every_days: Mapped[int]
    target: Mapped[Decimal] = mapped_column(Dose)
    status: Mapped[TitrationStatus] = mapped_column(
        str_enum(TitrationStatus, "titration_status"), default=TitrationStatus.ACTIVE
    )
    # Local midnight (as UTC) of the day the next step takes effect; None once done or ended.
    next_step_at: Mapped[datetime | None]
    steps_done: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class MedicationChange(CreatedAt, Base):
    """One start, dose change or stop, kept forever so any past regimen can be rebuilt.

    ``dose_amount``, ``dose_unit`` and ``schedule_times`` hold what the change set;
    None means "unchanged" (a stop sets nothing).
    """

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
    schedule_times: Mapped[list[str] | None] = mapped_column(JSONData)
    reason: Mapped[str | None] = mapped_column(Text)
    effective_at: Mapped[datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    # The role at the time: a later role change must not rewrite who decided what.
    recorded_role: Mapped[Role | None] = mapped_column(str_enum(Role, "recorded_role"))
    titration_id: Mapped[int | None] = mapped_column(
        ForeignKey("titration.id", ondelete="SET NULL")
    )
    # A dose typed in mg/kg/day: the figure typed and the weight it was computed with.
    dose_per_kg_day: Mapped[Decimal | None] = mapped_column(Dose)
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(5, 2, asdecimal=True))


class DoseDuty(Base):
    """Who is reminded of the doses at one time of day: roles and/or named members."""

    __tablename__ = "dose_duty"
    __table_args__ = (UniqueConstraint("child_id", "time_of_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    time_of_day: Mapped[str] = mapped_column(String(5))
    roles: Mapped[list[str]] = mapped_column(JSONData, default=list)
    membership_ids: Mapped[list[int]] = mapped_column(JSONData, default=list)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime]


class DoseReminder(CreatedAt, Base):
    """One scheduled dose that was called out, and every message that called it out."""

    __tablename__ = "dose_reminder"
    __table_args__ = (
        UniqueConstraint("medication_id", "scheduled_at"),
        Index("ix_dose_reminder_child_id_scheduled_at", "child_id", "scheduled_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    scheduled_at: Mapped[datetime]
    dose_amount: Mapped[Decimal] = mapped_column(Dose)
    dose_unit: Mapped[str] = mapped_column(String(16))
    # Outbox row ids: the reminders (edited to show the outcome) and the missed-dose alerts.
    copies: Mapped[list[int]] = mapped_column(JSONData, default=list)
    alerts: Mapped[list[int]] = mapped_column(JSONData, default=list)
    times_sent: Mapped[int] = mapped_column(default=0)


class DoseLog(Base):
    """What happened to one scheduled dose."""

    __tablename__ = "dose_log"
    __table_args__ = (
        UniqueConstraint("medication_id", "scheduled_at"),
        # Adherence and digests read one child's doses of a period.
        Index("ix_dose_log_child_id_scheduled_at", "child_id", "scheduled_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    medication_id: Mapped[int] = mapped_column(ForeignKey("medication.id", ondelete="CASCADE"))
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    scheduled_at: Mapped[datetime]
    status: Mapped[DoseStatus] = mapped_column(str_enum(DoseStatus, "dose_status"))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime]
    acknowledged_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    acknowledged_at: Mapped[datetime | None]
