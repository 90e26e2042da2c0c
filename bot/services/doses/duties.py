"""Who is reminded of the doses at each time of day: chosen roles or people, else the default."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.audience import Audience
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.medications import regimen
from bot.services.teams import audience
from bot.services.teams.children import can_receive, get_child
from bot.services.teams.permissions import Action, may, require
from models import Child, DoseDuty, Membership, Person, Role

DEFAULT_ROLES = (Role.GUARDIAN, Role.CAREGIVER)
ROLE_WORDS = {
    **dict.fromkeys(("guardian", "guardians", "parent", "parents"), Role.GUARDIAN),
    **dict.fromkeys(("caregiver", "caregivers", "carer", "carers"), Role.CAREGIVER),
    **dict.fromkeys(("educator", "educators", "teacher", "teachers", "school"), Role.EDUCATOR),
}
RESET_WORDS = frozenset({"default", "reset"})
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")

Member = tuple[Membership, Person]


@dataclass(frozen=True)
class Duty:
    """Who is reminded at one time of day, and whether that is the default."""

    time_of_day: str
    roles: list[Role]
    people: list[Person]
    is_default: bool


@dataclass(frozen=True)
class Duties:
    """Who is reminded at each dose time of one child."""

    child: Child
    duties: list[Duty]


@dataclass(frozen=True)
class Recipients:
    """Where a dose reminder goes: private chats, and the group for those the bot cannot reach."""

    audience: Audience
    in_group: list[Person]  # named in the group's copy


async def _team(session: AsyncSession, child_id: int) -> list[Member]:
    """Current members who may record doses, in joining order."""
    rows = await session.execute(
        select(Membership, Person)
        .join(Person, Person.id == Membership.person_id)
        .where(Membership.child_id == child_id, Membership.left_at.is_(None))
        .order_by(Membership.id)
    )
    return [(m, p) for m, p in rows if may(m.role, Action.RECORD_DOSE)]


def _chosen(team: list[Member], duty: DoseDuty | None) -> list[Member]:
    """The duty's people; if it names nobody on the team now, the default roles; then anyone."""
    if duty is not None:
        named = [(m, p) for m, p in team if m.role in duty.roles or m.id in duty.membership_ids]
        if named:
            return named
    return [(m, p) for m, p in team if m.role in DEFAULT_ROLES] or team


async def _duty(session: AsyncSession, child_id: int, time_of_day: str) -> DoseDuty | None:
    return await session.scalar(
        select(DoseDuty).where(DoseDuty.child_id == child_id, DoseDuty.time_of_day == time_of_day)
    )


async def recipients(session: AsyncSession, child_id: int, time_of_day: str) -> Recipients:
    """Who gets the reminder of a dose at ``time_of_day``: privately if they can, else the group."""
    chosen = _chosen(await _team(session, child_id), await _duty(session, child_id, time_of_day))
    group = await audience.group_recipient(session, child_id)
    private = tuple(audience.member(m, p) for m, p in chosen if can_receive(m, p))
    unreachable = [p for m, p in chosen if not can_receive(m, p)]
    if group is None or (private and not unreachable):
        return Recipients(Audience(child_id, private), [])
    return Recipients(Audience(child_id, (*private, group)), unreachable)


def parse_time(text: str) -> str:
    """A time of day as HH:MM ("8:00" → "08:00")."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise DomainError("medications.who_bad_time", time=text)
    return f"{int(match[1]):02d}:{match[2]}"


def _read_who(team: list[Member], words: list[str]) -> tuple[list[Role], list[int]]:
    """Roles and member ids named by ``words`` (role words or first names)."""
    roles: list[Role] = []
    member_ids: list[int] = []
    for word in (w.lower().strip(",") for w in words):
        if word in ROLE_WORDS:
            roles.append(ROLE_WORDS[word])
            continue
        found = [m.id for m, p in team if p.first_name.lower() == word]
        if not found:
            raise DomainError("medications.who_unknown", word=word)
        member_ids += found
    return sorted(set(roles), key=list(Role).index), sorted(set(member_ids))


async def who(
    session: AsyncSession, membership: Membership | None, person: Person, words: list[str]
) -> Duties:
    """``/med who``: list who is reminded when; with words, change one time of day first."""
    if words:
        return await set_duty(session, membership, person, words)
    return await duties(session, membership)


async def set_duty(
    session: AsyncSession, membership: Membership | None, person: Person, words: list[str]
) -> Duties:
    """``/med who 12:30 educator``: choose who is reminded at a time of day; ``default`` resets."""
    membership = require(membership, Action.MANAGE_MEMBERS)
    if len(words) < 2:
        raise DomainError("medications.who_usage")
    time_of_day, child_id = parse_time(words[0]), membership.child_id
    await session.execute(
        delete(DoseDuty).where(DoseDuty.child_id == child_id, DoseDuty.time_of_day == time_of_day)
    )
    if words[1].lower() not in RESET_WORDS:
        roles, member_ids = _read_who(await _team(session, child_id), words[1:])
        session.add(
            DoseDuty(
                child_id=child_id,
                time_of_day=time_of_day,
                roles=[str(r) for r in roles],
                membership_ids=member_ids,
                updated_by_id=person.id,
                updated_at=clock.now(),
            )
        )
    await session.flush()
    await audit.record(
        session, "dose.duty_set", actor_id=person.id, child_id=child_id, time=time_of_day
    )
    return await duties(session, membership)


async def duties(session: AsyncSession, membership: Membership | None) -> Duties:
    """Who is reminded at each time of day of the current regimen (and each time set by hand)."""
    membership = require(membership, Action.SEE_MEDICINES)
    child = await get_child(session, membership.child_id)
    rows = {
        d.time_of_day: d
        for d in await session.scalars(select(DoseDuty).where(DoseDuty.child_id == child.id))
    }
    entries = await regimen.regimen_on(session, child.id, clock.now())
    times = sorted({t for e in entries for t in e.dosing.times} | set(rows))
    team = await _team(session, child.id)
    found = [
        Duty(
            time,
            [Role(r) for r in rows[time].roles] if time in rows else list(DEFAULT_ROLES),
            [p for _, p in _chosen(team, rows.get(time))],
            time not in rows,
        )
        for time in times
    ]
    return Duties(child, found)
