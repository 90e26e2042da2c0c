"""Reading a child's episodes: counts for context, who reported them, pages of history, today."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services.errors import DomainError
from bot.services.teams import children as teams
from bot.services.teams.permissions import Action, history_since, require
from models import Child, Episode, Membership, Person, Role

if TYPE_CHECKING:
    from bot.services.episodes.asked import Asked
    from bot.services.episodes.news import EpisodeNews

PAGE_SIZE = 10
PERIODS: dict[str, timedelta | None] = {
    "7d": timedelta(days=7),
    "30d": timedelta(days=30),
    "all": None,
}
DEFAULT_PERIOD = "7d"


@dataclass(frozen=True)
class Counts:
    """How many episodes the child had today, this week and last week (local calendar)."""

    today: int
    this_week: int
    last_week: int


@dataclass(frozen=True)
class Card:
    """An episode with the people behind it, as every view shows it."""

    episode: Episode
    reporter: str | None
    role: Role | None
    also_seen_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Receipt:
    """A saved episode in its context, as its reporter sees it; ``duplicate`` if held back."""

    card: Card
    child: Child
    counts: Counts
    now: datetime
    urgent: bool
    shared: bool  # False while held back by the "same episode?" question
    duplicate: Card | None = None
    can_undo: bool = False  # its reporter may still take it back
    news: tuple[EpisodeNews, ...] = ()  # what the team must hear because of it, to announce
    question: Asked | None = None  # what the reading left open, to ask its reporter


@dataclass(frozen=True)
class HistoryPage:
    """One page of a child's history, newest first."""

    child: Child
    viewer: Membership
    period: str
    index: int
    total: int
    cards: list[Card]
    limited: bool  # the viewer's role sees only recent history
    now: datetime

    @property
    def pages(self) -> int:
        """How many pages there are (at least one, even when empty)."""
        return max(1, -(-self.total // PAGE_SIZE))


@dataclass(frozen=True)
class OpenedEpisode:
    """One episode opened from the history, and whether the viewer may change it."""

    card: Card
    child: Child
    can_change: bool
    now: datetime


@dataclass(frozen=True)
class Today:
    """Today's episodes in the child's zone: how many, how long in all, and where."""

    child: Child
    count: int
    total_seconds: int
    by_setting: list[tuple[str | None, int]]


def shown() -> Select[tuple[Episode]]:
    """Episodes the team sees: not deleted, and not a second report merged into another."""
    return select(Episode).where(Episode.deleted_at.is_(None), Episode.merged_into_id.is_(None))


def local_midnight(moment: datetime, timezone: str, days: int = 0) -> datetime:
    """The start of the local day of ``moment``, moved by ``days``, as an aware datetime."""
    zone = ZoneInfo(timezone)
    day = moment.astimezone(zone).date() + timedelta(days=days)
    return datetime.combine(day, time(), tzinfo=zone)


async def counts(session: AsyncSession, child: Child, now: datetime) -> Counts:
    """The episode counts that give a new report its context, read in one statement."""
    today = local_midnight(now, child.timezone)
    week = local_midnight(now, child.timezone, -today.weekday())
    last_week = local_midnight(week, child.timezone, -7)
    tomorrow = local_midnight(now, child.timezone, 1)
    at = Episode.occurred_at

    def between(start: datetime, end: datetime) -> ColumnElement[int]:
        return func.count(case(((at >= start) & (at < end), 1)))

    found = (
        await session.execute(
            shown()
            .with_only_columns(
                between(today, tomorrow), between(week, tomorrow), between(last_week, week)
            )
            .where(Episode.child_id == child.id, at >= last_week, at < tomorrow)
        )
    ).one()
    return Counts(today=found[0], this_week=found[1], last_week=found[2])


async def cards(session: AsyncSession, episodes: list[Episode]) -> list[Card]:
    """Each episode with its reporter's name and role, and who else reported it."""
    if not episodes:
        return []
    ids = [episode.id for episode in episodes]
    people = await session.execute(
        select(Episode.id, Person.first_name, Membership.role)
        .join(Person, Person.id == Episode.reporter_id)
        .outerjoin(
            Membership,
            (Membership.person_id == Person.id) & (Membership.child_id == Episode.child_id),
        )
        .where(Episode.id.in_(ids))
    )
    reporters = {row[0]: (row[1], row[2]) for row in people}
    seconds = await session.execute(
        select(Episode.merged_into_id, Person.first_name)
        .join(Person, Person.id == Episode.reporter_id)
        .where(Episode.merged_into_id.in_(ids), Episode.deleted_at.is_(None))
        .order_by(Episode.id)
    )
    also: dict[int, list[str]] = {}
    for merged_into, name in seconds:
        also.setdefault(merged_into, []).append(name)
    return [
        Card(e, *reporters.get(e.id, (None, None)), also_seen_by=tuple(also.get(e.id, ())))
        for e in episodes
    ]


async def card(session: AsyncSession, episode: Episode) -> Card:
    """One episode with the people behind it."""
    return (await cards(session, [episode]))[0]


def parse_period(text: str | None) -> str:
    """The history period a user asked for: 7d, 30d or all (7d if none)."""
    period = (text or DEFAULT_PERIOD).strip().lower()
    if period not in PERIODS:
        raise DomainError("history.bad_period")
    return period


def _since(membership: Membership, period: str, now: datetime) -> tuple[datetime | None, bool]:
    """The earliest episode time to show, and whether the role's limit cut it."""
    allowed = history_since(membership, now)
    window = PERIODS[period]
    asked = now - window if window else None
    if allowed is not None and (asked is None or asked < allowed):
        return allowed, True
    return asked, False


async def page(
    session: AsyncSession, membership: Membership, period: str, index: int
) -> HistoryPage:
    """Page ``index`` (0 is the newest) of the episodes ``membership`` may see in ``period``."""
    now = clock.now()
    child = await teams.get_child(session, membership.child_id)
    since, limited = _since(membership, period, now)
    query = shown().where(Episode.child_id == child.id)
    if since is not None:
        query = query.where(Episode.occurred_at >= since)
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    index = min(max(index, 0), max(0, (total - 1) // PAGE_SIZE))
    found = await session.scalars(
        query.order_by(Episode.occurred_at.desc(), Episode.id.desc())
        .offset(index * PAGE_SIZE)
        .limit(PAGE_SIZE)
    )
    shown_cards = await cards(session, list(found))
    return HistoryPage(child, membership, period, index, total, shown_cards, limited, now)


async def page_for(
    session: AsyncSession, person: Person, chat_id: int, child_id: int, place: str | None
) -> HistoryPage:
    """A history page for a button press in ``chat_id``; ``place`` is "<period>.<page>"."""
    period, _, index = (place or "").partition(".")
    found = await teams.resolve(session, person, chat_id, child_id)
    membership = require(found if isinstance(found, Membership) else None, Action.SEE_HISTORY)
    number = int(index) if index.isdigit() else 0
    return await page(session, membership, parse_period(period), number)


async def today(session: AsyncSession, membership: Membership) -> Today:
    """Today's summary for ``membership``'s child."""
    require(membership, Action.SEE_HISTORY)
    now = clock.now()
    child = await teams.get_child(session, membership.child_id)
    start = local_midnight(now, child.timezone)
    found = list(
        await session.scalars(
            shown().where(Episode.child_id == child.id, Episode.occurred_at >= start)
        )
    )
    settings = Counter(episode.setting for episode in found)
    total = sum(episode.duration_seconds or 0 for episode in found)
    return Today(child, len(found), total, settings.most_common())


def may_change(membership: Membership, episode: Episode) -> bool:
    """The reporter or a guardian may correct, complete or delete an episode."""
    return membership.role == Role.GUARDIAN or membership.person_id == episode.reporter_id


async def authorized(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int, now: datetime
) -> tuple[Episode, Membership]:
    """An episode a button in ``chat_id`` names, if ``person`` may see it there now.

    The episode must exist and not be deleted; in a linked group it must be the
    group's child's; the person must be on that team and, for an educator, the
    episode within the last 30 days.
    """
    episode = await session.get(Episode, episode_id, populate_existing=True)
    if episode is None or episode.deleted_at is not None or episode.merged_into_id is not None:
        raise DomainError("episodes.gone")
    found = await teams.resolve(session, person, chat_id, episode.child_id)
    membership = require(found if isinstance(found, Membership) else None, Action.SEE_HISTORY)
    since = history_since(membership, now)
    if since is not None and episode.occurred_at < since:
        raise DomainError("history.too_old")
    return episode, membership


async def open_episode(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int
) -> OpenedEpisode:
    """The episode ``person`` tapped in the history, with the people behind it."""
    now = clock.now()
    episode, membership = await authorized(session, person, chat_id, episode_id, now)
    child = await teams.get_child(session, episode.child_id)
    return OpenedEpisode(await card(session, episode), child, may_change(membership, episode), now)
