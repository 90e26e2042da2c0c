"""Each person in their own language: a Spanish-speaking mother, a Russian-speaking teacher and
an English-speaking neurologist read one report, one dose reminder and their digests each in
their own language, the team's group in the team's; /language switches one person only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.clock import FrozenClock
from bot.handlers.menus import names_for
from bot.sandbox.api_chats import shown_menu
from bot.sandbox.client import Actor, Group, Message
from bot.sandbox.markup_html import parse_html
from bot.services.teams.permissions import Chat
from bot.texts import t
from bot.views.dates import format_day
from bot.views.menus import commands
from models import Child, DoseDuty, Episode, NotifyPreference, Person, Role
from tests.e2e.conftest import World
from tests.e2e.medication_steps import at, med, time_passes
from tests.e2e.teams_steps import create_team, invitation, join, say, tap
from tests.factories import make_child, make_member

REPORT = "/e 08:15 45s"  # numbers only: read the same in every language


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, with time frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


@dataclass
class Team:
    ana: Actor  # guardian, Spanish
    olga: Actor  # educator, Russian
    lee: Actor  # clinician, English
    group: Group


def plain(key: str, language: str, **params: Any) -> str:
    """What a person sees of ``key`` in ``language``: its text without the HTML."""
    return parse_html(t(key, language, **params))[0]


async def team(world: World) -> Team:
    """Lily's team, each member hearing the news privately; Ana links the group herself."""
    ana = await world.user("Ana", language_code="es")
    olga = await world.user("Olga", language_code="ru")
    lee = await world.user("Lee", language_code="en")
    group = await world.group("Lily", [ana, olga, lee])
    await world.settle()
    roles = {ana: Role.GUARDIAN, olga: Role.EDUCATOR, lee: Role.CLINICIAN}
    async with world.db.transaction() as session:
        lily = await make_child(session, "Lily", "Europe/London")
        for actor, role in roles.items():
            person = await session.scalar(select(Person).where(Person.telegram_user_id == actor.id))
            assert person is not None
            await make_member(session, lily, person, role, NotifyPreference.PRIVATE)
    await say(world, ana, group, "/link")
    return Team(ana, olga, lee, group)


async def last(chat: Any) -> Message:
    return (await chat.bot_messages())[-1]


async def test_the_group_reads_the_language_of_the_guardian_who_linked_it(world: World) -> None:
    found = await team(world)

    async with world.db.open_session() as session:
        assert await session.scalar(select(Child.language)) == "es"
    assert (await last(found.group)).text != ""


async def test_one_spanish_report_is_stored_once_and_each_reads_it_in_their_language(
    world: World,
) -> None:
    found = await team(world)

    await say(world, found.ana, found.ana.private_chat, REPORT)

    async with world.db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(Episode)) == 1
    when = {lang: t("episodes.today_at", lang, time="08:15") for lang in ("es", "ru", "en")}
    for chat, lang in ((found.olga.private_chat, "ru"), (found.lee.private_chat, "en")):
        relay = (await last(chat)).text or ""
        assert relay.startswith(plain("episodes.head", lang, child="Lily", when=when[lang]))
        assert plain("episodes.duration.seconds", lang, n=45) in relay
    group_relay = (await last(found.group)).text or ""
    assert group_relay.startswith(plain("episodes.head", "es", child="Lily", when=when["es"]))
    english_head = plain("episodes.head", "en", child="Lily", when=when["en"])
    assert not (await last(found.olga.private_chat)).text.startswith(english_head)  # type: ignore[union-attr]
    assert not group_relay.startswith(english_head)


async def test_a_dose_reminder_reaches_each_in_their_language(
    world: World, frozen_clock: FrozenClock
) -> None:
    found = await team(world)
    async with world.db.transaction() as session:
        lily = await session.scalar(select(Child))
        assert lily is not None
        duty = DoseDuty(child_id=lily.id, time_of_day="20:00", updated_at=at("2026-11-25 09:00"))
        duty.roles = [Role.GUARDIAN.value, Role.EDUCATOR.value]
        session.add(duty)
    await med(world, found.ana, found.group, "start levetiracetam 250 mg 08:00 20:00")

    await time_passes(world, frozen_clock, "2026-11-25 20:00")

    for person, lang in ((found.ana, "es"), (found.olga, "ru")):
        reminder = await last(person.private_chat)
        title = plain("doses.title", lang, time="20:00", child="Lily")
        assert (reminder.text or "").startswith(title)
        assert t("doses.button_given", lang) in reminder.labels
        assert not (reminder.text or "").startswith(
            plain("doses.title", "en", time="20:00", child="Lily")
        )


