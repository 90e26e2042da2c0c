"""Reports that seemed not to go through: retyped, they are one record; handled late, on time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.episodes import changes as episode_changes
from bot.services.episodes import report as episodes
from bot.services.episodes import retypes as episode_retypes
from bot.services.errors import DomainError
from models import Membership, Person
from models.session import Database
from tests.services.episodes.steps import (
    ANNA,
    NOW,
    at,
    queued,
    report,
    saved_episodes,
    team_of_four,
)


async def test_the_same_line_again_within_minutes_is_refused_and_changes_nothing(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    await report(db, team["Anna"], "30s face")
    relayed = await queued(db)
    frozen_clock.advance(timedelta(minutes=4))

    with pytest.raises(DomainError) as refused:
        await report(db, team["Anna"], "  30S   Face ")

    assert refused.value.key == "episodes.already_saved"
    assert len(await saved_episodes(db)) == 1
    assert await queued(db) == relayed


@pytest.mark.parametrize(
    ("who", "second", "wait"),
    [
        ("Anna", "30s face", timedelta(minutes=6)),  # long enough apart to be another one
        ("Anna", "40s face", timedelta(minutes=1)),  # not the same words
        ("Ben", "30s face", timedelta(minutes=1)),  # someone else: asked "same episode?"
    ],
)
async def test_other_lines_other_people_or_later_lines_are_saved(
    db: Database, frozen_clock, who: str, second: str, wait: timedelta
) -> None:
    team = await team_of_four(db)
    await report(db, team["Anna"], "30s face")
    frozen_clock.advance(wait)

    await report(db, team[who], second)

    assert len(await saved_episodes(db)) == 2


async def test_a_line_sent_again_after_its_report_was_undone_is_saved(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    first = await report(db, team["Anna"], "30s face")
    async with db.transaction() as session:
        anna = await session.get_one(Person, team["Anna"].person_id)
        await episode_changes.undo(session, anna, ANNA, first.card.episode.id)

    await report(db, team["Anna"], "30s face")

    assert [e.deleted_at is None for e in await saved_episodes(db)] == [False, True]


@given(spacing=st.lists(st.sampled_from([" ", "  ", "\t"]), min_size=3, max_size=3))
def test_spacing_and_case_do_not_make_a_different_line(spacing: list[str]) -> None:
    retyped = f"{spacing[0]}30S{spacing[1]}FACE{spacing[2]}"

    assert episode_retypes.normalised(retyped) == episode_retypes.normalised("30s face")


async def test_a_line_handled_late_is_read_from_when_it_was_sent(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    frozen_clock.advance(timedelta(minutes=20))  # the database was down until now
    async with db.transaction() as session:
        anna = await session.get_one(Person, team["Anna"].person_id)
        membership = await session.get_one(Membership, team["Anna"].id)
        await episodes.report_line(session, membership, anna, "30s", ANNA, said_at=NOW)
        await episodes.report_line(session, membership, anna, "5 min ago 10s", ANNA, said_at=NOW)

    assert [e.occurred_at for e in await saved_episodes(db)] == [NOW, at(8, 55)]
