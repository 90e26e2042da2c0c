"""Creating a team step by step: what each answer may be, and the flow from name to team."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services import wizards
from bot.services.errors import DomainError
from bot.services.teams import newchild
from models import Child, Membership, Role, WizardState
from models.session import Database
from tests.factories import make_person


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        ("Paris", "Europe/Paris"),
        ("new york", "America/New_York"),
        ("UTC", "UTC"),
        ("UTC+2", "Etc/GMT-2"),
        ("GMT-5", "Etc/GMT+5"),
        ("+03:00", "Etc/GMT-3"),
        ("utc+0", "UTC"),
    ],
)
def test_a_time_zone_may_be_a_name_a_city_or_an_offset(typed: str, zone: str) -> None:
    assert newchild.parse_timezone(typed) == zone


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Atlantis", "newchild.bad_zone"),
        ("", "newchild.bad_zone"),
        ("UTC+5:30", "newchild.bad_offset"),
        ("UTC+15", "newchild.bad_offset"),
    ],
)
def test_a_time_zone_that_is_not_one_is_refused(typed: str, key: str) -> None:
    with pytest.raises(DomainError) as refused:
        newchild.parse_timezone(typed)

    assert refused.value.key == key


def test_a_nickname_is_enough_and_is_tidied() -> None:
    assert newchild.validate_name("  Lily   Bug ") == "Lily Bug"


@pytest.mark.parametrize("typed", ["", "   ", "x" * 41, "/start"])
def test_a_name_that_is_not_a_short_name_is_refused(typed: str) -> None:
    with pytest.raises(DomainError):
        newchild.validate_name(typed)


def test_a_birth_year_must_be_plausible_for_a_child(frozen_clock) -> None:
    assert newchild.parse_birth_year("2019") == 2019
    for typed in ("1990", "2027", "twenty", "19"):
        with pytest.raises(DomainError):
            newchild.parse_birth_year(typed)


def test_the_zone_buttons_follow_the_users_language() -> None:
    assert newchild.common_zones("de-AT")[0] == "Europe/Berlin"
    assert newchild.common_zones(None)[0] == "Europe/London"
    assert newchild.common_zones("xx") == newchild.common_zones("en")


async def test_three_answers_make_a_team(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        state = await newchild.begin(session, mum, 1)
        state = await newchild.answer(session, mum, state, "Lily")
        state = await newchild.answer(session, mum, state, "Paris")
        child = await newchild.answer(session, mum, state, "2019")

    assert isinstance(child, Child)
    assert (child.name, child.timezone, child.birth_year) == ("Lily", "Europe/Paris", 2019)
    async with db.open_session() as session:
        assert (await session.scalar(select(Membership))).role == Role.GUARDIAN
        assert await session.scalar(select(WizardState)) is None


async def test_a_tapped_zone_and_a_skipped_year_make_a_team(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        mum = await make_person(
            session,
            1,
            "Anna",
        )
        state = await newchild.begin(session, mum, 1)
        state = await newchild.answer(session, mum, state, "Lily")
        ticket = wizards.ticket(state)
        await newchild.pick_zone(session, mum, 1, ticket, 1)
        child = await newchild.skip_year(session, mum, 1, ticket)

    assert (child.timezone, child.birth_year) == ("America/New_York", None)


async def test_a_wrong_answer_keeps_the_question(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        state = await newchild.answer(session, mum, await newchild.begin(session, mum, 1), "Lily")

    with pytest.raises(DomainError):
        async with db.transaction() as session:
            await newchild.answer(session, mum, state, "Atlantis")

    async with db.open_session() as session:
        assert (await session.scalar(select(WizardState))).step == "zone"


async def test_a_cancelled_flow_creates_nothing(db: Database, frozen_clock) -> None:
    async with db.transaction() as session:
        mum = await make_person(session, 1, "Anna")
        state = await newchild.begin(session, mum, 1)
        await newchild.cancel(session, mum, 1, wizards.ticket(state))

    async with db.open_session() as session:
        assert await session.scalar(select(WizardState)) is None
        assert await session.scalar(select(Child)) is None
