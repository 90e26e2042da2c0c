"""What an export reads: one query per record type, bounded by the period on the child's clock.

Episodes, doses and audit events are the period's; medication changes are all of the child's
(the dose in effect when the period begins comes from the changes before it), and the team
and the follow-ups are exported whole. Deleted episodes are left out, as from every view; a
second report of an episode comes with it, as a second observer. Rows are plain SQLAlchemy
rows (or, for the few medicines, changes and follow-ups, loaded models): nothing is read
lazily, so the files can be made after the session has closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.recurrence import utc_to_local
from bot.services.digests.period import Period
from bot.services.medications.regimen import IN_EFFECT_ORDER
from models import (
    Child,
    DoseLog,
    Episode,
    Event,
    Followup,
    Medication,
    MedicationChange,
    Membership,
    NotifyPreference,
    Person,
    Role,
)

EPISODE_COLUMNS = (
    Episode.id,
    Episode.occurred_at,
    Episode.window_end_at,
    Episode.duration_seconds,
    Episode.jerk_count,
    Episode.kind,
    Episode.body_parts,
    Episode.intensity,
    Episode.awareness,
    Episode.setting,
    Episode.triggers,
    Episode.rescue_medication,
    Episode.injury,
    Episode.observer,
    Episode.notes,
    Episode.source,
    Episode.attachment_file_ids,
    Episode.reporter_id,
    Episode.merged_into_id,
    Episode.created_at,
    Episode.corrected_at,
    Episode.duration_max_seconds,
    Episode.duration_bound,
    Episode.count_max,
    Episode.count_approximate,
    Episode.no_rescue,
    Episode.text_as_typed,
    Episode.time_precision,
    Episode.details,
)
DOSE_COLUMNS = (
    DoseLog.id,
    DoseLog.medication_id,
    DoseLog.scheduled_at,
    DoseLog.status,
    DoseLog.recorded_by_id,
    DoseLog.recorded_at,
    DoseLog.acknowledged_by_id,
    DoseLog.acknowledged_at,
)
EVENT_COLUMNS = (Event.id, Event.created_at, Event.kind, Event.actor_id, Event.payload)


@dataclass(frozen=True)
class Member:
    """Someone who is, or was, on the child's team."""

    membership_id: int
    person_id: int
    first_name: str
    last_name: str | None
    username: str | None
    role: Role
    notify: NotifyPreference
    joined_at: datetime
    left_at: datetime | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


@dataclass(frozen=True)
class Records:
    """Everything one export holds, read in one transaction."""

    child: Child
    period: Period
    made_at: datetime
    members: list[Member]
    episodes: list[Any]  # rows of EPISODE_COLUMNS: the period's, oldest first, second reports too
    medications: dict[int, Medication]
    changes: list[MedicationChange]  # all of the child's, in effect order
    doses: list[Any]  # rows of DOSE_COLUMNS: the period's, by time due
    followups: list[Followup]
    events: list[Any]  # rows of EVENT_COLUMNS: the period's audit log, oldest first

    @property
    def by_person(self) -> dict[int, Member]:
        """Each person's latest membership of the team, by person id."""
        return {member.person_id: member for member in self.members}

    def changes_shown(self) -> list[MedicationChange]:
        """The changes of the period; for a period that ends today, those planned after it too."""
        today = utc_to_local(self.made_at, self.child.timezone).date()
        later_too = self.period.last >= today
        return [
            change
            for change in self.changes
            if change.effective_at >= self.period.start
            and (later_too or change.effective_at < self.period.end)
        ]

    @property
    def size(self) -> int:
        """How many rows the files are made of (for a progress bar)."""
        return len(self.episodes) + len(self.changes) + len(self.doses) + len(self.events)


async def first_day(session: AsyncSession, child: Child) -> date:
    """The local day of the child's earliest record: its first episode, dose, change or event."""
    earliest = [
        select(func.min(Episode.occurred_at)).where(Episode.child_id == child.id),
        select(func.min(DoseLog.scheduled_at)).where(DoseLog.child_id == child.id),
        select(func.min(MedicationChange.effective_at)).where(
            MedicationChange.child_id == child.id
        ),
        select(func.min(Event.created_at)).where(Event.child_id == child.id),
    ]
    row = (await session.execute(select(*(q.scalar_subquery() for q in earliest)))).one()
    moments = [child.created_at, *(moment for moment in row if moment is not None)]
    return utc_to_local(min(moments), child.timezone).date()


async def collect(session: AsyncSession, child: Child, period: Period, now: datetime) -> Records:
    """Read the child's records for ``period``."""
    start, end = period.start, period.end
    members = await session.execute(
        select(
            Membership.id,
            Membership.person_id,
            Person.first_name,
            Person.last_name,
            Person.username,
            Membership.role,
            Membership.notify,
            Membership.joined_at,
            Membership.left_at,
        )
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.child_id == child.id)
        .order_by(Membership.joined_at, Membership.id)
    )
    in_period = (
        Episode.child_id == child.id,
        Episode.occurred_at >= start,
        Episode.occurred_at < end,
        Episode.deleted_at.is_(None),
    )
    counted = select(Episode.id).where(*in_period, Episode.merged_into_id.is_(None))
    episodes = await session.execute(
        select(*EPISODE_COLUMNS)
        .where(
            Episode.child_id == child.id,
            Episode.deleted_at.is_(None),
            or_(
                (Episode.occurred_at >= start) & (Episode.occurred_at < end),
                Episode.merged_into_id.in_(counted.scalar_subquery()),
            ),
        )
        .order_by(Episode.occurred_at, Episode.id)
    )
    medications = await session.scalars(select(Medication).where(Medication.child_id == child.id))
    changes = await session.scalars(
        select(MedicationChange)
        .where(MedicationChange.child_id == child.id)
        .order_by(*IN_EFFECT_ORDER)
    )
    doses = await session.execute(
        select(*DOSE_COLUMNS)
        .where(DoseLog.child_id == child.id, DoseLog.scheduled_at >= start)
        .where(DoseLog.scheduled_at < end)
        .order_by(DoseLog.scheduled_at, DoseLog.id)
    )
    followups = await session.scalars(
        select(Followup).where(Followup.child_id == child.id).order_by(Followup.due_at, Followup.id)
    )
    events = await session.execute(
        select(*EVENT_COLUMNS)
        .where(Event.child_id == child.id, Event.created_at >= start, Event.created_at < end)
        .order_by(Event.created_at, Event.id)
    )
    return Records(
        child=child,
        period=period,
        made_at=now,
        members=[Member(*row) for row in members],
        episodes=list(episodes),
        medications={m.id: m for m in medications},
        changes=list(changes),
        doses=list(doses),
        followups=list(followups),
        events=list(events),
    )
