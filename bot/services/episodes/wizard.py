"""The guided episode report: one question per step, answers kept in the database until saved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.episodes import history as episode_history
from bot.services.episodes import report as episodes
from bot.services.episodes import timer
from bot.services.episodes.wizard_steps import (
    BODY_PARTS,
    CHOICES,
    DETAILS,
    DURATIONS,
    FIELDS,
    GUIDED,
    INTENSITIES,
    KINDS,
    MANY,
    NAVIGATION,
    NOTE_LIMIT,
    OPTIONAL,
    RANGES,
    RESCUES,
    SETTINGS,
    TIMED,
    TRIGGERS,
    WHEN_AGO,
    ReportStep,
    ago,
    note,
    parsed,
    previous,
    sequence,
    step_of,
    typed_time,
)
from bot.services.errors import DomainError
from bot.services.teams import children as teams
from bot.services.teams.permissions import Action, require
from models import Child, Event, Membership, Person, WizardState

__all__ = [
    "BODY_PARTS", "CHOICES", "DETAILS", "DURATIONS", "FIELDS", "GUIDED", "INTENSITIES", "KINDS",
    "MANY", "NAVIGATION", "NOTE_LIMIT", "OPTIONAL", "RANGES", "RESCUES", "SETTINGS", "TIMED",
    "TRIGGERS", "WHEN_AGO", "ReportStep", "parsed",
]  # fmt: skip

FLOW = "episode"
# What can be sent at the last step; the record lists each by its kind.
ATTACHMENT_KINDS = frozenset({"photo", "video", "video_note", "voice"})
KEYBOARD_OFFERED = "episode_wizard.keyboard_offered"


class NotYours(DomainError):
    key = "episode_wizard.not_yours"


@dataclass(frozen=True)
class SavedReport:
    """The report is saved; ``offer_keyboard`` when its reporter should get the report button."""

    receipt: episode_history.Receipt
    offer_keyboard: bool


@dataclass(frozen=True)
class Cancelled:
    """The person gave up; nothing was saved."""


Outcome = WizardState | SavedReport | Cancelled | timer.Live


async def begin(
    session: AsyncSession, membership: Membership, person: Person, chat_id: int
) -> WizardState:
    """Start a guided report about ``membership``'s child, replacing any flow in progress here."""
    require(membership, Action.REPORT_EPISODE)
    child = await teams.get_child(session, membership.child_id)
    return await _start(session, person, chat_id, child, ReportStep.WHEN, origin="wizard")


async def from_timer(
    session: AsyncSession, person: Person, chat_id: int, timer_id: int
) -> WizardState:
    """Someone stopped a timer: open its record with the exact start and duration filled in."""
    stopped = await timer.stop(session, person, chat_id, timer_id)
    assert stopped.stopped_at is not None
    seconds = round((stopped.stopped_at - stopped.started_at).total_seconds())
    child = await teams.get_child(session, stopped.child_id)
    start = stopped.started_at.isoformat()
    return await _start(
        session, person, chat_id, child, ReportStep.STOPPED, origin="timer", occurred_at=start,
        time_given=True, duration_seconds=seconds,
    )  # fmt: skip


async def press(
    session: AsyncSession, person: Person, chat_id: int, ticket: int, action: str,
    arg: str | None, message_id: int | None = None,
) -> Outcome:  # fmt: skip
    """Someone tapped a button of their flow; one of an earlier step just shows the current step."""
    state = await _own(session, person, chat_id, ticket)
    if action == "cancel":
        await wizards.finish(session, state)
        return Cancelled()
    if step_of(action, arg) != state.step:
        return state
    if action in CHOICES:
        return await _choose(session, person, state, arg)
    if state.step not in NAVIGATION.get(action, ()):
        raise DomainError("errors.expired_button")
    return await _navigate(session, person, state, action, message_id)


async def _navigate(
    session: AsyncSession, person: Person, state: WizardState, action: str, message_id: int | None
) -> Outcome:
    """Follow a navigation button already checked against the current step."""
    if action == "timer":  # it is happening now: this message becomes a live timer instead
        await wizards.finish(session, state)
        membership = await _membership(session, person, state)
        return await timer.start(session, membership, person, state.chat_id, message_id=message_id)
    if action == "typed":
        return await wizards.advance(session, state, ReportStep.TYPED_TIME)
    if action == "back":
        return await wizards.advance(session, state, previous(state))
    if action == "save":
        return await _save(session, person, state)
    if action == "skip":
        return await _forward(session, person, state, **{FIELDS.get(state.step, "notes"): None})
    return await _forward(session, person, state)


async def answer_text(
    session: AsyncSession, person: Person, state: WizardState, text: str
) -> Outcome:
    """Someone typed an answer: the time it started, or a note (which saves the report)."""
    if state.step == ReportStep.TYPED_TIME:
        return await _forward(session, person, state, **typed_time(text, state.data["timezone"]))
    if state.step == ReportStep.NOTES:
        state = await wizards.advance(session, state, state.step, notes=note(text))
        return await _save(session, person, state)
    raise DomainError("episode_wizard.use_buttons")


