"""/digest on demand: the figures, in private or where a guardian allowed it; the group's switch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import audit
from bot.services.digests.figures import Figures, figures
from bot.services.errors import DomainError, Forbidden
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, may, require
from models import Child, Membership, Person


@dataclass(frozen=True)
class Pointer:
    """Asked in the team group, where digests are not shown: ask me in private."""

    child: Child


async def asked(
    session: AsyncSession, membership: Membership, days: int, *, in_group: bool
) -> Figures | Pointer:
    """The digest for a member who asked; in the group only if a guardian turned that on."""
    require(membership, Action.DIGEST)
    child = await get_child(session, membership.child_id)
    if in_group and not child.group_digests:
        return Pointer(child)
    return await figures(session, membership, days)


def switch_named(arg: str | None) -> bool:
    """On or off, as a button names it; anything else reads as an expired button."""
    if arg not in ("on", "off"):
        raise DomainError("errors.expired_button")
    return arg == "on"


async def set_group_digests(
    session: AsyncSession, person: Person, child_id: int, on: bool
) -> Child:
    """A guardian lets /digest show the figures in the team group, or stops it."""
    membership = await membership_in(session, person.id, child_id)
    if not may(require(membership, Action.DIGEST).role, Action.LINK_GROUP):
        raise Forbidden("digest.group_refused")
    child = await get_child(session, child_id)
    if child.group_digests != on:
        child.group_digests = on
        await audit.record(
            session, "digest.group_changed", actor_id=person.id, child_id=child_id, on=on
        )
    return child
