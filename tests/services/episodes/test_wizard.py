"""The guided report's steps: answers, Back, Skip, Cancel, stale and foreign buttons, saving."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import wizards
from bot.services.episodes import wizard as episode_wizard
from bot.services.episodes.wizard import Cancelled, NotYours, ReportStep, SavedReport
from bot.services.errors import DomainError
from bot.services.teams import children as teams
from models import Episode, EpisodeKind, Intensity, Membership, Person, WizardState
from models.episode import DurationBound
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

GROUP = -100777


@dataclass
class Team:
    db: Database
    mum: int
    dad: int

    async def begin(self, who: int, chat: int | None = None) -> int:
        """``who`` starts a guided report; return the ticket its buttons carry."""
        async with self.db.transaction() as session:
            person = await _person(session, who)
            membership = await teams.resolve(session, person, chat or who)
            assert isinstance(membership, Membership)
            state = await episode_wizard.begin(session, membership, person, chat or who)
            return wizards.ticket(state)

    async def tap(self, who: int, ticket: int, action: str, arg: str | None = None, chat=None):
        """``who`` taps a button; return what the flow shows next."""
        async with self.db.transaction() as session:
            person = await _person(session, who)
            return await episode_wizard.press(
                session, person, chat or who, ticket, action, arg, message_id=50
            )

    async def type(self, who: int, text: str, chat: int | None = None):
        async with self.db.transaction() as session:
            person = await _person(session, who)
            state = await episode_wizard.expecting(session, person, chat or who)
            return await episode_wizard.answer_text(session, person, state, text)

    async def episodes(self) -> list[Episode]:
        async with self.db.open_session() as session:
            return list(await session.scalars(select(Episode).order_by(Episode.id)))


async def _person(session: AsyncSession, telegram_id: int) -> Person:
    return (
        await session.scalars(select(Person).where(Person.telegram_user_id == telegram_id))
    ).one()


@pytest.fixture
async def team(db: Database, frozen_clock) -> Team:
    """Lily's team: her mum and dad, both guardians, and the family group."""
    async with db.transaction() as session:
        lily = await make_child(session)
        mum, dad = await make_person(session, 1001, "Anna"), await make_person(session, 1002, "Ben")
        await make_member(session, lily, mum)
        await make_member(session, lily, dad)
        await link_group(session, lily, GROUP)
    return Team(db, 1001, 1002)


async def _walk(team: Team, ticket: int, *taps: tuple[str, str | None]):
    shown = None
    for action, arg in taps:
        shown = await team.tap(team.mum, ticket, action, arg)
    return shown


async def test_every_tapped_answer_is_saved_in_the_report(team: Team) -> None:
    ticket = await team.begin(team.mum)

    await _walk(
        team, ticket,
        ("when", "15m"), ("dur", "10_30"), ("kind", "cluster"), ("body", "arms"),
        ("body", "legs"), ("done", "body"), ("int", "mild"), ("set", "home"),
        ("trig", "fatigue"), ("done", "triggers"), ("resc", "midazolam"),
    )  # fmt: skip
    saved = await team.type(team.mum, "after lunch, then slept")

    assert isinstance(saved, SavedReport)
    [episode] = await team.episodes()
    assert episode.occurred_at == clock.now() - timedelta(minutes=15)
    assert (episode.duration_seconds, episode.duration_max_seconds) == (10, 30)
    assert (episode.duration_bound, episode.kind) == (DurationBound.RANGE, EpisodeKind.CLUSTER)
    assert (episode.body_parts, episode.intensity) == (["arms", "legs"], Intensity.MILD)
    assert (episode.setting, episode.triggers) == ("home", ["fatigue"])
    assert (episode.rescue_medication, episode.notes) == ("midazolam", "after lunch, then slept")
    assert episode.source == "wizard"


async def test_the_flow_asks_each_question_in_turn(team: Team) -> None:
    ticket = await team.begin(team.mum)

    steps = [
        (await team.tap(team.mum, ticket, action, arg)).step
        for action, arg in [("when", "now"), ("dur", "lt10"), ("kind", "single_jerk")]
    ]

    assert steps == [ReportStep.DURATION, ReportStep.KIND, ReportStep.BODY]


async def test_back_returns_to_the_last_question_and_keeps_the_answers(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "5m"), ("dur", "1_5"))

    shown = await team.tap(team.mum, ticket, "back", "kind")

    assert shown.step == ReportStep.DURATION
    assert wizards.answers(shown)["duration_seconds"] == 180


async def test_skipping_the_optional_questions_saves_a_short_report(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "now"), ("dur", "unknown"), ("kind", "absence"))

    for step in ("body", "intensity", "setting", "triggers", "rescue", "notes"):
        shown = await team.tap(team.mum, ticket, "skip", step)

    assert isinstance(shown, SavedReport)
    [episode] = await team.episodes()
    assert (episode.kind, episode.duration_seconds, episode.body_parts) == (
        EpisodeKind.ABSENCE, None, [],
    )  # fmt: skip
    assert episode.intensity is None and episode.notes is None


