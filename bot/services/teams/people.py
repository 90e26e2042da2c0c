"""The people the bot meets: recorded on first contact, kept up to date on every update."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import audit
from bot.services.digests.subscriptions import replan_all
from bot.services.errors import DomainError
from bot.services.teams.children import children_of
from bot.services.teams.newchild import common_zones
from models import Child, Membership, Person


async def meet(
    session: AsyncSession,
    telegram_user_id: int,
    first_name: str,
    *,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    in_private: bool = False,
) -> Person:
    """Return the person for a Telegram user, creating or refreshing their record.

    Writing to the bot in private is what lets it message them later, again
    after a block.
    """
    person = await session.scalar(select(Person).where(Person.telegram_user_id == telegram_user_id))
    if person is None:
        person = Person(telegram_user_id=telegram_user_id, first_name=first_name)
        session.add(person)
    person.first_name = first_name[:128]
    person.last_name = last_name[:128] if last_name else None
    person.username = username
    if person.language_code is None:  # Telegram's app language on first contact; then /language
        person.language_code = language_code
    if in_private:
        person.started_bot = True
    await session.flush()
    if in_private:
        # Writing to the bot again lifts an earlier block, so private news can resume.
        await session.execute(
            update(Membership)
            .where(Membership.person_id == person.id, Membership.private_delivery_ok.is_(False))
            .values(private_delivery_ok=True)
        )
    return person


async def set_timezone(session: AsyncSession, person: Person, timezone: str | None) -> Person:
    """``person`` reads their schedules in ``timezone`` (None: their child's); digests move."""
    if person.timezone != timezone:
        person.timezone = timezone
        await audit.record(
            session, "person.timezone_set", actor_id=person.id, child_id=None, timezone=timezone
        )
        await replan_all(session, person)
    return person


async def home_child(session: AsyncSession, person: Person) -> Child | None:
    """The child whose zone is ``person``'s when they have none: their default, or first."""
    children = await children_of(session, person.id)
    chosen = [child for child in children if child.id == person.default_child_id]
    return (chosen or children or [None])[0]


def offered_zone(language: str | None, index: int) -> str:
    """The zone a /timezone button names; a stale or forged one reads as an expired button."""
    zones = common_zones(language)
    if not 0 <= index < len(zones):
        raise DomainError("errors.expired_button")
    return zones[index]
