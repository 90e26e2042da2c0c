"""A child's seizure action plan: plain text the whole team reads, and its emergency threshold."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import audit
from bot.services.episodes import vocabulary as vocab
from bot.services.errors import DomainError
from bot.services.teams import children as teams
from bot.services.teams.permissions import Action, may, require
from models import Child, Membership

PLAN_LIMIT = 3000
THRESHOLDS = range(30, 30 * 60 + 1)  # seconds: from half a minute to half an hour
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*([a-z]+)$")


@dataclass(frozen=True)
class Plan:
    """The plan as one member sees it; ``changed`` says what was just saved, if anything."""

    child: Child
    can_edit: bool
    changed: str | None = None  # "plan" or "threshold"


async def apply(session: AsyncSession, membership: Membership, person_id: int, text: str) -> Plan:
    """Do what ``/plan <text>`` asks: show the plan, ``set`` it, or change its ``threshold``."""
    require(membership, Action.SEE_MEDICINES)
    child = await teams.get_child(session, membership.child_id)
    verb, _, rest = text.strip().partition(" ")
    can_edit = may(membership.role, Action.SET_PLAN)
    if not verb:
        return Plan(child, can_edit)
    if verb.lower() not in ("set", "threshold"):
        raise DomainError("plan.usage")
    require(membership, Action.SET_PLAN)
    if verb.lower() == "set":
        before, child.action_plan = child.action_plan, _plan_text(rest)
        kind, changed = "plan.changed", "plan"
    else:
        before, child.emergency_threshold_seconds = (
            child.emergency_threshold_seconds,
            parse_threshold(rest),
        )
        kind, changed = "plan.threshold_changed", "threshold"
    after = child.action_plan if changed == "plan" else child.emergency_threshold_seconds
    await audit.record(
        session, kind, actor_id=person_id, child_id=child.id, before=before, after=after
    )
    return Plan(child, can_edit, changed)


def _plan_text(text: str) -> str:
    """The plan as written, trimmed; empty or very long plans are refused."""
    plan = text.strip()
    if not plan or len(plan) > PLAN_LIMIT:
        raise DomainError("plan.bad_text", limit=PLAN_LIMIT)
    return plan


def parse_threshold(text: str) -> int:
    """An emergency threshold such as "3m", "90s" or "5 min", in seconds."""
    found = _AMOUNT.match(text.strip().lower())
    unit = vocab.SECONDS_PER_UNIT.get(found.group(2)) if found else None
    if found is None or unit is None:
        raise DomainError("plan.bad_threshold")
    seconds = int(Decimal(found.group(1)) * unit)
    if seconds not in THRESHOLDS:
        raise DomainError("plan.bad_threshold")
    return seconds
