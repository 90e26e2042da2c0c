"""A child's records built in memory, for the export views: Lily's November, as in the digest."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from bot.services.digests.period import Period
from bot.services.exports.export import Export, Format
from bot.services.exports.records import Member, Records
from models import (
    ChangeAction,
    Child,
    Episode,
    EpisodeKind,
    Medication,
    MedicationChange,
    NotifyPreference,
    Role,
)
from tests.views.digests.sample import FIGURES, child

MADE = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
SEPTEMBER = datetime(2026, 9, 1, 7, tzinfo=UTC)
PERIOD = Period(date(2026, 11, 2), date(2026, 11, 29), "Europe/London")


def nov(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def member(n: int, name: str, role: Role) -> Member:
    return Member(n, n, name, None, None, role, NotifyPreference.GROUP, nov(1), None)


MEMBERS = [
    member(1, "Anna", Role.GUARDIAN),
    member(4, "Ms Park", Role.EDUCATOR),
    member(5, "Dr Lee", Role.CLINICIAN),
]


def episode(n: int, at: datetime, reporter: int = 1, **facts: object) -> Episode:
    values: dict[str, object] = {
        "body_parts": [], "triggers": [], "injury": False, "attachment_file_ids": [],
        "merged_into_id": None, "corrected_at": None, "observer": None, "notes": None,
        "rescue_medication": None, "setting": None, "kind": None, "intensity": None,
        "jerk_count": None, "duration_seconds": None, "window_end_at": None, "awareness": None,
    }  # fmt: skip
    return Episode(
        id=n, child_id=7, occurred_at=at, created_at=at + timedelta(minutes=5),
        reporter_id=reporter, source="line", **{**values, **facts},
    )  # fmt: skip


EPISODES = [
    episode(
        1, nov(3, 7), window_end_at=nov(3, 7, 30), jerk_count=12, kind=EpisodeKind.CLUSTER,
        setting="waking", triggers=["poor_sleep"],
    ),
    episode(2, nov(5, 10, 20), 4, duration_seconds=40, setting="school", triggers=["fatigue"]),
    episode(
        3, nov(18, 11), 4, duration_seconds=360, setting="school", rescue_medication="midazolam",
        notes="Went pale, then slept for an hour in the nurse's room; parents called at 11:20.",
    ),
]  # fmt: skip
LEVETIRACETAM = Medication(
    id=1, child_id=7, name="levetiracetam", name_as_typed="Keppra", is_rescue=False
)
CHANGES = [
    MedicationChange(
        id=1, medication_id=1, child_id=7, action=ChangeAction.START, dose_amount=Decimal(250),
        dose_unit="mg", schedule_times=["08:00", "20:00"], effective_at=SEPTEMBER,
        recorded_by_id=5, recorded_role=Role.CLINICIAN, created_at=SEPTEMBER,
    ),
    MedicationChange(
        id=2, medication_id=1, child_id=7, action=ChangeAction.ADJUST, dose_amount=Decimal(500),
        effective_at=nov(16), reason="more jerks", recorded_by_id=5,
        recorded_role=Role.CLINICIAN, created_at=nov(15, 12),
    ),
]  # fmt: skip


def records(
    lily: Child | None = None, episodes: list[Episode] | None = None, period: Period = PERIOD
) -> Records:
    return Records(
        child=lily or FIGURES.child, period=period, made_at=MADE, members=MEMBERS,
        episodes=EPISODES if episodes is None else episodes, medications={1: LEVETIRACETAM},
        changes=CHANGES, doses=[], followups=[], events=[],
    )  # fmt: skip


def export(format: Format = Format.PDF, name: str | None = None, **changes: object) -> Export:
    lily = child(name or "Lily")
    lily.created_at = SEPTEMBER
    found = records(lily, **changes)  # type: ignore[arg-type]
    return Export(format, found, False, replace(FIGURES, child=lily))