async def test_a_digest_reaches_each_reader_in_their_language(world: World) -> None:
    found = await team(world)

    for person, lang in ((found.ana, "es"), (found.lee, "en")):
        await say(world, person, person.private_chat, "/digest 7d")
        chart, figures = (await person.private_chat.bot_messages())[-2:]
        first, last_day = (format_day(date(2026, 11, d), "day_month", lang) for d in (18, 24))
        title = plain("digest.title", lang, child="Lily", first=first, last=f"{last_day} 2026")
        assert (chart.text or "").startswith(title)
        assert figures.text
    [chart_es] = [m for m in await found.ana.private_chat.bot_messages() if m.raw.get("photo")]
    assert not (chart_es.text or "").startswith(
        plain("digest.title", "en", child="Lily", first="18 Nov", last="24 Nov 2026")
    )


async def test_language_switches_one_person_and_nobody_else(world: World) -> None:
    found = await team(world)
    olga = found.olga.private_chat

    menu = await say(world, found.olga, olga, "/language")
    assert menu.labels == ["English", "Español", "Русский"]
    answer = await tap(world, found.olga, olga, menu, "English")

    assert answer.text == plain("language.set", "en")
    async with world.db.open_session() as session:
        spoken = dict(
            (await session.execute(select(Person.first_name, Person.language_code))).all()
        )
    assert spoken == {"Ana": "es", "Olga": "en", "Lee": "en"}
    await say(world, found.ana, found.ana.private_chat, REPORT)
    when = {lang: t("episodes.today_at", lang, time="08:15") for lang in ("es", "en")}
    assert ((await last(olga)).text or "").startswith(
        plain("episodes.head", "en", child="Lily", when=when["en"])
    )
    assert ((await last(found.group)).text or "").startswith(
        plain("episodes.head", "es", child="Lily", when=when["es"])
    )
    # Her menu of commands is now in English, with an educator's commands.
    shown = shown_menu(world.emulator.core, found.olga.id, found.olga.id, "ru")
    assert shown == commands(names_for({Role.EDUCATOR}, Chat.PRIVATE), "en")


async def test_a_guardian_sets_the_groups_language_with_one_press(world: World) -> None:
    found = await team(world)

    menu = await say(world, found.ana, found.group, "/language")
    answer = await tap(world, found.ana, found.group, menu, "Русский")

    assert answer.text == plain("language.team_set", "ru", child="Lily")
    async with world.db.open_session() as session:
        assert await session.scalar(select(Child.language)) == "ru"
        assert (
            await session.scalar(select(Person.language_code).where(Person.first_name == "Ana"))
            == "es"
        )
    shown = shown_menu(world.emulator.core, found.group.id, found.ana.id, "es")
    assert shown == commands(names_for(set(Role), Chat.TEAM_GROUP), "ru")


async def test_an_educators_forged_team_language_button_changes_nothing(world: World) -> None:
    found = await team(world)
    menu = await say(world, found.ana, found.group, "/language")
    async with world.db.open_session() as session:
        lily = await session.scalar(select(Child))
        assert lily is not None

    query = await found.olga.press_data(found.group, menu, f"lang:{lily.id}:team:ru", forge=True)
    await world.settle()

    assert (await world.sandbox.callback_answer(query))["text"]
    async with world.db.open_session() as session:
        assert await session.scalar(select(Child.language)) == "es"


async def test_someone_who_joins_gets_their_roles_commands_in_their_language(
    world: World,
) -> None:
    lee, olga = (
        await world.user("Lee", language_code="en"),
        await world.user("Olga", language_code="ru"),
    )
    await create_team(world, lee)

    await join(world, olga, await invitation(world, lee, "🩺 Doctor, nurse or therapist"))

    shown = shown_menu(world.emulator.core, olga.id, olga.id, "ru")
    assert shown == commands(names_for({Role.CLINICIAN}, Chat.PRIVATE), "ru")
    assert shown != commands(names_for({Role.CLINICIAN}, Chat.PRIVATE), "en")
    assert "invite" not in {c["command"] for c in shown}  # a guardian's command
