"""Someone off the team hears nothing more about the child: no news, queued or new, and no edits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot import clock
from bot.clock import FrozenClock
from bot.delivery.outbox import enqueue
from bot.handlers.timer import tick
from bot.replies import Reply
from bot.sandbox.client import Actor, Message
from models import Child, Membership, Outbox, OutboxStatus, Person, Role
from tests.e2e.conftest import World
from tests.e2e.medication_steps import at, lily_family, med, time_passes
from tests.e2e.teams_steps import say, tap
from tests.support.waiting import eventually

TWICE_DAILY = "start levetiracetam 250 mg 08:00 20:00"
REMINDER = "💊 20:00 dose for Lily\nlevetiracetam 250 mg"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def make_caregiver(world: World, actor: Actor) -> None:
    async with world.db.transaction() as session:
        person = await session.scalar(select(Person).where(Person.telegram_user_id == actor.id))
        assert person is not None
        await session.execute(
            update(Membership).where(Membership.person_id == person.id).values(role=Role.CAREGIVER)
        )


async def remove(world: World, guardian: Actor, name: str) -> None:
    """``guardian`` takes ``name`` off the team from the roster, in private."""
    chat = guardian.private_chat
    roster = await say(world, guardian, chat, "/team")
    member = await tap(world, guardian, chat, roster, f"{name} ›")
    confirm = await tap(world, guardian, chat, member, "Remove from the team")
    await tap(world, guardian, chat, confirm, f"Yes, remove {name}")
    assert (await chat.current(confirm)).text == f"{name} is no longer on Lily's care team."


async def shown(actor: Actor) -> list[tuple[int, str | None]]:
    """Every message of the bot in ``actor``'s private chat, as it reads now."""
    return [(m.message_id, m.text) for m in await actor.private_chat.bot_messages()]


async def reminders(actor: Actor) -> list[Message]:
    """The dose reminders ``actor`` got privately, as they read now."""
    return [m for m in await actor.private_chat.bot_messages() if "dose for Lily" in (m.text or "")]


async def test_a_given_dose_is_not_shown_to_a_caregiver_removed_minutes_before(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await make_caregiver(world, family.dad)
    await med(world, family.mum, family.group, TWICE_DAILY)
    await time_passes(world, frozen_clock, "2026-11-25 20:00")
    [mums], [dads] = await reminders(family.mum), await reminders(family.dad)
    frozen_clock.set(at("2026-11-25 20:02"))
    await remove(world, family.mum, "Ben")
    before = await shown(family.dad)
    frozen_clock.set(at("2026-11-25 20:05"))

    await tap(world, family.mum, family.mum.private_chat, mums, "✅ Given")

    given = "💊 20:00 dose for Lily: levetiracetam 250 mg\n✅ Given by Anna at 20:05"
    assert (await family.mum.private_chat.current(mums)).text == given
    assert (await family.dad.private_chat.current(dads)).text == REMINDER
    assert await shown(family.dad) == before


async def test_a_dose_marked_missed_is_not_shown_to_a_caregiver_removed_before(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await make_caregiver(world, family.dad)
    await med(world, family.mum, family.group, TWICE_DAILY)
    await time_passes(world, frozen_clock, "2026-11-25 20:00")
    frozen_clock.set(at("2026-11-25 20:02"))
    await remove(world, family.mum, "Ben")
    before = await shown(family.dad)

    await time_passes(world, frozen_clock, "2026-11-25 21:05")

    missed = "💊 20:00 dose for Lily: levetiracetam 250 mg\n❌ Missed: nobody answered by 21:00"
    # Ben is still in the group, so the group is held and Anna hears of it privately too.
    alert = (
        "❌ Missed dose for Lily\n"
        "levetiracetam 250 mg at 20:00: nobody recorded it within 60 minutes."
    )
    assert [m.text for m in await reminders(family.mum)] == [missed, missed, alert]
    assert await shown(family.dad) == before


async def test_a_timer_card_stops_changing_once_its_starter_is_off_the_team(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    await make_caregiver(world, family.dad)
    card = await say(world, family.dad, family.dad.private_chat, "/timer")
    await remove(world, family.mum, "Ben")
    before = await shown(family.dad)

    for _ in range(31):  # every 10 s, past the 5-minute alert
        frozen_clock.advance(timedelta(seconds=10))
        await tick(world.runtime, world.app.bot)
        await world.settle()

    assert card.text is not None and card.text.startswith("⏱ 0:00 — seizure timer for Lily")
    assert await shown(family.dad) == before
    alert = await family.mum.private_chat.last_bot_message()
    assert alert.text is not None and alert.text.startswith("🚨 Lily: seizure still going")


HELD = timedelta(minutes=5)  # how long the queued news waits, as after Telegram's "retry after"


async def news_waiting_for(world: World, actor: Actor, text: str) -> int:
    """News about Lily queued for ``actor`` and not sent yet; return its outbox row's id."""
    async with world.db.transaction() as session:
        lily = await session.scalar(select(Child).where(Child.name == "Lily"))
        assert lily is not None
        [row] = await enqueue(session, actor.private_chat.id, Reply(text), child_id=lily.id)
        row.next_attempt_at = clock.now() + HELD
        return row.id


async def withdrawn(world: World, row_id: int) -> bool:
    async with world.db.open_session() as session:
        row = await session.get_one(Outbox, row_id)
        return row.status == OutboxStatus.FAILED and row.last_error == "left the team"


async def test_news_still_queued_for_someone_removed_never_reaches_them(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    chat = family.mum.private_chat
    roster = await say(world, family.mum, chat, "/team")
    member = await tap(world, family.mum, chat, roster, "Ben ›")
    confirm = await tap(world, family.mum, chat, member, "Remove from the team")
    waiting = await news_waiting_for(world, family.dad, "Lily's 20:00 dose was given")
    before = await shown(family.dad)

    await family.mum.press(chat, confirm, "Yes, remove Ben")

    await eventually(lambda: withdrawn(world, waiting), what="the news queued for Ben withdrawn")
    frozen_clock.advance(HELD)
    await world.settle()
    told = "You are no longer on Lily's care team, so I won't send you news about Lily any more."
    assert [text for _, text in await shown(family.dad)] == [*(t for _, t in before), told]
    assert (await chat.current(confirm)).text == "Ben is no longer on Lily's care team."


async def test_news_still_queued_for_someone_who_leaves_never_reaches_them(
    world: World, frozen_clock: FrozenClock
) -> None:
    family = await lily_family(world)
    chat = family.teacher.private_chat
    confirm = await say(world, family.teacher, chat, "/leave")
    waiting = await news_waiting_for(world, family.teacher, "Lily's 20:00 dose was given")

    await family.teacher.press(chat, confirm, "Yes, leave")

    await eventually(
        lambda: withdrawn(world, waiting), what="the news queued for Ms Park withdrawn"
    )
    frozen_clock.advance(HELD)
    await world.settle()
    assert "Lily's 20:00 dose was given" not in await chat.bot_texts()
