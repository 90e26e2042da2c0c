"""Notes about a digest: a reader writes to the team, a guardian answers the writer, all logged.

Pressing Reply under a digest (or Answer under a relayed note) starts a flow in the presser's
private chat that waits for their next message; that message is relayed as from them and
kept in the audit log.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.audience import Audience
from bot.services import audit, wizards
from bot.services.digests import reads
from bot.services.errors import DomainError, Forbidden
from bot.services.teams import audience
from bot.services.teams.children import can_receive, get_child, membership_in, require_member
from bot.services.teams.permissions import Action, require
from bot.texts import escape
from models import Child, Membership, Person, Role, WizardState

FLOW = "digest.note"
# A note is never cut: longer than this once written as HTML, it is refused (and kept by
# its writer), so the relay with its first line stays within one Telegram message.
MOST = 3500


class NoteStep(enum.StrEnum):
    WRITE = "write"


@dataclass(frozen=True)
class Writing:
    """The flow waits for the presser's note; ``to`` is whom it goes to (None: the team)."""

    state: WizardState
    child: Child
    to: Person | None


@dataclass(frozen=True)
class Note:
    """A note relayed: who wrote it, in which role, what, and who must hear it."""

    writer: Person
    membership: Membership
    child: Child
    text: str
    audience: Audience
    to: Person | None  # the member it answers; None: the team

    @property
    def to_team(self) -> bool:
        return self.to is None


async def to_team(
    session: AsyncSession, person: Person, child_id: int, period_arg: str | None
) -> Writing:
    """``person`` wants to write to ``child_id``'s team about a digest (of ``period_arg``)."""
    require(await membership_in(session, person.id, child_id), Action.DIGEST)
    _in_private_chat(person)
    child = await get_child(session, child_id)
    period = reads.period_named(period_arg, child) if period_arg else None
    state = await wizards.start(
        session,
        person.id,
        person.telegram_user_id,
        FLOW,
        NoteStep.WRITE,
        child_id=child_id,
        to=None,
        first=str(period.first) if period else None,
        last=str(period.last) if period else None,
    )
    return Writing(state, child, None)


async def answer(session: AsyncSession, person: Person, writer_membership_id: int) -> Writing:
    """A guardian wants to answer the member who wrote a note to the team."""
    writer = require_member(await session.get(Membership, writer_membership_id))
    mine = require_member(await membership_in(session, person.id, writer.child_id))
    if mine.role != Role.GUARDIAN:
        raise Forbidden("digest.note.only_guardians")
    _in_private_chat(person)
    whom = await session.get(Person, writer.person_id)
    assert whom is not None
    state = await wizards.start(
        session,
        person.id,
        person.telegram_user_id,
        FLOW,
        NoteStep.WRITE,
        child_id=writer.child_id,
        to=writer.id,
    )
    return Writing(state, await get_child(session, writer.child_id), whom)


async def stop(session: AsyncSession, person: Person, pressed: int) -> None:
    """The writer gave up: nothing is sent."""
    state = await wizards.resume(session, person.id, person.telegram_user_id, FLOW, pressed)
    await wizards.finish(session, state)


async def write(session: AsyncSession, person: Person, state: WizardState, text: str) -> Note:
    """``person`` typed their note: relay it to whom the flow names, and log it."""
    words = text.strip()
    if not words:
        raise DomainError("digest.note.empty")
    if len(escape(words)) > MOST:
        raise DomainError("digest.note.too_long", most=MOST)
    assert state.child_id is not None
    mine = require_member(await membership_in(session, person.id, state.child_id))
    child = await get_child(session, state.child_id)
    data = wizards.answers(state)
    to_id = data.get("to")
    to: Person | None = None
    if to_id is None:
        heard = await audience.team(session, child.id, exclude_person_id=person.id)
    else:
        heard, to = await _privately(session, to_id)
    await wizards.finish(session, state)
    await audit.record(
        session,
        "digest.note",
        actor_id=person.id,
        child_id=child.id,
        to=to_id or "team",
        first=data.get("first"),
        last=data.get("last"),
        text=words,
    )
    return Note(person, mine, child, words, heard, to)


def _in_private_chat(person: Person) -> None:
    """The note is written in private: refuse someone who never opened that chat."""
    if not person.started_bot:
        raise DomainError("digest.note.needs_start")


async def _privately(session: AsyncSession, membership_id: int) -> tuple[Audience, Person]:
    """The private chat of the member a note answers; refused if they cannot get one."""
    target = require_member(await session.get(Membership, membership_id))
    person = await session.get(Person, target.person_id)
    if person is None or not can_receive(target, person):
        raise DomainError("digest.note.unreachable")
    return Audience(target.child_id, (audience.member(target, person),)), person
