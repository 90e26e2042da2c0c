"""Who reads which language: a person's own (/language), and the team's, read in its group."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import audit
from bot.services.errors import DomainError
from bot.services.teams.children import membership_in
from bot.services.teams.permissions import Action, may, require
from bot.texts import languages
from models import Child, Membership, Person, Role, TeamChat


async def of_group(session: AsyncSession, chat_id: int) -> str | None:
    """The language a linked group reads (its team's), or None for a group not linked."""
    return await session.scalar(
        select(Child.language)
        .join(TeamChat, TeamChat.child_id == Child.id)
        .where(TeamChat.chat_id == chat_id)
    )


async def team_to_set(session: AsyncSession, person: Person, chat_id: int) -> Child | None:
    """The team whose language ``person`` may set here: its linked group's, for a guardian."""
    child_id = await session.scalar(select(TeamChat.child_id).where(TeamChat.chat_id == chat_id))
    membership = await membership_in(session, person.id, child_id) if child_id else None
    if membership is None or not may(membership.role, Action.LINK_GROUP):
        return None
    return await session.get(Child, child_id)


async def of_chat(session: AsyncSession, chat_id: int) -> str | None:
    """The language a chat is read in: a group's team's, or the person's of a private chat."""
    if chat_id < 0:
        return await of_group(session, chat_id)
    return await session.scalar(
        select(Person.language_code).where(Person.telegram_user_id == chat_id)
    )


def _known(language: str) -> str:
    """``language`` if there is a catalogue for it; a forged or stale button reads as expired."""
    if language not in languages():
        raise DomainError("errors.expired_button")
    return language


async def set_own(session: AsyncSession, person: Person, language: str) -> Person:
    """``person`` reads everything the bot writes to them in ``language`` from now on."""
    language = _known(language)
    if person.language_code != language:
        person.language_code = language
        await audit.record(
            session, "person.language_set", actor_id=person.id, child_id=None, language=language
        )
    return person


async def set_team(session: AsyncSession, person: Person, child_id: int, language: str) -> Child:
    """A guardian sets the language the team's group reads."""
    require(await membership_in(session, person.id, child_id), Action.LINK_GROUP)
    language = _known(language)
    child = await session.get(Child, child_id)
    assert child is not None  # a current membership has its child
    if child.language != language:
        child.language = language
        await audit.record(
            session, "team.language_set", actor_id=person.id, child_id=child_id, language=language
        )
    return child


async def roles_of(session: AsyncSession, person_id: int) -> set[Role]:
    """The roles ``person_id`` has on the teams they are on now (their menu shows these)."""
    found = await session.scalars(
        select(Membership.role).where(
            Membership.person_id == person_id, Membership.left_at.is_(None)
        )
    )
    return set(found)


async def group_chat_of(session: AsyncSession, child_id: int) -> int | None:
    """The chat id of the team's linked group, if any."""
    return await session.scalar(select(TeamChat.chat_id).where(TeamChat.child_id == child_id))
