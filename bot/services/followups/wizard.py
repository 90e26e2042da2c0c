"""The guided /followup: a kind by button, then a typed date; and typing a follow-up's new date."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import wizards
from bot.services.errors import DomainError
from bot.services.followups import agenda as followups
from bot.services.followups.agenda import SavedFollowup, summary
from bot.services.followups.parsing import parse_followup
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from bot.texts import t
from models import Child, Membership, Person, ReminderKind, WizardState

FLOW = "followup"


class FollowupStep(enum.StrEnum):
    CHILD = "child"
    KIND = "kind"
    WHEN = "when"
    MOVE = "move"


@dataclass(frozen=True)
class Asking:
    """The guided flow has begun: its state, and the child it is for."""

    state: WizardState
    child: Child


# The kinds offered as buttons; "other" asks for the what together with the when.
KINDS: dict[str, ReminderKind | None] = {
    "neuro": ReminderKind.FOLLOWUP,
    "eeg": ReminderKind.TEST,
    "blood": ReminderKind.TEST,
    "other": None,
}


async def hold(session: AsyncSession, person: Person, chat_id: int, line: str) -> None:
    """Keep a typed line while its author picks the child it is for (private chats only)."""
    if line and chat_id == person.telegram_user_id:
        await wizards.start(session, person.id, chat_id, FLOW, FollowupStep.CHILD, line=line)


async def begin(
    session: AsyncSession, person: Person, membership: Membership | None, chat_id: int, line: str
) -> SavedFollowup | Asking:
    """Save the typed (or held) line; with no line, start asking (in private), kind first."""
    require(membership, Action.FOLLOW_UPS)
    assert membership is not None
    held = await wizards.current(session, person.id, chat_id)
    if not line and held is not None and held.flow == FLOW and held.step == FollowupStep.CHILD:
        line = held.data.get("line", "")
        await wizards.finish(session, held)
    if line:
        return await followups.create(session, person, membership, line)
    # Typed answers are only read in private chats, so a group gets the one-line form.
    if chat_id != person.telegram_user_id:
        raise DomainError("followups.in_group_usage")
    state = await wizards.start(
        session, person.id, chat_id, FLOW, FollowupStep.KIND, child_id=membership.child_id
    )
    return Asking(state, await get_child(session, membership.child_id))


async def pick_kind(
    session: AsyncSession, person: Person, chat_id: int, ticket: int, name: str | None
) -> WizardState:
    """The person tapped a kind: ask when (and, for "other", what)."""
    state = await wizards.resume(session, person.id, chat_id, FLOW, ticket)
    if state.step != FollowupStep.KIND or name not in KINDS:
        raise wizards.WizardExpired()
    title = t(f"followups.kinds.{name}", person.language_code) if KINDS[name] else None
    return await wizards.advance(session, state, FollowupStep.WHEN, kind=name, title=title)


async def stop(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> None:
    """The person gave up on the questions."""
    await wizards.finish(session, await wizards.resume(session, person.id, chat_id, FLOW, ticket))


async def start_move(session: AsyncSession, person: Person, followup_id: int) -> SavedFollowup:
    """Ask for a follow-up's new date in the person's private chat (wherever they tapped Move)."""
    followup, child = await followups.managed(session, person, followup_id)
    if not person.started_bot:
        raise DomainError("followups.open_private")
    await wizards.start(
        session,
        person.id,
        person.telegram_user_id,
        FLOW,
        FollowupStep.MOVE,
        child_id=child.id,
        followup_id=followup.id,
    )
    return summary(followup, child)


async def answer(
    session: AsyncSession, person: Person, state: WizardState, text: str
) -> SavedFollowup:
    """Take the typed date (or, while a child is being chosen, point at the buttons)."""
    data = wizards.answers(state)
    if state.step == FollowupStep.MOVE:
        saved = await followups.reschedule(session, person, data["followup_id"], text)
    elif state.step == FollowupStep.WHEN and state.child_id is not None:
        saved = await _create(session, person, state.child_id, data, text)
    else:
        raise DomainError("followups.tap_above")
    await wizards.finish(session, state)
    return saved


async def _create(
    session: AsyncSession, person: Person, child_id: int, data: dict[str, str], text: str
) -> SavedFollowup:
    require(await membership_in(session, person.id, child_id), Action.FOLLOW_UPS)
    child = await get_child(session, child_id)
    title = data.get("title")
    if title is None:
        parsed = parse_followup(
            text, now=clock.now(), timezone=child.timezone, language=person.language_code
        )
    else:
        parsed = followups.read_when(
            text, title, timezone=child.timezone, language=person.language_code
        )
    return await followups.add(session, person, child, parsed, KINDS.get(data.get("kind", "")))