async def attach(
    session: AsyncSession,
    person: Person,
    state: WizardState,
    file_id: str,
    kind: str,
    caption: str | None,
) -> Outcome:
    """Someone sent a photo, video or voice message at the last step: keep it (its kind and
    its caption) and save."""
    if state.step != ReportStep.NOTES:
        raise DomainError("episode_wizard.use_buttons")
    if kind not in ATTACHMENT_KINDS:
        raise ValueError(f"unknown attachment kind {kind!r}")
    files = [*state.data.get("files", []), file_id]
    kinds = [*state.data.get("file_kinds", []), kind]
    state = await wizards.advance(
        session, state, state.step, notes=note(caption), files=files, file_kinds=kinds
    )
    return await _save(session, person, state)


async def expecting(session: AsyncSession, person: Person, chat_id: int) -> WizardState:
    """The person's guided report in progress in this chat; refuse when there is none."""
    state = await wizards.current(session, person.id, chat_id)
    if state is None or state.flow != FLOW:
        raise DomainError("wizards.nothing_waiting")
    return state


async def _start(
    session: AsyncSession, person: Person, chat_id: int, child: Child, step: ReportStep, **data: Any
) -> WizardState:
    return await wizards.start(
        session, person.id, chat_id, FLOW, step, child_id=child.id, child=child.name,
        timezone=child.timezone, **data,
    )  # fmt: skip


async def _own(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> WizardState:
    """The presser's flow that this button belongs to; refuse someone else's, politely."""
    state = await wizards.current(session, person.id, chat_id)
    if state is not None and state.flow == FLOW and wizards.ticket(state) == ticket:
        return state
    others = await session.scalars(
        select(WizardState).where(WizardState.chat_id == chat_id, WizardState.flow == FLOW)
    )
    for other in others:
        if wizards.ticket(other) == ticket and other.expires_at > clock.now():
            owner = await session.get_one(Person, other.person_id)
            raise NotYours(name=owner.first_name)
    raise wizards.WizardExpired()


async def _forward(
    session: AsyncSession, person: Person, state: WizardState, **data: Any
) -> Outcome:
    """Remember ``data`` and ask the next question (or save after the last)."""
    steps = sequence(state)
    here = ReportStep.WHEN if state.step == ReportStep.TYPED_TIME else ReportStep(state.step)
    following = steps[steps.index(here) + 1 :]
    state = await wizards.advance(session, state, following[0] if following else state.step, **data)
    return state if following else await _save(session, person, state)


async def _choose(
    session: AsyncSession, person: Person, state: WizardState, value: str | None
) -> Outcome:
    """Take a tapped answer: toggle it where several apply, else remember it and go on."""
    step, values, field = next(choice for choice in CHOICES.values() if choice[0] == state.step)
    if value not in values:
        raise DomainError("errors.expired_button")
    if step in MANY:
        picked = list(state.data.get(field) or [])
        picked = [v for v in picked if v != value] if value in picked else [*picked, value]
        return await wizards.advance(session, state, step, **{field: picked})
    if step == ReportStep.WHEN:
        return await _forward(session, person, state, **ago(WHEN_AGO[value]))
    answer = DURATIONS[value] if step == ReportStep.DURATION else value
    return await _forward(session, person, state, **{field: answer})


async def _save(session: AsyncSession, person: Person, state: WizardState) -> SavedReport:
    """Save the report through the episode core, which authorizes, audits and relays it."""
    data = wizards.answers(state)
    membership = await _membership(session, person, state)
    files, kinds = data.get("files", []), data.get("file_kinds", [])
    kinds = [*kinds, *["file"] * (len(files) - len(kinds))]  # kinds came later than files
    outcome = await episodes.report(
        session,
        membership,
        person,
        parsed(data),
        source=data["origin"],
        in_chat=state.chat_id,
        attachments=tuple(zip(files, kinds, strict=True)),
    )
    private = state.chat_id == person.telegram_user_id
    await wizards.finish(session, state)
    receipt = await episodes.receipt_of(session, outcome)
    offer = private and await _first_offer(session, person, receipt.child.id)
    return SavedReport(receipt, offer)


async def _membership(session: AsyncSession, person: Person, state: WizardState) -> Membership:
    assert state.child_id is not None
    return teams.require_member(await teams.membership_in(session, person.id, state.child_id))


async def _first_offer(session: AsyncSession, person: Person, child_id: int) -> bool:
    """True the first time: the person gets the "Report episode" button after a private report."""
    mine = Event.kind == KEYBOARD_OFFERED, Event.actor_id == person.id
    if await session.scalar(select(exists().where(*mine))):
        return False
    await audit.record(session, KEYBOARD_OFFERED, actor_id=person.id, child_id=child_id)
    return True
