"""The CSV zip round-trips: every episode, change and dose is one row that reads back the same."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import AsyncIterator
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from sqlalchemy import select

from bot import clock
from bot.services.exports import export as exports
from bot.services.exports.csv import COLUMNS
from bot.services.exports.export import Format
from bot.views.exports import files
from models import DoseLog, Episode, Followup, MedicationChange, Membership
from models.session import Database
from tests.services.digests.month import TODAY, Month, make_month

# CSV columns that are a model's attribute under another name; the rest not named are derived.
RENAMED = {
    "episodes.csv": {
        "entered_at": "created_at",
        "same_episode_as": "merged_into_id",
        "reporter_person_id": "reporter_id",
    },
    "medication_changes.csv": {
        "times": "schedule_times",
        "recorded_by_person_id": "recorded_by_id",
        "recorded_at": "created_at",
    },
    "dose_log.csv": {
        "recorded_by_person_id": "recorded_by_id",
        "acknowledged_by_person_id": "acknowledged_by_id",
    },
    "followups.csv": {"created_by_person_id": "created_by_id"},
    "members.csv": {"membership_id": "id"},
}
DERIVED = {
    "attachments", "reporter_name", "reporter_role", "medicine", "medicine_as_typed", "before",
    "after", "recorded_by_name", "outcome", "acknowledged_by_name",
    "created_by_name",
}  # fmt: skip


@pytest.fixture
async def month(db: Database) -> AsyncIterator[Month]:
    previous = clock.use(clock.FrozenClock(TODAY))
    yield await make_month(db)
    clock.use(previous)


async def _zip(db: Database, month: Month) -> zipfile.ZipFile:
    async with db.transaction() as session:
        made = await exports.for_member(session, month.anna, month.lily.id, Format.CSV, "all")
    return zipfile.ZipFile(io.BytesIO(files.render(made)))


def _rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    text = archive.read(name).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS[name]
    return list(reader)


def _read(cell: str, like: Any) -> Any:
    """A cell read back as the type of the value the database holds."""
    if like is None:
        return None if cell == "" else cell
    if isinstance(like, bool):
        return {"true": True, "false": False}[cell]
    if isinstance(like, datetime):
        moment = datetime.fromisoformat(cell)
        assert moment.tzinfo is not None, f"{cell} has no offset"
        return moment
    if isinstance(like, Enum):
        return type(like)(cell)
    if isinstance(like, Decimal):
        return Decimal(cell)
    if isinstance(like, list | dict):
        return json.loads(cell)
    return type(like)(cell)


def _same(name: str, rows: list[dict[str, str]], stored: list[Any]) -> None:
    by_id = {str(getattr(row, "id")): row for row in stored}  # noqa: B009
    key = "membership_id" if name == "members.csv" else "id"
    assert sorted(r[key] for r in rows) == sorted(by_id), f"{name}: one row per record"
    for row in rows:
        record = by_id[row[key]]
        for column, cell in row.items():
            attribute = RENAMED.get(name, {}).get(column, column)
            if column in DERIVED or not hasattr(record, attribute):
                continue
            value = getattr(record, attribute)
            assert _read(cell, value) == value, f"{name} {row[key]} {column}: {cell!r} {value!r}"


async def test_every_episode_change_and_dose_reads_back_the_same(
    db: Database, month: Month
) -> None:
    async with db.transaction() as session:  # times to the microsecond, as the clock gives them
        first = await session.scalar(select(Episode).order_by(Episode.id).limit(1))
        dose = await session.scalar(select(DoseLog).order_by(DoseLog.id).limit(1))
        assert first is not None and dose is not None
        first.created_at = first.created_at.replace(second=12, microsecond=345678)
        dose.recorded_at = dose.recorded_at.replace(second=59, microsecond=1)
    archive = await _zip(db, month)
    async with db.transaction() as session:
        lily = month.lily.id
        episodes = await session.scalars(
            select(Episode).where(Episode.child_id == lily, Episode.deleted_at.is_(None))
        )
        changes = await session.scalars(
            select(MedicationChange).where(MedicationChange.child_id == lily)
        )
        doses = await session.scalars(select(DoseLog).where(DoseLog.child_id == lily))
        followups = await session.scalars(select(Followup).where(Followup.child_id == lily))
        members = await session.scalars(select(Membership).where(Membership.child_id == lily))
        stored = {
            "episodes.csv": list(episodes),
            "medication_changes.csv": list(changes),
            "dose_log.csv": list(doses),
            "followups.csv": list(followups),
            "members.csv": list(members),
        }
    assert [len(v) for v in stored.values()] == [20, 3, 58, 3, 5]
    for name, records in stored.items():
        _same(name, _rows(archive, name), records)


async def test_times_carry_the_childs_offset(db: Database, month: Month) -> None:
    rows = _rows(await _zip(db, month), "episodes.csv")
    starts = [row["occurred_at"] for row in rows]
    assert "2026-10-06T10:00:00+01:00" in starts  # London summer time
    assert "2026-11-03T07:00:00+00:00" in starts
    series = next(row for row in rows if row["occurred_at"].startswith("2026-11-03T07:00"))
    assert series["window_end_at"] == "2026-11-03T07:30:00+00:00"
    assert json.loads(series["triggers"]) == ["poor_sleep"]


async def test_a_second_report_points_at_its_episode(db: Database, month: Month) -> None:
    rows = _rows(await _zip(db, month), "episodes.csv")
    seconds = [row for row in rows if row["same_episode_as"]]
    assert sorted(row["reporter_name"] for row in seconds) == ["Ben", "Gran"]
    ids = {row["id"] for row in rows}
    assert all(row["same_episode_as"] in ids for row in seconds)


async def test_changes_say_old_and_new(db: Database, month: Month) -> None:
    rows = _rows(await _zip(db, month), "medication_changes.csv")
    adjust = next(row for row in rows if row["action"] == "adjust")
    assert (adjust["before"], adjust["after"]) == (
        "250 mg at 08:00, 20:00",
        "500 mg at 08:00, 20:00",
    )
    assert adjust["reason"] == "more jerks" and adjust["recorded_by_name"] == "Dr Lee"


async def test_doses_say_how_they_went(db: Database, month: Month) -> None:
    rows = _rows(await _zip(db, month), "dose_log.csv")
    outcomes = [row["outcome"] for row in rows]
    assert (outcomes.count("late"), outcomes.count("skipped"), outcomes.count("missed")) == (
        2,
        1,
        3,
    )
    first = next(row for row in rows if row["scheduled_at"] == "2026-11-01T08:00:00+00:00")
    later = next(row for row in rows if row["scheduled_at"] == "2026-11-20T08:00:00+00:00")
    assert (first["dose_amount"], later["dose_amount"]) == ("250", "500")


async def test_the_audit_log_and_the_readme_come_with_it(db: Database, month: Month) -> None:
    archive = await _zip(db, month)
    assert sorted(archive.namelist()) == sorted([*COLUMNS, "README.txt"])
    readme = archive.read("README.txt").decode()
    for name, columns in COLUMNS.items():
        assert name in readme
        for column in columns:
            assert f"\n{column}: " in readme, f"README.txt does not explain {name} {column}"
    audit = _rows(archive, "audit_log.csv")
    assert all(json.loads(row["payload"]) is not None for row in audit)


async def test_names_in_any_alphabet_survive(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        (await session.get_one(type(month.lily), month.lily.id)).name = "Лилия"
        episode = await session.scalar(select(Episode).where(Episode.child_id == month.lily.id))
        assert episode is not None
        episode.notes = "Σπασμός — 痙攣 🙂"
    archive = await _zip(db, month)
    assert "Лилия" in archive.read("README.txt").decode("utf-8")
    notes = [row["notes"] for row in _rows(archive, "episodes.csv")]
    assert "Σπασμός — 痙攣 🙂" in notes
