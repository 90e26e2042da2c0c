"""A made-up month of Lily's record, every row written out, for figures computed by hand.

The period is 2–29 November 2026 (28 days; London keeps GMT all month, so local time is UTC);
the period before it is 5 October – 1 November. Today is 30 November.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import (
    ChangeAction,
    Child,
    DoseLog,
    DoseStatus,
    Episode,
    EpisodeKind,
    Followup,
    FollowupStatus,
    Medication,
    MedicationChange,
    Person,
    ReminderKind,
    Role,
)
from models.session import Database
from tests.factories import make_child, make_member, make_person

LONDON = ZoneInfo("Europe/London")
TODAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def at(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment of 2026 on Lily's clock."""
    return datetime(2026, month, day, hour, minute, tzinfo=LONDON)


def nov(day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """A moment of November 2026 (GMT: the same in London and in UTC)."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=UTC)


@dataclass
class Month:
    lily: Child
    anna: Person  # guardian
    ben: Person  # guardian
    gran: Person  # caregiver
    park: Person  # educator
    lee: Person  # clinician


async def make_month(db: Database) -> Month:
    """Lily's team and her record from September to today."""
    async with db.transaction() as session:
        lily = await make_child(session)
        lily.created_at = at(9, 1, 9)
        people = {}
        for user_id, name, role in [
            (1, "Anna", Role.GUARDIAN),
            (2, "Ben", Role.GUARDIAN),
            (3, "Gran", Role.CAREGIVER),
            (4, "Ms Park", Role.EDUCATOR),
            (5, "Dr Lee", Role.CLINICIAN),
        ]:
            people[name] = await make_person(session, user_id, name)
            await make_member(session, lily, people[name], role)
        month = Month(lily, *people.values())
        session.add_all(_episodes(month))
        await session.flush()
        await _merge_second_reports(session, month)
        await _medicines(session, month)
        session.add_all(_followups(month))
    return month


def _episode(month: Month, reporter: Person, occurred_at: datetime, **facts) -> Episode:
    values = {"created_at": occurred_at + timedelta(minutes=5), "relayed_at": occurred_at}
    return Episode(
        child_id=month.lily.id,
        reporter_id=reporter.id,
        occurred_at=occurred_at,
        **{**values, **facts},
    )


def _episodes(m: Month) -> list[Episode]:
    e = _episode
    return [
        # The period before: 7 episodes on 6 days.
        e(m, m.anna, at(10, 6, 10), setting="home"),
        e(m, m.anna, at(10, 12, 18, 30), setting="home"),
        e(m, m.ben, at(10, 20, 7, 10), setting="waking"),
        e(m, m.park, at(10, 20, 16), setting="school"),
        e(m, m.park, at(10, 27, 9), setting="school"),
        e(m, m.anna, at(10, 31, 21), setting="home"),
        e(m, m.ben, nov(1, 23, 30), setting="home"),
        # The period: 10 episodes on 8 days.
        # E1, a series on waking: 12 jerks 07:00-07:30.
        e(
            m,
            m.anna,
            nov(3, 7),
            window_end_at=nov(3, 7, 30),
            jerk_count=12,
            kind=EpisodeKind.CLUSTER,
            setting="waking",
            triggers=["poor_sleep"],
            created_at=nov(3, 7, 40),
        ),
        # E2, at school.
        e(
            m,
            m.park,
            nov(5, 10, 20),
            duration_seconds=40,
            setting="school",
            triggers=["fatigue"],
            created_at=nov(5, 10, 35),
        ),
        # E3, in the car.
        e(
            m,
            m.ben,
            nov(9, 19),
            kind=EpisodeKind.SINGLE_JERK,
            setting="car",
            created_at=nov(9, 19, 2),
        ),
        # E4-E6, a cluster: three within 12 hours.
        e(m, m.anna, nov(12, 18), setting="home", triggers=["illness"], created_at=nov(12, 18, 5)),
        e(m, m.anna, nov(13, 2, 30), setting="sleep", created_at=nov(13, 6, 30)),
        e(m, m.ben, nov(13, 6), setting="home", triggers=["illness"], created_at=nov(13, 6, 10)),
        # E7, urgent: 6 minutes at school, timed live, rescue medicine given.
        e(
            m,
            m.park,
            nov(18, 11),
            duration_seconds=360,
            setting="school",
            source="timer",
            rescue_medication="midazolam",
            created_at=nov(18, 11, 10),
        ),
        # E8, a series the morning after a missed dose.
        e(
            m,
            m.anna,
            nov(21, 8, 30),
            window_end_at=nov(21, 8, 45),
            jerk_count=5,
            kind=EpisodeKind.CLUSTER,
            setting="home",
            triggers=["missed_dose"],
            created_at=nov(21, 9),
        ),
        # E9, a single jerk exactly 24 hours after that missed dose, seen by grandma.
        e(
            m,
            m.ben,
            nov(21, 20),
            kind=EpisodeKind.SINGLE_JERK,
            setting="home",
            observer="grandma",
            created_at=nov(21, 20, 1),
        ),
        # E10, at school.
        e(
            m,
            m.park,
            nov(25, 14),
            duration_seconds=20,
            setting="school",
            triggers=["stress", "fatigue"],
            created_at=nov(25, 14, 30),
        ),
        # Deleted: counted nowhere.
        e(m, m.anna, nov(27, 10), setting="home", deleted_at=nov(27, 10, 30)),
        # Today, after the period.
        e(m, m.anna, nov(30, 8), setting="home"),
    ]


async def _merge_second_reports(session: AsyncSession, m: Month) -> None:
    """Ben also reported E4, and Gran E9: each kept as a second observer."""
    e4 = await _at(session, nov(12, 18))
    e9 = await _at(session, nov(21, 20))
    session.add_all(
        [
            _episode(
                m,
                m.ben,
                nov(12, 18, 1),
                setting="home",
                merged_into_id=e4.id,
                created_at=nov(12, 18, 3),
                relayed_at=None,
            ),
            _episode(
                m,
                m.gran,
                nov(21, 20, 2),
                setting="home",
                merged_into_id=e9.id,
                created_at=nov(21, 20, 5),
                relayed_at=None,
            ),
        ]
    )


async def _at(session: AsyncSession, moment: datetime) -> Episode:
    return (await session.scalars(select(Episode).where(Episode.occurred_at == moment))).one()


# Doses not given as planned: the rest of the 08:00 and 20:00 doses were given 5 minutes late.
LATE = {nov(7, 8): nov(7, 8, 50), nov(24, 20): nov(24, 21)}
SKIPPED = {nov(14, 20)}
MISSED = {nov(20, 20), nov(28, 8), nov(28, 20)}


async def _medicines(session: AsyncSession, m: Month) -> None:
    """Levetiracetam 250 mg twice a day since September, 500 mg from 16 November; rescue."""
    kid = m.lily.id
    lev = Medication(
        child_id=kid,
        name="levetiracetam",
        name_as_typed="Keppra",
        dose_amount=Decimal(500),
        dose_unit="mg",
        schedule_times=["08:00", "20:00"],
        started_at=at(9, 1, 8),
    )
    rescue = Medication(
        child_id=kid,
        name="midazolam",
        name_as_typed="midazolam",
        dose_amount=Decimal(5),
        dose_unit="mg",
        schedule_times=[],
        is_rescue=True,
        started_at=at(9, 1, 8),
    )
    session.add_all([lev, rescue])
    await session.flush()
    session.add_all(
        [
            MedicationChange(
                medication_id=lev.id,
                child_id=kid,
                action=ChangeAction.START,
                dose_amount=Decimal(250),
                dose_unit="mg",
                schedule_times=["08:00", "20:00"],
                effective_at=at(9, 1, 8),
                recorded_by_id=m.lee.id,
            ),
            MedicationChange(
                medication_id=rescue.id,
                child_id=kid,
                action=ChangeAction.START,
                dose_amount=Decimal(5),
                dose_unit="mg",
                schedule_times=[],
                effective_at=at(9, 1, 8),
                recorded_by_id=m.lee.id,
            ),
            MedicationChange(
                medication_id=lev.id,
                child_id=kid,
                action=ChangeAction.ADJUST,
                dose_amount=Decimal(500),
                effective_at=nov(16),
                recorded_by_id=m.lee.id,
                reason="more jerks",
            ),
        ]
    )
    for day in range(1, 30):
        for hour in (8, 20):
            due = nov(day, hour)
            status = DoseStatus.GIVEN
            recorded_at, by = LATE.get(due, due + timedelta(minutes=5)), m.anna.id
            if due in SKIPPED:
                status, by = DoseStatus.SKIPPED, m.ben.id
            if due in MISSED:
                status, recorded_at, by = DoseStatus.MISSED, due + timedelta(hours=1), None
            session.add(
                DoseLog(
                    medication_id=lev.id,
                    child_id=kid,
                    scheduled_at=due,
                    status=status,
                    recorded_by_id=by,
                    recorded_at=recorded_at,
                )
            )


def _followups(m: Month) -> list[Followup]:
    def followup(title: str, due: datetime, status: FollowupStatus) -> Followup:
        return Followup(
            child_id=m.lily.id,
            kind=ReminderKind.FOLLOWUP,
            title=title,
            due_at=due,
            timezone="Europe/London",
            notices=[],
            status=status,
            created_by_id=m.anna.id,
        )

    return [
        followup("neurology review with Dr Lee", at(12, 3, 14, 30), FollowupStatus.ACTIVE),
        followup("EEG", nov(10, 9), FollowupStatus.DONE),
        followup("dentist", at(12, 2, 9), FollowupStatus.CANCELLED),
    ]
