"""A line is read in its writer's language: a Spanish or Russian report, follow-up or medicine
change is saved as the same record an English line would be."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.episodes import report as episodes
from bot.services.errors import DomainError
from bot.services.followups import agenda as followups
from bot.services.medications.proposals import prepare
from bot.services.teams.children import membership_in
from models import Membership, Person
from models.session import Database
from tests.services.episodes.steps import NOW, at, saved_episodes, team_of_four


async def _speaking(db: Database, membership: Membership, code: str | None) -> Person:
    async with db.transaction() as session:
        person = await session.get_one(Person, membership.person_id)
        person.language_code = code
    return person


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("es-MX", "hace 10 minutos 3 sacudidas en los brazos en clase, cansada"),
        ("ru", "10 минут назад 3 вздрагивания в руках в классе, устала"),
        ("en", "10 min ago 3 jerks in the arms in class, tired"),
    ],
)
async def test_a_report_in_the_reporters_language_is_saved_as_the_same_record(
    db: Database, frozen_clock, code: str, line: str
) -> None:
    team = await team_of_four(db)
    anna = await _speaking(db, team["Anna"], code)
    async with db.transaction() as session:
        membership = await session.get_one(Membership, team["Anna"].id)
        await episodes.report_line(session, membership, anna, line, anna.telegram_user_id)

    [saved] = await saved_episodes(db)
    assert (saved.occurred_at, saved.jerk_count, saved.setting) == (at(8, 50), 3, "school")
    assert (list(saved.body_parts), list(saved.triggers)) == (["arms"], ["fatigue"])


async def test_a_spanish_line_from_someone_who_reads_english_is_not_guessed_at(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    anna = await _speaking(db, team["Anna"], "en")
    with pytest.raises(DomainError) as refused:
        async with db.transaction() as session:
            membership = await session.get_one(Membership, team["Anna"].id)
            await episodes.report_line(session, membership, anna, "3 sacudidas", 1)

    assert refused.value.key == "episode_parsing.nothing_recognised"
    assert await saved_episodes(db) == []


async def test_a_russian_followup_is_due_when_it_says(db: Database, frozen_clock) -> None:
    team = await team_of_four(db)
    ben = await _speaking(db, team["Ben"], "ru-RU")
    async with db.transaction() as session:
        membership = await membership_in(session, ben.id, team["Ben"].child_id)
        saved = await followups.create(session, ben, membership, "анализ крови через 2 недели")

    assert saved.followup.title == "анализ крови"
    assert saved.followup.due_at.astimezone(UTC) == datetime(2026, 12, 9, 9, 0, tzinfo=UTC)


async def test_a_spanish_medicine_change_reads_its_dose_and_times(
    db: Database, frozen_clock
) -> None:
    team = await team_of_four(db)
    anna = await _speaking(db, team["Anna"], "es")
    async with db.transaction() as session:
        membership = await session.get_one(Membership, team["Anna"].id)
        line = "empezar keppra 250 mg dos veces al día"
        proposal = await prepare(session, membership, line, NOW, NOW, language=anna.language_code)

    assert (proposal.command.drug.generic, proposal.command.amount) == ("levetiracetam", 250)
    assert proposal.command.times == ("08:00", "20:00")
