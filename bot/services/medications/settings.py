"""A child's bedtime and weight: ``/med bedtime 19:30``, ``/med weight 22.5``, and reading them.

The bedtime is what "at night" and "at bedtime" mean in ``/med`` (20:00 until set). The
weight works out doses typed in mg/kg/day; it is asked for when none recent is recorded.
Both are set by those who record medication changes (guardians and clinicians) and seen
by the whole team. Doses already recorded keep their times and amounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit
from bot.services.errors import DomainError
from bot.services.medications.per_kg import checked_weight
from bot.services.medications.reading import unglue
from bot.services.parsing import vocab
from bot.services.parsing.clocks import Wall, clock_at
from bot.services.parsing.numerals import number
from bot.services.parsing.tokens import tokenize
from bot.services.teams.children import get_child
from bot.services.teams.permissions import Action, require
from models import Child, Membership, Person


@dataclass(frozen=True)
class Setting:
    """A child's bedtime or weight, and whether it was just changed."""

    child: Child
    changed: bool


def read_clock(text: str) -> str | None:
    """``text`` as HH:MM when it is one time of day ("19:30", "7pm", "7.30 p.m.", "19h30")."""
    tokens = [piece for token in tokenize(text) for piece in unglue(token)]
    found = clock_at(tokens, 0, bare=True)
    if found is None or found[0] != len(tokens):
        return None
    clock = found[1]
    if clock.end is not None or clock.twelve_hour or not isinstance(clock.start, Wall):
        return None
    return str(clock.start)


def read_weight_number(text: str) -> Decimal | None:
    """The number of kg ``text`` gives ("22", "22.5 kg", "22,5kg", "twenty kilos"), or None."""
    tokens = [piece for token in tokenize(text) for piece in unglue(token)]
    units = vocab.load("medications")["weight"]["units"]
    if not 1 <= len(tokens) <= 2 or (len(tokens) == 2 and tokens[1].norm not in units):
        return None
    return number(tokens[0].norm)


def read_weight(text: str) -> Decimal:
    """A typed weight in kg ("22", "22.5 kg", "22,5kg"), or the refusal saying what to type."""
    value = read_weight_number(text)
    if value is None:
        raise DomainError("medications.weight.unreadable", text=text.strip()[:40])
    return checked_weight(value)


async def record_weight(
    session: AsyncSession, person: Person, membership: Membership, weight_kg: Decimal
) -> Child:
    """Store ``weight_kg`` as the child's weight as of now, and audit it."""
    child = await get_child(session, membership.child_id)
    child.weight_kg = weight_kg
    child.weight_recorded_at = clock.now()
    await session.flush()
    await audit.record(
        session, "child.weight", actor_id=person.id, child_id=child.id, weight_kg=str(weight_kg)
    )
    return child


async def weight(
    session: AsyncSession, person: Person, membership: Membership | None, text: str
) -> Setting:
    """``/med weight``: show the recorded weight; with a number, record it first."""
    if not text.strip():
        require(membership, Action.SEE_MEDICINES)
        assert membership is not None
        return Setting(await get_child(session, membership.child_id), changed=False)
    membership = require(membership, Action.CHANGE_MEDICATION)
    child = await record_weight(session, person, membership, read_weight(text))
    return Setting(child, changed=True)


async def bedtime(
    session: AsyncSession, person: Person, membership: Membership | None, text: str
) -> Setting:
    """``/med bedtime``: show the bedtime; with a time of day, set it first."""
    if not text.strip():
        require(membership, Action.SEE_MEDICINES)
        assert membership is not None
        return Setting(await get_child(session, membership.child_id), changed=False)
    membership = require(membership, Action.CHANGE_MEDICATION)
    at = read_clock(text)
    if at is None:
        raise DomainError("medications.bedtime.unreadable", text=text.strip()[:40])
    child = await get_child(session, membership.child_id)
    child.bedtime = at
    await session.flush()
    await audit.record(session, "child.bedtime", actor_id=person.id, child_id=child.id, at=at)
    return Setting(child, changed=True)
