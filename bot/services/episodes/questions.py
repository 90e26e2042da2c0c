"""Answering the one question a saved report left open: by a button, or by typing the answer.

Every answer re-checks who may change the episode, updates the record, writes the audit
log (before and after) and, if the team has heard of the episode, tells it how it reads
now. "Type it" keeps the question waiting for the next typed line in ``wizard_state``.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.episodes import asked as asking
from bot.services.episodes import history as episode_history
from bot.services.episodes import records
from bot.services.episodes import report as episodes
from bot.services.episodes.history import Receipt
from bot.services.episodes.news import Corrected
from bot.services.episodes.parsed import Option, answer
from bot.services.episodes.typed import typed_option
from bot.services.errors import DomainError, Forbidden
from bot.services.teams import audience
from models import Child, Episode, Person, WizardState

FLOW = "ep_answer"


async def _changeable(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int
) -> tuple[Episode, Child]:
    """The episode, its child locked, if ``person`` may change it from ``chat_id`` now."""
    episode, membership = await episode_history.authorized(
        session, person, chat_id, episode_id, clock.now()
    )
    child = await episodes.lock_child(session, episode.child_id)
    await session.refresh(episode)  # another press may have answered while this one waited
    if episode.deleted_at is not None or episode.merged_into_id is not None:
        raise DomainError("episodes.gone")
    if not episode_history.may_change(membership, episode):
        raise Forbidden("episodes.refused_change")
    return episode, child


def _still_open(episode: Episode, number: int) -> asking.Asked:
    """The open question the button (or the typing) was for; an older one is answered."""
    found = asking.open_question(episode)
    if found is None or found.number != number:
        raise DomainError("episodes.already_answered")
    return found


async def choose(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int, number: int, index: int
) -> Receipt:
    """``person`` tapped option ``index`` of question ``number``."""
    episode, child = await _changeable(session, person, chat_id, episode_id)
    found = _still_open(episode, number)
    if not 0 <= index < len(found.question.options):
        raise DomainError("errors.expired_button")
    option = found.question.options[index]
    return await _apply(session, person, chat_id, episode, child, found, option, via="button")


async def start_typing(
    session: AsyncSession,
    person: Person,
    chat_id: int,
    episode_id: int,
    number: int,
    message_id: int | None = None,
) -> Receipt:
    """``person`` tapped "Type it": their next line in this chat answers question ``number``.

    ``message_id``: the report's message, to show the answer in once it is typed.
    """
    episode, child = await _changeable(session, person, chat_id, episode_id)
    _still_open(episode, number)
    state = await wizards.start(
        session, person.id, chat_id, FLOW, "typed", child_id=child.id, episode_id=episode.id,
        number=number,
    )  # fmt: skip
    state.message_id = message_id
    return await episodes.receipt(session, episode)


async def waiting(session: AsyncSession, person: Person, chat_id: int) -> WizardState | None:
    """The typed answer ``person`` is expected to give in ``chat_id``, if any."""
    state = await wizards.current(session, person.id, chat_id)
    return state if state is not None and state.flow == FLOW else None


async def type_answer(
    session: AsyncSession, person: Person, state: WizardState, text: str
) -> Receipt:
    """``person`` typed the answer to the question their "Type it" was for."""
    episode_id, number = int(state.data.get("episode_id", 0)), int(state.data.get("number", 0))
    episode, child = await _changeable(session, person, state.chat_id, episode_id)
    found = _still_open(episode, number)
    option = typed_option(found, text, episode, child.timezone, clock.now())
    shown = await _apply(session, person, state.chat_id, episode, child, found, option, via="typed")
    await wizards.finish(session, state)
    return shown


async def _apply(
    session: AsyncSession,
    person: Person,
    chat_id: int,
    episode: Episode,
    child: Child,
    found: asking.Asked,
    option: Option,
    *,
    via: str,
) -> Receipt:
    """Put the answer in the record, close the question, log it, and say who must hear."""
    now = clock.now()
    changed = answer(records.parsed_of(episode), option)
    records.validate(changed, now)
    before = records.snapshot(episode)
    for name, value in records.fields(changed).items():
        setattr(episode, name, value)
    asking.ask(episode, None)
    await session.flush()
    after = records.snapshot(episode)
    await audit.record(
        session, "episode.answered", actor_id=person.id, child_id=child.id,
        episode_id=episode.id, question=found.question.kind, answer=option.label, via=via,
        before=before, after=after,
    )  # fmt: skip
    shown = await episodes.receipt(session, episode)
    if episode.relayed_at is None or before == after:
        return shown
    hears = await audience.team(
        session, child.id, exclude_person_id=person.id, exclude_chat_id=chat_id, urgent=shown.urgent
    )
    return replace(shown, news=(Corrected(person.first_name, shown, hears),))
