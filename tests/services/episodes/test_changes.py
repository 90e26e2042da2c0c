"""Changing a saved episode: undo, delete, correct, add details, and "same episode?" answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services import wizards
from bot.services.episodes import changes as episode_changes
from bot.services.episodes import history as episode_history
from bot.services.errors import DomainError, Forbidden, NotAMember
from models import Episode, Event, Intensity, Membership, Person
from models.episode import TimePrecision
from models.session import Database
from tests.factories import link_group, make_child, make_member
from tests.services.episodes.steps import (
    ANNA,
    BEN,
    GROUP,
    NOW,
    PARK,
    at,
    queued,
    report,
    saved_episodes,
    team_of_four,
    told,
)


async def _person(session, user_id: int) -> Person:
    return await session.scalar(select(Person).where(Person.telegram_user_id == user_id))


async def _change(db: Database, user_id: int, change, *args, chat: int | None = None):
    """``user_id`` makes ``change`` (an episode_changes function), from their private chat."""
    async with db.transaction() as session:
        found = await change(session, await _person(session, user_id), chat or user_id, *args)
        return await told(session, found)


async def _events(db: Database, kind: str) -> list[dict]:
    async with db.open_session() as session:
        found = await session.scalars(select(Event).where(Event.kind == kind).order_by(Event.id))
        return [event.payload for event in found]


async def test_the_reporter_undoes_within_ten_minutes(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Ms Park"], "8:55 30s arms")).card.episode
    frozen_clock.advance(timedelta(minutes=9))

    await _change(db, PARK, episode_changes.undo, saved.id)

    [episode] = await saved_episodes(db)
    assert episode.deleted_at == NOW + timedelta(minutes=9)
    assert (await _events(db, "episode.undone"))[0]["record"]["duration_seconds"] == 30
    notice = "↩️ Ms Park took back the report of Lily's episode at 08:55."
    assert sorted((await queued(db))[-2:]) == [(GROUP, notice), (ANNA, notice)]


async def test_undo_is_refused_after_ten_minutes(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Ms Park"], "8:55 30s arms")).card.episode
    frozen_clock.advance(timedelta(minutes=10))

    with pytest.raises(DomainError) as refused:
        await _change(db, PARK, episode_changes.undo, saved.id)

    assert refused.value.key == "episodes.too_late_to_undo"
    assert (await saved_episodes(db))[0].deleted_at is None


async def test_only_the_reporter_can_undo(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Ms Park"], "8:55 30s arms")).card.episode

    with pytest.raises(Forbidden):
        await _change(db, ANNA, episode_changes.undo, saved.id)


async def test_a_guardian_deletes_and_the_log_keeps_the_original(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Ms Park"], "8:55 30s arms school")).card.episode

    await _change(db, BEN, episode_changes.delete, saved.id)

    assert (await saved_episodes(db))[0].deleted_at == NOW
    [event] = await _events(db, "episode.deleted")
    assert event["record"]["setting"] == "school"
    async with db.open_session() as session:
        page = await episode_history.page(
            session, await session.get_one(Membership, team["Ben"].id), "7d", 0
        )
    assert page.total == 0


async def test_another_educator_cannot_delete_a_report(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Anna"], "8:55 30s arms")).card.episode

    with pytest.raises(Forbidden) as refused:
        await _change(db, PARK, episode_changes.delete, saved.id)

    assert refused.value.key == "episodes.refused_change"
    assert (await saved_episodes(db))[0].deleted_at is None


async def test_a_button_pressed_in_another_childs_group_changes_nothing(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Anna"], "8:55 30s arms")).card.episode
    async with db.transaction() as session:
        tom = await make_child(session, "Tom")
        await link_group(session, tom, -900)
        await make_member(session, tom, await _person(session, ANNA))

    with pytest.raises(NotAMember):
        await _change(db, ANNA, episode_changes.delete, saved.id, chat=-900)

    assert (await saved_episodes(db))[0].deleted_at is None


async def _correct(db: Database, user_id: int, text: str):
    """``user_id`` types the corrected line in private, where the correction was asked."""
    async with db.transaction() as session:
        person = await _person(session, user_id)
        state = await wizards.current(session, person.id, user_id)
        return await told(session, await episode_changes.correct(session, person, state, text))


async def test_a_correction_replaces_the_facts_and_logs_before_and_after(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Ms Park"], "8:55 30s arms")).card.episode
    await _change(db, PARK, episode_changes.ask_correction, saved.id)

    await _correct(db, PARK, "45s face mild")

    [episode] = await saved_episodes(db)
    assert (episode.occurred_at, episode.duration_seconds) == (at(8, 55), 45)
    assert (episode.body_parts, episode.intensity) == (["face"], Intensity.MILD)
    assert episode.corrected_at == NOW
    [event] = await _events(db, "episode.corrected")
    assert event["before"]["body_parts"] == ["arms"] and event["after"]["body_parts"] == ["face"]
    assert (await queued(db))[-1][1].startswith("✏️ Ms Park corrected a report:")


async def test_a_correction_that_cannot_be_read_changes_nothing(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Ms Park"], "8:55 30s arms")).card.episode
    await _change(db, PARK, episode_changes.ask_correction, saved.id)

    with pytest.raises(DomainError):
        await _correct(db, PARK, "banana")

    assert (await saved_episodes(db))[0].duration_seconds == 30


async def test_details_fill_in_what_was_missing(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Anna"], "8:55 30s arms")).card.episode

    await _change(db, ANNA, episode_changes.add_detail, saved.id, "int", "moderate")
    await _change(db, ANNA, episode_changes.add_detail, saved.id, "where", "home")
    found = await _change(db, ANNA, episode_changes.add_detail, saved.id, "why", "illness")

    episode = found.card.episode
    assert (episode.intensity, episode.setting, episode.triggers) == (
        Intensity.MODERATE,
        "home",
        ["illness"],
    )
    assert len(await _events(db, "episode.detailed")) == 3


async def test_a_detail_outside_the_list_is_an_expired_button(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Anna"], "8:55 30s arms")).card.episode

    with pytest.raises(DomainError) as refused:
        await _change(db, ANNA, episode_changes.add_detail, saved.id, "where", "moon")

    assert refused.value.key == "errors.expired_button"


async def _second_report(db: Database) -> tuple[Episode, Episode]:
    team = await team_of_four(db)
    first = (await report(db, team["Anna"], "8:57 30s arms")).card.episode
    second = (await report(db, team["Ms Park"], "9:00 40s arms school")).card.episode
    return first, second


async def test_yes_merges_the_second_report_as_a_second_observer(
    db: Database, frozen_clock
) -> None:
    first, second = await _second_report(db)
    relayed = await queued(db)

    primary = await _change(db, PARK, episode_changes.same_episode, second.id, first.id)

    assert primary.also_seen_by == ("Ms Park",)
    assert (await saved_episodes(db))[1].merged_into_id == first.id
    assert await queued(db) == relayed
    async with db.open_session() as session:
        annas = await session.scalar(
            select(Membership).where(Membership.person_id == first.reporter_id)
        )
        page = await episode_history.page(session, annas, "7d", 0)
    assert page.total == 1 and page.cards[0].also_seen_by == ("Ms Park",)


async def test_no_relays_the_second_report_as_its_own(db: Database, frozen_clock) -> None:
    first, second = await _second_report(db)

    found = await _change(db, PARK, episode_changes.different_episode, second.id)

    assert found.shared and (await saved_episodes(db))[1].relayed_at == NOW
    assert sorted(chat for chat, _ in (await queued(db))[-2:]) == [GROUP, ANNA]
    assert (await _events(db, "episode.not_duplicate"))[0]["episode_id"] == second.id


async def test_a_question_answered_twice_changes_nothing_more(db: Database, frozen_clock) -> None:
    first, second = await _second_report(db)
    await _change(db, PARK, episode_changes.different_episode, second.id)
    relayed = await queued(db)

    with pytest.raises(DomainError) as refused:
        await _change(db, PARK, episode_changes.same_episode, second.id, first.id)

    assert refused.value.key == "episodes.already_answered"
    assert await queued(db) == relayed


async def test_undoing_a_report_lets_its_second_observer_stand(db: Database, frozen_clock) -> None:
    first, second = await _second_report(db)
    await _change(db, PARK, episode_changes.same_episode, second.id, first.id)

    await _change(db, ANNA, episode_changes.undo, first.id)

    kept = (await saved_episodes(db))[1]
    assert kept.merged_into_id is None and kept.relayed_at == NOW
    assert "👤 Ms Park (educator)" in (await queued(db))[-1][1]


async def test_a_correction_without_a_time_keeps_how_the_time_was_said(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    saved = (await report(db, team["Anna"], "this morning 30s arms")).card.episode
    await _change(db, ANNA, episode_changes.ask_correction, saved.id)

    await _correct(db, ANNA, "45s face")

    [episode] = await saved_episodes(db)
    assert (episode.occurred_at, episode.duration_seconds) == (saved.occurred_at, 45)
    assert episode.time_precision == TimePrecision.PART_OF_DAY
    assert episode.text_as_typed == "45s face"  # the record's words are now the correction's
