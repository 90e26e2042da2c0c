"""The one question a loose report leaves open, and "same episode?" (issue 13)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services import wizards
from bot.services.episodes import questions
from bot.services.errors import DomainError
from models import Event, Person
from models.episode import TimePrecision
from models.session import Database
from tests.services.episodes.steps import (
    ANNA,
    BEN,
    PARK,
    at,
    queued,
    report,
    saved_episodes,
    team_of_four,
    told,
)


async def _person(session, user_id: int) -> Person:
    found = await session.scalar(select(Person).where(Person.telegram_user_id == user_id))
    assert found is not None
    return found


async def _choose(db: Database, user_id: int, episode_id: int, number: int, index: int):
    async with db.transaction() as session:
        person = await _person(session, user_id)
        found = await questions.choose(session, person, user_id, episode_id, number, index)
        return await told(session, found)


async def _type(db: Database, user_id: int, episode_id: int, number: int, text: str):
    async with db.transaction() as session:
        person = await _person(session, user_id)
        await questions.start_typing(session, person, user_id, episode_id, number)
    async with db.transaction() as session:
        person = await _person(session, user_id)
        state = await wizards.current(session, person.id, user_id)
        assert state is not None and state.flow == questions.FLOW
        return await told(session, await questions.type_answer(session, person, state, text))


async def test_a_loose_line_is_saved_with_its_question_kept(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)

    found = await report(db, team["Ms Park"], "yesterday evening 2 jerks")

    assert found.shared and found.question is not None
    assert (found.question.number, found.question.question.kind) == (1, "time_of_day")
    [episode] = await saved_episodes(db)
    assert episode.details["question"]["phrase"] == "evening"


async def test_a_tapped_answer_changes_the_record_logs_it_and_closes_the_question(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    episode = (await report(db, team["Ms Park"], "yesterday evening 2 jerks")).card.episode
    relayed = await queued(db)

    found = await _choose(db, PARK, episode.id, 1, 2)

    assert found.question is None
    [saved] = await saved_episodes(db)
    assert (saved.occurred_at, saved.time_precision) == (at(22, 0, days=-1), TimePrecision.ABOUT)
    async with db.open_session() as session:
        event = await session.scalar(select(Event).where(Event.kind == "episode.answered"))
    assert event is not None and event.payload["before"]["time_precision"] == "part_of_day"
    assert event.payload["after"]["occurred_at"] == at(22, 0, days=-1).isoformat()
    assert len(await queued(db)) > len(relayed)  # the team hears how it reads now


async def test_a_question_is_answered_once(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    episode = (await report(db, team["Ms Park"], "yesterday evening 2 jerks")).card.episode
    await _choose(db, PARK, episode.id, 1, 0)

    with pytest.raises(DomainError) as refused:
        await _choose(db, PARK, episode.id, 1, 2)

    assert refused.value.key == "episodes.already_answered"
    assert (await saved_episodes(db))[0].occurred_at == at(18, 0, days=-1)


async def test_a_guardian_may_answer_but_not_an_educator_for_someone_else(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    episode = (await report(db, team["Anna"], "yesterday evening 2 jerks")).card.episode

    with pytest.raises(DomainError):
        await _choose(db, PARK, episode.id, 1, 0)
    await _choose(db, BEN, episode.id, 1, 0)

    assert (await saved_episodes(db))[0].occurred_at == at(18, 0, days=-1)


@pytest.mark.parametrize(
    ("line", "typed", "expected"),
    [
        ("yesterday evening 2 jerks", "8", {"occurred_at": at(20, 0, days=-1)}),
        ("yesterday evening 2 jerks", "21:15", {"occurred_at": at(21, 15, days=-1),
                                                "time_precision": TimePrecision.EXACT}),
        ("2m 3m arms", "2-3 min", {"duration_seconds": 120, "duration_max_seconds": 180}),
        ("5 jerks 8 jerks", "7", {"jerk_count": 7}),
    ],
)  # fmt: skip
async def test_a_typed_answer_is_read_for_what_was_asked(
    db: Database, frozen_clock, line: str, typed: str, expected: dict
) -> None:
    team = await team_of_four(db)
    episode = (await report(db, team["Anna"], line)).card.episode

    await _type(db, ANNA, episode.id, 1, typed)

    [saved] = await saved_episodes(db)
    assert {name: getattr(saved, name) for name in expected} == expected
    assert "question" not in saved.details


async def test_a_typed_answer_that_answers_nothing_is_refused(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    episode = (await report(db, team["Anna"], "5 jerks 8 jerks")).card.episode

    with pytest.raises(DomainError) as refused:
        await _type(db, ANNA, episode.id, 1, "lots")

    assert refused.value.key == "episodes.answer.unreadable_count"
    assert (await saved_episodes(db))[0].jerk_count == 5


# "Same episode?"


async def test_a_home_report_and_a_school_report_are_two_episodes(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    await report(db, team["Ms Park"], "8:58 30s arms at school")

    found = await report(db, team["Anna"], "9:00 40s arms at home")

    assert found.shared and found.duplicate is None


async def test_a_report_without_a_place_may_still_be_the_same(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await report(db, team["Ms Park"], "8:58 30s arms at school")

    found = await report(db, team["Anna"], "9:00 40s arms")

    assert not found.shared and found.duplicate is not None


async def test_an_urgent_second_report_is_relayed_at_once_and_asked_about_after(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    await report(db, team["Ms Park"], "8:58 30s arms")

    found = await report(db, team["Anna"], "9:00 6m whole body")

    assert found.shared and found.urgent and found.duplicate is not None
    assert any(text.startswith("🚨 <b>URGENT: Lily</b>") for _, text in await queued(db))


async def test_rescue_medicine_alerts_at_once_however_short(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await report(db, team["Ms Park"], "8:58 30s arms")

    found = await report(db, team["Anna"], "9:00 40s arms gave buccolam")

    assert found.shared and found.urgent
