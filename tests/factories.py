"""Plain async factories for arranging tests: a child, people, memberships, a linked group."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from models import Child, Membership, NotifyPreference, Person, Role, TeamChat


async def make_child(
    session: AsyncSession, name: str = "Lily", timezone: str = "Europe/London"
) -> Child:
    child = Child(name=name, timezone=timezone)
    session.add(child)
    await session.flush()
    return child


async def make_person(
    session: AsyncSession, telegram_user_id: int, first_name: str, *, started_bot: bool = True
) -> Person:
    person = Person(
        telegram_user_id=telegram_user_id, first_name=first_name, started_bot=started_bot
    )
    session.add(person)
    await session.flush()
    return person


async def make_member(
    session: AsyncSession,
    child: Child,
    person: Person,
    role: Role = Role.GUARDIAN,
    notify: NotifyPreference = NotifyPreference.GROUP,
) -> Membership:
    membership = Membership(
        child_id=child.id, person_id=person.id, role=role, notify=notify, joined_at=clock.now()
    )
    session.add(membership)
    await session.flush()
    return membership


async def link_group(session: AsyncSession, child: Child, chat_id: int) -> TeamChat:
    team_chat = TeamChat(child_id=child.id, chat_id=chat_id, title="Team", linked_at=clock.now())
    session.add(team_chat)
    await session.flush()
    return team_chat
