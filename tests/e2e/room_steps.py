"""Steps the stories of the team's group share: a team whose group the bot may or may not run."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bot.sandbox.client import Actor, Group, Message
from models import GroupStranger, Membership, Person, TeamChat
from tests.e2e.conftest import World
from tests.e2e.episode_steps import TEACHER
from tests.e2e.teams_steps import create_team, invitation, join, say

HELD = (
    "🔒 Someone here is not on Lily's care team, so news about Lily goes to the team "
    "privately until a guardian decides."
)
FREED = "🔓 Everyone here is on Lily's care team again: the team's news comes back to this group."
RELAY = "⚡ Lily — episode"


@dataclass
class Team:
    mum: Actor
    teacher: Actor
    group: Group


async def lily_team(world: World, *, admin: bool) -> Team:
    """Anna (guardian) and Ms Park (teacher) with their linked group, the bot an admin or not."""
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    group = await world.sandbox.group("Family", [mum, teacher])
    await group.add_bot(by=mum, admin=admin)
    await say(world, mum, group, "/link")
    await join(world, teacher, await invitation(world, mum, TEACHER))
    await world.settle()
    return Team(mum, teacher, group)


async def report(world: World, team: Team, line: str = "/e 30s arms") -> None:
    """Ms Park reports an episode privately; the team hears of it."""
    await say(world, team.teacher, team.teacher.private_chat, line)


async def relays(chat: Group | Actor) -> list[str]:
    """The episode relays the bot posted in a group, or in someone's private chat."""
    where = chat.private_chat if isinstance(chat, Actor) else chat
    return [text for text in await where.bot_texts() if text.startswith(RELAY)]


async def status(world: World, group: Group, person: Actor) -> str:
    """The person's place in the group, as Telegram tells the bot."""
    return (await world.app.bot.get_chat_member(group.id, person.id)).status


async def strangers(world: World) -> list[str]:
    async with world.db.open_session() as session:
        return list(await session.scalars(select(GroupStranger.first_name)))


async def link_of(world: World) -> TeamChat | None:
    async with world.db.open_session() as session:
        return await session.scalar(select(TeamChat))


async def membership(world: World, actor: Actor) -> Membership:
    async with world.db.open_session() as session:
        found = await session.scalar(
            select(Membership)
            .join(Person, Person.id == Membership.person_id)
            .where(Person.telegram_user_id == actor.id)
        )
        assert found is not None
        return found


async def notice_about(actor: Actor, start: str) -> Message:
    """The last message the bot sent ``actor`` privately that starts with ``start``."""
    found = [m for m in await actor.private_chat.bot_messages() if (m.text or "").startswith(start)]
    assert found, await actor.private_chat.bot_texts()
    return found[-1]
