"""Care teams: creating and erasing a child's team, and finding which child a command is about."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit
from bot.services.errors import DomainError, NotAMember
from bot.services.teams.permissions import Action, Chat, require
from models import Child, Event, Membership, Person, Role, TeamChat


@dataclass(frozen=True)
class Choice:
    """Several children are possible: the caller asks which one, by button."""

    children: list[Child]


@dataclass(frozen=True)
class Outsider:
    """The person is in ``child``'s linked group but not on its team."""

    child: Child


@dataclass(frozen=True)
class Erased:
    """What is left to say about a child whose records were just erased."""

    name: str
    group_chat_id: int | None


async def create_child(
    session: AsyncSession, person: Person, name: str, timezone: str, birth_year: int | None
) -> Child:
    """Create a child's team with ``person`` as its guardian."""
    child = Child(name=name, timezone=timezone, birth_year=birth_year)
    session.add(child)
    await session.flush()
    session.add(
        Membership(
            child_id=child.id, person_id=person.id, role=Role.GUARDIAN, joined_at=clock.now()
        )
    )
    await audit.record(session, "child.created", actor_id=person.id, child_id=child.id)
    return child


async def membership_in(session: AsyncSession, person_id: int, child_id: int) -> Membership | None:
    """The person's current membership of ``child_id``'s team, if any."""
    return await session.scalar(
        select(Membership).where(
            Membership.person_id == person_id,
            Membership.child_id == child_id,
            Membership.left_at.is_(None),
        )
    )


async def children_of(
    session: AsyncSession, person_id: int, role: Role | None = None
) -> list[Child]:
    """The children on whose teams the person is now (with ``role``, if given), by name."""
    query = _current_teams(person_id)
    if role is not None:
        query = query.where(Membership.role == role)
    return list(await session.scalars(query))


def _current_teams(person_id: int) -> Select[tuple[Child]]:
    """The children whose teams the person is on now, by name (their memberships joined)."""
    return (
        select(Child)
        .join(Membership, Membership.child_id == Child.id)
        .where(Membership.person_id == person_id, Membership.left_at.is_(None))
        .order_by(Child.name, Child.id)
    )


async def my_children(session: AsyncSession, person: Person) -> list[Child]:
    """The children whose teams ``person`` is on; refuse if there are none."""
    children = await children_of(session, person.id)
    if not children:
        raise DomainError("teams.no_team")
    return children


async def group_of(session: AsyncSession, chat_id: int) -> TeamChat | None:
    """The team link of a Telegram group, if it is linked."""
    return await session.scalar(select(TeamChat).where(TeamChat.chat_id == chat_id))


async def resolve(
    session: AsyncSession, person: Person, chat_id: int, child_id: int | None = None
) -> Membership | Choice | Outsider:
    """Which team a command from ``person`` in ``chat_id`` is about.

    In a linked group it is the group's child (an ``Outsider`` if the person is
    not on its team). In private it is ``child_id`` (a "which child?" button),
    else the person's default child, else their only child; with several and no
    default, a ``Choice``. Raises ``NotAMember`` or a ``DomainError`` saying why
    when there is none.
    """
    private = chat_id == person.telegram_user_id  # a private chat is never a linked group
    group = None if private else await group_of(session, chat_id)
    if group is not None:
        if child_id is not None and child_id != group.child_id:
            raise NotAMember()
        found = await membership_in(session, person.id, group.child_id)
        return found or Outsider(await get_child(session, group.child_id))
    if not private:
        raise DomainError("teams.group_not_linked")
    if child_id is not None:
        return require_member(await membership_in(session, person.id, child_id))
    teams = await _teams_of(session, person.id)
    if not teams:
        raise DomainError("teams.no_team")
    if len(teams) > 1 and person.default_child_id not in teams:
        return Choice([child for child, _ in teams.values()])
    chosen = person.default_child_id if person.default_child_id in teams else next(iter(teams))
    return teams[chosen][1]


async def _teams_of(session: AsyncSession, person_id: int) -> dict[int, tuple[Child, Membership]]:
    """The person's children and current memberships by child id, in one statement, by name."""
    rows = await session.execute(_current_teams(person_id).add_columns(Membership))
    return {child.id: (child, membership) for child, membership in rows}


def can_receive(membership: Membership, person: Person) -> bool:
    """Whether the bot can write to this member privately (they opened a chat with it)."""
    return person.started_bot and membership.private_delivery_ok


def require_member(membership: Membership | None) -> Membership:
    """``membership`` if it is current; raise ``NotAMember`` otherwise."""
    if membership is None or membership.left_at is not None:
        raise NotAMember()
    return membership


async def note_outsider(session: AsyncSession, person: Person, child_id: int) -> bool:
    """Remember that ``person`` used a team command in the group; True only the first time."""
    seen = await session.scalar(
        select(func.count())
        .select_from(Event)
        .where(
            Event.kind == "team.outsider_seen",
            Event.child_id == child_id,
            Event.actor_id == person.id,
        )
    )
    if seen:
        return False
    await audit.record(session, "team.outsider_seen", actor_id=person.id, child_id=child_id)
    return True


async def set_default(session: AsyncSession, person: Person, child_id: int) -> Child:
    """``person`` picks the child their private commands are about."""
    require_member(await membership_in(session, person.id, child_id))
    person.default_child_id = child_id
    await audit.record(session, "person.default_child_set", actor_id=person.id, child_id=child_id)
    return await get_child(session, child_id)


async def help_context(
    session: AsyncSession, person: Person | None, chat_id: int
) -> tuple[Chat, set[Role]]:
    """The kind of chat and the roles that decide which commands ``person`` may use there."""
    group = await group_of(session, chat_id)
    private = person is not None and chat_id == person.telegram_user_id
    chat = Chat.PRIVATE if private else Chat.TEAM_GROUP if group else Chat.OTHER_GROUP
    if person is None:
        return chat, set()
    query = select(Membership.role).where(
        Membership.person_id == person.id, Membership.left_at.is_(None)
    )
    if group is not None:
        query = query.where(Membership.child_id == group.child_id)
    return chat, set(await session.scalars(query))


async def deletable(session: AsyncSession, person: Person, child_id: int) -> Child:
    """The child whose records ``person`` is about to erase, if they may."""
    require(await membership_in(session, person.id, child_id), Action.DELETE_CHILD)
    return await get_child(session, child_id)


async def delete_child(session: AsyncSession, person: Person, child_id: int) -> Erased:
    """A guardian erases every record of the child; only an anonymous audit entry remains."""
    child = await deletable(session, person, child_id)
    group = await session.scalar(select(TeamChat.chat_id).where(TeamChat.child_id == child_id))
    erased = Erased(child.name, group)
    if person.default_child_id == child_id:
        person.default_child_id = None
    await session.flush()
    # The database cascades to every row that names the child, audit events included.
    await session.execute(delete(Child).where(Child.id == child_id))
    await audit.record(session, "child.deleted", actor_id=person.id, child_id=None)
    return erased


async def get_child(session: AsyncSession, child_id: int) -> Child:
    """The child with ``child_id``; ``NotAMember`` if it no longer exists."""
    child = await session.get(Child, child_id)
    if child is None:
        raise NotAMember()
    return child
