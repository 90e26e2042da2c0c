"""The guided /med: buttons choose start, change or stop and the medicine, then one typed line."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import wizards
from bot.services.errors import DomainError
from bot.services.medications import changes as medications
from bot.services.medications import regimen
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, require
from models import Child, Membership, Person, WizardState

VERBS = ("start", "change", "stop")


class GuideStep(enum.StrEnum):
    MENU = "menu"
    START = "start"
    PICK = "pick"
    CHANGE = "change"
    STOP = "stop"


@dataclass(frozen=True)
class GuideQuestion:
    """The next question of the guided flow: the menu, a choice of medicine, or a line to type."""

    state: WizardState
    child: Child
    choices: list[regimen.RegimenEntry] = field(default_factory=list)
    entry: regimen.RegimenEntry | None = None


async def _member(session: AsyncSession, person: Person, child_id: int | None) -> Membership:
    """The person's membership, if they (still) may record medication changes."""
    found = await membership_in(session, person.id, child_id) if child_id else None
    return require(found, Action.CHANGE_MEDICATION)


async def begin(
    session: AsyncSession, person: Person, membership: Membership | None, chat_id: int
) -> GuideQuestion:
    """Offer start, change or stop."""
    membership = require(membership, Action.CHANGE_MEDICATION)
    child = await get_child(session, membership.child_id)
    state = await wizards.start(
        session, person.id, chat_id, medications.FLOW, GuideStep.MENU, child_id=child.id
    )
    return GuideQuestion(state, child)


async def choose(
    session: AsyncSession, person: Person, chat_id: int, ticket: int, verb: str, arg: str | None
) -> GuideQuestion:
    """The person tapped start, change or stop, or the medicine to change or stop."""
    state = await wizards.resume(session, person.id, chat_id, medications.FLOW, ticket)
    membership = await _member(session, person, state.child_id)
    child = await get_child(session, membership.child_id)
    if verb == "start":
        return GuideQuestion(await wizards.advance(session, state, GuideStep.START), child)
    entries = await regimen.regimen_on(session, child.id, clock.now())
    if arg is None:
        if not entries:
            raise DomainError("medications.guide.nothing_to_pick")
        return GuideQuestion(
            await wizards.advance(session, state, GuideStep.PICK, verb=verb), child, entries
        )
    entry = next((e for e in entries if str(e.medication.id) == arg), None)
    if entry is None or verb not in VERBS:
        raise wizards.WizardExpired()
    state = await wizards.advance(session, state, GuideStep(verb), name=entry.medication.name)
    return GuideQuestion(state, child, entry=entry)


def line_for(state: WizardState, text: str) -> str:
    """The one-line command the guided answers add up to."""
    name = wizards.answers(state).get("name", "")
    if state.step == GuideStep.START:
        return f"start {text}"
    if state.step == GuideStep.CHANGE:
        return f"change {name} {text}"
    if state.step == GuideStep.STOP:
        return f"stop {name} reason {text}" if text.strip() else f"stop {name}"
    raise DomainError("medications.guide.tap_a_button")


async def answer(
    session: AsyncSession, person: Person, state: WizardState, text: str
) -> medications.Recorded | medications.Pending | medications.WeightAsked:
    """A typed answer: submit the command it completes."""
    line = line_for(state, text)
    membership = await _member(session, person, state.child_id)
    return await medications.submit(session, person, membership, state.chat_id, line)


async def skip(
    session: AsyncSession, person: Person, chat_id: int, ticket: int
) -> medications.Recorded | medications.Pending | medications.WeightAsked:
    """Stop the chosen medicine without giving a reason."""
    state = await wizards.resume(session, person.id, chat_id, medications.FLOW, ticket)
    if state.step != GuideStep.STOP:
        raise wizards.WizardExpired()
    return await answer(session, person, state, "")
