"""Steps the episode service tests share: Lily's team, a report, what was saved and queued."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.news import tell
from bot.services.episodes import report as episodes
from bot.services.episodes.history import Receipt
from bot.views.episodes import report as views
from models import Episode, Membership, Outbox, Person, Role
from models import NotifyPreference as Notify
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

T = TypeVar("T")
GROUP = -500
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # the frozen clock; 09:00 in London, a Wednesday
ANNA, PARK, LEE, BEN = 1, 2, 3, 4  # Telegram ids, which are also their private chats


def at(hour: int, minute: int, days: int = 0) -> datetime:
    """A moment on the frozen day (UTC, which is London's time in November)."""
    return datetime(2026, 11, 25, hour, minute, tzinfo=UTC) + timedelta(days=days)


async def team_of_four(db: Database) -> dict[str, Membership]:
    """Lily's team and linked group: Anna, Ben (guardians), Ms Park (educator), Dr Lee (clinician).

    Anna hears the news privately, Dr Lee in digests, the others in the group.
    """
    async with db.transaction() as session:
        lily = await make_child(session)
        await link_group(session, lily, GROUP)
        team = {}
        for user_id, name, role, notify in (
            (ANNA, "Anna", Role.GUARDIAN, Notify.PRIVATE),
            (PARK, "Ms Park", Role.EDUCATOR, Notify.GROUP),
            (LEE, "Dr Lee", Role.CLINICIAN, Notify.DIGEST),
            (BEN, "Ben", Role.GUARDIAN, Notify.GROUP),
        ):
            person = await make_person(session, user_id, name)
            team[name] = await make_member(session, lily, person, role, notify)
    return team


async def report(
    db: Database, membership: Membership, text: str, in_chat: int | None = None
) -> Receipt:
    """``membership``'s person sends ``/e text`` in ``in_chat`` (their private chat by default)."""
    async with db.transaction() as session:
        membership = await session.get_one(Membership, membership.id)
        person = await session.get_one(Person, membership.person_id)
        found = await episodes.report_line(
            session, membership, person, text, in_chat or person.telegram_user_id
        )
        return await told(session, found)


async def told(session: AsyncSession, found: T) -> T:
    """Announce the news a service returned, as the handlers do; return what it returned."""
    await tell(session, getattr(found, "news", ()), views.news)
    return found


async def saved_episodes(db: Database) -> list[Episode]:
    async with db.open_session() as session:
        return list(await session.scalars(select(Episode).order_by(Episode.id)))


async def queued(db: Database) -> list[tuple[int, str]]:
    async with db.open_session() as session:
        rows = await session.scalars(select(Outbox).order_by(Outbox.id))
        return [(row.chat_id, row.payload["text"]) for row in rows]
