"""Who may export, which period a choice means, what is read, and the audit event."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
from sqlalchemy import select

from bot import clock
from bot.services.errors import DomainError, Forbidden
from bot.services.exports import export as exports
from bot.services.exports.export import Format, UnknownChild
from models import Episode, Event
from models.session import Database
from tests.services.digests.month import TODAY, Month, make_month, nov


@pytest.fixture
async def month(db: Database) -> AsyncIterator[Month]:
    previous = clock.use(clock.FrozenClock(TODAY))
    yield await make_month(db)
    clock.use(previous)


async def test_a_guardian_and_a_clinician_may_export(db: Database, month: Month) -> None:
    for person in (month.anna, month.lee):
        async with db.transaction() as session:
            made = await exports.for_member(session, person, month.lily.id, Format.CSV, "28")
        assert made.records.child.id == month.lily.id


@pytest.mark.parametrize("who", ["gran", "park"])
async def test_a_caregiver_or_an_educator_is_refused(db: Database, month: Month, who: str) -> None:
    async with db.transaction() as session:
        with pytest.raises(Forbidden) as refused:
            await exports.for_member(session, getattr(month, who), month.lily.id, Format.PDF, "28")
    assert refused.value.key == "permissions.refused.export"
    async with db.transaction() as session:
        assert not list(await session.scalars(select(Event).where(Event.kind == "export.made")))


async def test_only_a_guardian_may_name_the_child_in_fhir(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        with pytest.raises(Forbidden) as refused:
            await exports.for_member(session, month.lee, month.lily.id, Format.FHIR, "28", True)
    assert refused.value.key == "exports.name_guardians_only"
    async with db.transaction() as session:
        made = await exports.for_member(session, month.anna, month.lily.id, Format.FHIR, "28", True)
    assert made.include_name


async def test_the_last_28_days_end_today(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        made = await exports.for_member(session, month.lee, month.lily.id, Format.CSV, "28")
    period = made.records.period
    assert (period.first, period.last) == (date(2026, 11, 3), date(2026, 11, 30))
    times = [row.occurred_at for row in made.records.episodes]
    assert min(times) == nov(3, 7)  # the series of 3 November, 07:00
    assert max(times) == nov(30, 8)  # this morning's


async def test_everything_starts_on_the_first_day_of_the_record(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        made = await exports.for_member(session, month.lee, month.lily.id, Format.CSV, "all")
        stored = await session.scalars(
            select(Episode).where(Episode.child_id == month.lily.id, Episode.deleted_at.is_(None))
        )
        expected = sorted(e.id for e in stored)
    assert made.records.period.first == date(2026, 9, 1)
    assert sorted(row.id for row in made.records.episodes) == expected


async def test_a_deleted_episode_is_left_out(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        made = await exports.for_member(session, month.anna, month.lily.id, Format.CSV, "all")
    assert nov(27, 10) not in [row.occurred_at for row in made.records.episodes]


async def test_an_unknown_button_choice_is_refused(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        with pytest.raises(DomainError) as refused:
            await exports.for_member(session, month.anna, month.lily.id, Format.CSV, "7")
    assert refused.value.key == "errors.expired_button"


async def test_every_export_is_in_the_audit_log(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        await exports.for_member(session, month.lee, month.lily.id, Format.PDF, "90")
    async with db.transaction() as session:
        event = (await session.scalars(select(Event).where(Event.kind == "export.made"))).one()
    assert (event.actor_id, event.child_id, event.created_at) == (
        month.lee.id,
        month.lily.id,
        TODAY,
    )
    assert event.payload == {
        "format": "pdf",
        "first": "2026-09-02",
        "last": "2026-11-30",
        "include_name": False,
        "via": "telegram",
        "episodes": 20,
        "changes": 1,  # the two starts of 1 September are before it
        "doses": 58,
    }


async def test_the_command_line_exports_any_dates_as_nobody(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        made = await exports.for_operator(
            session, month.lily.id, Format.CSV, date(2026, 11, 2), date(2026, 11, 29)
        )
    async with db.transaction() as session:
        event = (await session.scalars(select(Event).where(Event.kind == "export.made"))).one()
    assert event.actor_id is None and event.payload["via"] == "cli"
    assert len([row for row in made.records.episodes if row.merged_into_id is None]) == 10


async def test_the_command_line_refuses_an_unknown_child(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        with pytest.raises(UnknownChild):
            await exports.for_operator(session, 999, Format.CSV, None, None)


async def test_dates_that_run_backwards_are_refused(db: Database, month: Month) -> None:
    async with db.transaction() as session:
        with pytest.raises(DomainError) as refused:
            await exports.for_operator(
                session, month.lily.id, Format.CSV, date(2026, 11, 29), date(2026, 11, 2)
            )
    assert refused.value.key == "exports.bad_dates"
