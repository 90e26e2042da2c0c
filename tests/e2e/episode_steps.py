"""Steps the episode stories share: Lily's team and group, what the bot said, what was saved."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bot.sandbox.client import Actor, Chat, Group
from models import Episode, Event
from tests.e2e.conftest import World
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say, tap

TEACHER = "🏫 Teacher or educator"
PRIVATE_TOO = "📩 Group + private message"


@dataclass
class Team:
    """Anna (guardian) and Ms Park (educator), in Lily's linked group."""

    mum: Actor
    teacher: Actor
    group: Group


async def lily_team(world: World, *, private_for: tuple[str, ...] = ()) -> Team:
    """Lily's team; the people named in ``private_for`` also hear the news privately."""
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Lily's team", [teacher])
    await join(world, teacher, await invitation(world, mum, TEACHER))
    for person in (mum, teacher):
        if person.first_name in private_for:
            menu = await say(world, person, person.private_chat, "/notify")
            await tap(world, person, person.private_chat, menu, PRIVATE_TOO)
    return Team(mum, teacher, group)


async def said_since(chat: Chat, before: list[str]) -> list[str]:
    """What the bot said in ``chat`` after ``before`` (an earlier ``chat.bot_texts()``)."""
    return (await chat.bot_texts())[len(before) :]


async def saved(world: World) -> list[Episode]:
    """Every episode row, deleted and merged ones included, oldest first."""
    async with world.db.open_session() as session:
        return list(await session.scalars(select(Episode).order_by(Episode.id)))


async def logged(world: World, kind: str) -> list[dict]:
    """The payloads of the audit events of ``kind``, oldest first."""
    async with world.db.open_session() as session:
        events = await session.scalars(select(Event).where(Event.kind == kind).order_by(Event.id))
        return [event.payload for event in events]
