"""Reporting an episode: the one-line examples, series, second reports, urgency and the relay."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services.episodes import report as episodes
from bot.services.episodes.parsing import EpisodeParseError, ParsedEpisode
from bot.services.errors import DomainError, NotAMember
from models import Child, Episode, EpisodeKind, Event, Intensity, Membership, Person, Role
from models.session import Database
from tests.services.episodes.steps import (
    ANNA,
    BEN,
    GROUP,
    LEE,
    NOW,
    at,
    queued,
    report,
    saved_episodes,
    team_of_four,
)

EXAMPLES = [
    ("30s", {"occurred_at": NOW, "duration_seconds": 30}),
    (
        "2m cluster arms school tired",
        {
            "duration_seconds": 120,
            "kind": EpisodeKind.CLUSTER,
            "body_parts": ["arms"],
            "setting": "school",
            "triggers": ["fatigue"],
        },
    ),
    (
        "8:15 45 sec mild face",
        {
            "occurred_at": at(8, 15),
            "duration_seconds": 45,
            "intensity": Intensity.MILD,
            "body_parts": ["face"],
        },
    ),
    (
        "20 min ago 1m severe whole body fall gave midazolam",
        {
            "occurred_at": at(8, 40),
            "duration_seconds": 60,
            "intensity": Intensity.SEVERE,
            "body_parts": ["whole_body"],
            "kind": EpisodeKind.FALL,
            "rescue_medication": "midazolam",
        },
    ),
    (
        "yesterday 21:30 5 jerks in sleep",
        {"occurred_at": at(21, 30, days=-1), "jerk_count": 5, "setting": "sleep"},
    ),
    (
        "7am x3 left arm after missed dose",
        {
            "occurred_at": at(7, 0),
            "jerk_count": 3,
            "body_parts": ["left_arm"],
            "triggers": ["missed_dose"],
        },
    ),
    (
        "12 jerks 7:00-7:30 on waking",
        {
            "occurred_at": at(7, 0),
            "window_end_at": at(7, 30),
            "jerk_count": 12,
            "kind": EpisodeKind.CLUSTER,
            "setting": "waking",
        },
    ),
    ("30s arms seen by grandma", {"observer": "grandma", "body_parts": ["arms"]}),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES, ids=[text for text, _ in EXAMPLES])
async def test_a_one_line_report_is_saved_as_understood(
    db: Database, frozen_clock, text: str, expected: dict
) -> None:
    team = await team_of_four(db)

    await report(db, team["Ms Park"], text)

    [saved] = await saved_episodes(db)
    assert {name: getattr(saved, name) for name in expected} == expected
    assert saved.reporter_id == team["Ms Park"].person_id
    assert saved.source == "line" and saved.relayed_at == NOW


async def test_the_reporter_and_the_delay_before_entry_are_kept(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)

    found = await report(db, team["Ms Park"], "8:15 45s face")

    [saved] = await saved_episodes(db)
    assert saved.created_at - saved.occurred_at == timedelta(minutes=45)
    assert (found.card.reporter, found.card.role) == ("Ms Park", Role.EDUCATOR)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("banana", "episode_parsing.nothing_recognised"),
        ("10:15 45s", "episode_parsing.later_today"),
        ("99h", "episode_parsing.duration_too_long"),
    ],
)
async def test_a_line_that_cannot_be_read_saves_nothing(
    db: Database, frozen_clock, text: str, key: str
) -> None:
    team = await team_of_four(db)

    with pytest.raises(EpisodeParseError) as refused:
        await report(db, team["Anna"], text)

    assert refused.value.key == key
    assert await saved_episodes(db) == []
    assert await queued(db) == []


async def test_a_saved_episode_goes_to_the_group_and_to_who_asked_for_private(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)

    await report(db, team["Ms Park"], "2m cluster arms school tired")

    chats = [chat for chat, _ in await queued(db)]
    assert sorted(chats) == [GROUP, ANNA]
    text = (await queued(db))[0][1]
    assert text.splitlines() == [
        "⚡ <b>Lily</b> — episode at 09:00",
        "2 min · cluster · arms",
        "📍 at school · trigger: tired",
        "👤 Ms Park (educator)",
        "📊 Today 1 · this week 1 · last week 0",
    ]


async def test_reporting_in_the_group_sends_no_second_copy_there(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)

    await report(db, team["Ben"], "30s", in_chat=GROUP)

    assert [chat for chat, _ in await queued(db)] == [ANNA]


async def test_the_relay_counts_today_this_week_and_last_week(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    for text in ("2026-11-16 10:00 30s", "2026-11-23 8:00 30s", "7:00 30s"):
        await report(db, team["Ms Park"], text)

    found = await report(db, team["Ms Park"], "8:50 10s")

    assert (found.counts.today, found.counts.this_week, found.counts.last_week) == (2, 3, 1)


async def test_someone_off_the_team_cannot_report(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    async with db.transaction() as session:
        gone = await session.get_one(Membership, team["Ben"].id)
        gone.left_at = NOW

    with pytest.raises(NotAMember):
        await report(db, team["Ben"], "30s")

    assert await saved_episodes(db) == []


async def test_a_guided_report_in_the_future_is_refused(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    parsed = ParsedEpisode(occurred_at=NOW + timedelta(hours=1), duration_seconds=30)

    async with db.transaction() as session:
        anna = await session.get_one(Person, team["Anna"].person_id)
        with pytest.raises(DomainError) as refused:
            await episodes.report(session, team["Anna"], anna, parsed, source="wizard")

    assert refused.value.key == "episodes.in_future"


async def test_the_report_is_written_to_the_audit_log(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)

    await report(db, team["Anna"], "8:15 45s face")

    async with db.open_session() as session:
        [event] = await session.scalars(select(Event).where(Event.kind == "episode.reported"))
    assert event.payload["source"] == "line"
    assert event.payload["record"]["occurred_at"] == at(8, 15).isoformat()


# A second report of the same episode


async def test_a_second_reporter_within_five_minutes_is_asked_and_nothing_is_relayed(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    await report(db, team["Anna"], "8:57 30s arms")
    relayed = await queued(db)

    found = await report(db, team["Ms Park"], "9:00 40s arms")

    assert found.duplicate is not None and found.duplicate.reporter == "Anna"
    assert not found.shared
    assert await queued(db) == relayed
    assert (await saved_episodes(db))[1].relayed_at is None


async def test_two_reports_at_the_same_moment_are_checked_one_after_the_other(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)

    receipts = await asyncio.gather(
        report(db, team["Anna"], "30s arms"), report(db, team["Ms Park"], "40s arms")
    )

    assert sorted(found.shared for found in receipts) == [False, True]
    assert len([chat for chat, _ in await queued(db) if chat == GROUP]) == 1


async def test_the_same_person_reporting_twice_is_not_asked(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await report(db, team["Anna"], "8:57 30s")

    found = await report(db, team["Anna"], "9:00 30s")

    assert found.duplicate is None and found.shared


async def test_reports_six_minutes_apart_are_two_episodes(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await report(db, team["Anna"], "8:54 30s")

    found = await report(db, team["Ms Park"], "9:00 30s")

    assert found.duplicate is None and found.shared


async def test_a_report_inside_a_series_window_may_be_the_same(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    await report(db, team["Anna"], "12 jerks 7:00-7:30 on waking")

    found = await report(db, team["Ms Park"], "7:20 3 jerks")

    assert found.duplicate is not None and found.duplicate.episode.jerk_count == 12


# Urgent episodes


async def test_an_episode_at_the_threshold_is_urgent_and_reaches_every_phone(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    async with db.transaction() as session:
        lily = await session.get_one(Child, team["Anna"].child_id)
        lily.action_plan = "Give buccal midazolam 5 mg. Call 999."

    found = await report(db, team["Ms Park"], "8:50 5m whole body", in_chat=GROUP)

    assert found.urgent
    alerts = await queued(db)
    assert sorted(chat for chat, _ in alerts) == [ANNA, LEE, BEN]
    assert all(text.startswith("🚨 <b>URGENT: Lily</b>") for _, text in alerts)
    assert all("Call 999." in text for _, text in alerts)


async def test_severe_with_an_injury_is_urgent_however_short(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)

    found = await report(db, team["Anna"], "20s severe fall hit his head")

    assert found.urgent


async def test_the_plans_threshold_decides_what_is_urgent(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    async with db.transaction() as session:
        (await session.get_one(Child, team["Anna"].child_id)).emergency_threshold_seconds = 180

    shorter = await report(db, team["Anna"], "8:00 2m")
    longer = await report(db, team["Anna"], "8:30 3m")

    assert not shorter.urgent
    assert longer.urgent


def test_severity_alone_or_injury_alone_is_not_urgent() -> None:
    lily = Child(name="Lily", timezone="UTC", emergency_threshold_seconds=300)

    assert not episodes.is_urgent(Episode(intensity=Intensity.SEVERE, injury=False), lily)
    assert not episodes.is_urgent(Episode(intensity=Intensity.MILD, injury=True), lily)
    assert episodes.is_urgent(Episode(intensity=Intensity.SEVERE, injury=True), lily)


async def test_undo_is_offered_for_ten_minutes(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    found = await report(db, team["Anna"], "8:55 30s")
    frozen_clock.advance(timedelta(minutes=10))

    async with db.open_session() as session:
        later = await episodes.receipt(
            session, await session.get_one(Episode, found.card.episode.id)
        )

    assert found.can_undo and not later.can_undo
