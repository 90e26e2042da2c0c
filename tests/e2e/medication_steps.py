"""Steps the medication stories share: Lily's team, /med lines, time passing, what was said."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import FrozenClock
from bot.sandbox.client import Actor, Chat, Group, Message
from bot.scheduling import DISPATCHER_KEY
from models import DoseLog, Person, Role
from tests.e2e.conftest import World
from tests.e2e.teams_steps import say, tap
from tests.factories import link_group, make_child, make_member

LONDON = ZoneInfo("Europe/London")
CONFIRM = "✅ Yes, record it"


@dataclass
class Family:
    """Lily's team: Anna and Ben (parents), Ms Park (teacher), Dr Lee (neurologist), one group."""

    mum: Actor
    dad: Actor
    teacher: Actor
    doctor: Actor
    group: Group


async def lily_family(world: World) -> Family:
    """Lily's team in London, arranged directly: all have opened the bot; the group is linked."""
    people = [await world.user(name) for name in ("Anna", "Ben", "Ms Park", "Dr Lee")]
    group = await world.group("Lily's team", people)
    await world.settle()
    roles = (Role.GUARDIAN, Role.GUARDIAN, Role.EDUCATOR, Role.CLINICIAN)
    async with world.db.transaction() as session:
        lily = await make_child(session, "Lily", "Europe/London")
        for actor, role in zip(people, roles, strict=True):
            person = await session.scalar(select(Person).where(Person.telegram_user_id == actor.id))
            assert person is not None
            await make_member(session, lily, person, role)
        await link_group(session, lily, group.id)
    return Family(*people, group)


def at(text: str) -> datetime:
    """A London wall time ("2026-11-26 08:00") as an aware UTC moment."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON).astimezone(UTC)


async def time_passes(world: World, clock: FrozenClock, until: str) -> None:
    """Move the clock to each due time up to ``until`` and wake the scheduler there."""
    dispatcher, sender = world.app.bot_data[DISPATCHER_KEY], world.runtime.sender
    assert sender is not None
    end = at(until)
    while (due := await dispatcher.next_due()) is not None and due <= end:
        clock.set(max(due, clock.now()))
        await dispatcher.tick()
        # Delivered before the next tick, so later edits know each message's id.
        assert await sender.wait_idle(15), "the outbox did not drain"
    clock.set(end)
    await world.settle()


async def med(
    world: World, person: Actor, chat: Chat, line: str, *, confirm: bool = False
) -> Message:
    """``person`` sends ``/med <line>`` in ``chat`` (tapping Yes if asked); return the answer."""
    answer = await say(world, person, chat, f"/med {line}")
    if confirm:
        answer = await tap(world, person, chat, answer, CONFIRM)
    return answer


async def dose_logs(world: World) -> list[tuple[str, str]]:
    """Every dose recorded: (local scheduled time, status)."""
    async with world.db.open_session() as session:
        rows = await session.scalars(select(DoseLog).order_by(DoseLog.scheduled_at))
        return [(f"{r.scheduled_at.astimezone(LONDON):%a %H:%M}", r.status) for r in rows]