async def test_what_it_looked_like_cannot_be_skipped(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "now"), ("dur", "lt10"))

    with pytest.raises(DomainError, match="expired_button"):
        await team.tap(team.mum, ticket, "skip", "kind")


async def test_tapping_a_body_part_twice_takes_it_back(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "now"), ("dur", "lt10"), ("kind", "cluster"))

    await team.tap(team.mum, ticket, "body", "face")
    await team.tap(team.mum, ticket, "body", "arms")
    shown = await team.tap(team.mum, ticket, "body", "face")

    assert shown.step == ReportStep.BODY
    assert wizards.answers(shown)["body_parts"] == ["arms"]


async def test_cancel_forgets_everything_and_saves_nothing(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "now"), ("dur", "lt10"))

    shown = await team.tap(team.mum, ticket, "cancel")

    assert isinstance(shown, Cancelled)
    assert await team.episodes() == []
    async with team.db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(WizardState)) == 0


async def test_a_button_of_an_earlier_question_shows_the_current_one(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await team.tap(team.mum, ticket, "when", "now")

    shown = await team.tap(team.mum, ticket, "when", "1h")

    assert shown.step == ReportStep.DURATION
    assert wizards.answers(shown)["time_given"] is False


async def test_a_forged_answer_is_an_expired_button(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "now"), ("dur", "lt10"))

    with pytest.raises(DomainError, match="expired_button"):
        await team.tap(team.mum, ticket, "kind", "banana")


async def test_a_flow_left_alone_for_15_minutes_saves_nothing(team: Team, frozen_clock) -> None:
    ticket = await team.begin(team.mum)
    await team.tap(team.mum, ticket, "when", "now")
    frozen_clock.advance(timedelta(minutes=15))

    with pytest.raises(wizards.WizardExpired):
        await team.tap(team.mum, ticket, "dur", "lt10")
    assert await team.episodes() == []


async def test_someone_elses_report_button_is_refused_with_their_name(team: Team) -> None:
    mums = await team.begin(team.mum, GROUP)

    with pytest.raises(NotYours) as refusal:
        await team.tap(team.dad, mums, "when", "now", chat=GROUP)

    assert refusal.value.params == {"name": "Anna"}


async def test_two_reports_in_one_group_do_not_cross(team: Team) -> None:
    mums, dads = await team.begin(team.mum, GROUP), await team.begin(team.dad, GROUP)

    mine = await team.tap(team.mum, mums, "when", "5m", chat=GROUP)
    his = await team.tap(team.dad, dads, "when", "1h", chat=GROUP)

    assert wizards.answers(mine)["occurred_at"] != wizards.answers(his)["occurred_at"]
    assert (mine.person_id, his.person_id) != (his.person_id, mine.person_id)


async def test_a_typed_time_says_when_it_started(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await team.tap(team.mum, ticket, "typed", "when")

    shown = await team.type(team.mum, "08:40")

    assert shown.step == ReportStep.DURATION
    assert wizards.answers(shown)["occurred_at"] == "2026-11-25T08:40:00+00:00"


async def test_a_time_that_cannot_be_read_is_asked_again(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await team.tap(team.mum, ticket, "typed", "when")

    with pytest.raises(DomainError, match="bad_time"):
        await team.type(team.mum, "no idea")


async def test_typing_while_buttons_are_asked_for_is_refused(team: Team) -> None:
    await team.begin(team.mum)

    with pytest.raises(DomainError, match="use_buttons"):
        await team.type(team.mum, "it was bad")


async def test_a_photo_at_the_last_question_is_kept_with_the_report(team: Team) -> None:
    ticket = await team.begin(team.mum)
    await _walk(team, ticket, ("when", "now"), ("dur", "lt10"), ("kind", "fall"))
    for step in ("body", "intensity", "setting", "triggers", "rescue"):
        await team.tap(team.mum, ticket, "skip", step)

    async with team.db.transaction() as session:
        person = await _person(session, team.mum)
        state = await episode_wizard.expecting(session, person, team.mum)
        await episode_wizard.attach(session, person, state, "AgACphoto", "fell off the sofa")

    [episode] = await team.episodes()
    assert (episode.attachment_file_ids, episode.notes) == (["AgACphoto"], "fell off the sofa")


async def test_the_report_buttons_are_offered_after_the_first_private_report_only(
    team: Team,
) -> None:
    offers = []
    for _ in range(2):
        ticket = await team.begin(team.mum)
        await _walk(team, ticket, ("when", "now"), ("dur", "lt10"), ("kind", "fall"))
        for step in ("body", "intensity", "setting", "triggers", "rescue", "notes"):
            shown = await team.tap(team.mum, ticket, "skip", step)
        offers.append(shown.offer_keyboard)

    assert offers == [True, False]
