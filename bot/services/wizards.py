"""Guided flows kept in the database: one per person and chat, forgotten after 15 quiet minutes."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services.errors import DomainError
from models import WizardState

TTL = timedelta(minutes=15)
TICKET = "_ticket"


class WizardExpired(DomainError):
    key = "wizards.expired"


async def start(
    session: AsyncSession,
    person_id: int,
    chat_id: int,
    flow: str,
    step: str,
    *,
    child_id: int | None = None,
    **data: Any,
) -> WizardState:
    """Begin ``flow`` at ``step`` for this person in this chat, replacing any flow in progress."""
    await session.execute(
        delete(WizardState).where(
            WizardState.person_id == person_id, WizardState.chat_id == chat_id
        )
    )
    now = clock.now()
    state = WizardState(
        person_id=person_id,
        chat_id=chat_id,
        child_id=child_id,
        flow=flow,
        step=step,
        # Row ids can be reused (SQLite), so buttons name the flow by a random ticket.
        data={TICKET: secrets.randbelow(10**12), **data},
        updated_at=now,
        expires_at=now + TTL,
    )
    session.add(state)
    await session.flush()
    return state


def ticket(state: WizardState) -> int:
    """The number a flow's buttons carry, so a button of an earlier flow is told apart."""
    return int(state.data[TICKET])


def answers(state: WizardState) -> dict[str, Any]:
    """What the person has answered so far."""
    return {key: value for key, value in state.data.items() if key != TICKET}


async def current(session: AsyncSession, person_id: int, chat_id: int) -> WizardState | None:
    """The flow this person has in progress in this chat, or None if none or it has expired."""
    state = await session.scalar(
        select(WizardState).where(
            WizardState.person_id == person_id, WizardState.chat_id == chat_id
        )
    )
    if state is None:
        return None
    if state.expires_at <= clock.now():
        await finish(session, state)
        return None
    return state


async def advance(session: AsyncSession, state: WizardState, step: str, **data: Any) -> WizardState:
    """Move ``state`` to ``step``, remember ``data`` and give the person another 15 minutes."""
    now = clock.now()
    state.step = step
    # A new dict, so the JSON column is seen as changed.
    state.data = {**state.data, **data}
    state.updated_at = now
    state.expires_at = now + TTL
    await session.flush()
    return state


async def finish(session: AsyncSession, state: WizardState) -> None:
    """Forget ``state``: the flow is done or abandoned."""
    await session.delete(state)
    await session.flush()


async def resume(
    session: AsyncSession, person_id: int, chat_id: int, flow: str, pressed: int | None = None
) -> WizardState:
    """The person's ``flow`` in progress here (the one whose ticket a button carries)."""
    state = await current(session, person_id, chat_id)
    if state is None or state.flow != flow or (pressed is not None and ticket(state) != pressed):
        raise WizardExpired()
    return state
