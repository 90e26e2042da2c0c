"""Saving an episode report, holding back a second report of the same episode, telling the team."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.episodes import history as episode_history
from bot.services.episodes import retypes as episode_retypes
from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.history import Receipt
from bot.services.episodes.news import Relayed
from bot.services.episodes.parsing import (
    MAX_COUNT,
    MAX_DURATION_SECONDS,
    SKEW,
    ParsedEpisode,
    parse_episode,
)
from bot.services.errors import DomainError, NotAMember
from bot.services.teams import audience
from bot.services.teams import children as teams
from bot.services.teams.permissions import Action, require
from models import Child, Episode, Intensity, Membership, Person
from models.episode import DurationBound

DUPLICATE_WINDOW = timedelta(minutes=5)
UNDO_WINDOW = timedelta(minutes=10)
HOLD_FLOW = "ep_hold"
SOURCES = frozenset({"line", "wizard", "timer"})
# Which Episode columns a report fills in, and which an audit event copies.
FIELDS = (
    "occurred_at",
    "window_end_at",
    "duration_seconds",
    "jerk_count",
    "kind",
    "body_parts",
    "intensity",
    "setting",
    "triggers",
    "rescue_medication",
    "injury",
    "observer",
    "notes",
    "time_precision",
    "duration_max_seconds",
    "duration_bound",
    "count_max",
    "count_approximate",
    "no_rescue",
    "text_as_typed",
)
BODY_PARTS = frozenset(vocab.BODY_PARTS.phrases)
SETTINGS = frozenset(vocab.SETTINGS.phrases)
TRIGGERS = frozenset(vocab.TRIGGERS.phrases)
NAME_LIMIT = 128


@dataclass(frozen=True)
class ReportOutcome:
    """A saved report: held back if it may repeat ``possible_duplicate``, else relayed."""

    episode: Episode
    possible_duplicate: Episode | None  # another report within 5 minutes by someone else
    urgent: bool
    news: tuple[Relayed, ...] = ()  # the relay to announce, unless it was held back


async def report(
    session: AsyncSession,
    membership: Membership,
    reporter: Person,
    parsed: ParsedEpisode,
    *,
    source: str,
    in_chat: int | None = None,
    attachments: tuple[tuple[str, str], ...] = (),
    line: str | None = None,
) -> ReportOutcome:
    """Save what ``reporter`` saw and relay it to the team, unless another report may be the same.

    :param in_chat: the chat the report was made in; if it is the team group, the
        reporter's confirmation there is the group's copy and no relay goes to it.
    :param attachments: (Telegram file id, kind) of the photos, videos and voice messages
        sent with it.
    :param line: the one-line report as typed, kept in the audit log.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown report source {source!r}")
    if require(membership, Action.REPORT_EPISODE).person_id != reporter.id:
        raise NotAMember()
    validate(parsed, clock.now())
    child = await lock_child(session, membership.child_id)
    episode = Episode(child_id=child.id, reporter_id=reporter.id, source=source, **fields(parsed))
    if attachments:
        episode.attachment_file_ids = [file_id for file_id, _ in attachments]
        episode.details = {"attachment_kinds": [kind for _, kind in attachments]}
    session.add(episode)
    await session.flush()
    await audit.record(
        session,
        "episode.reported",
        actor_id=reporter.id,
        child_id=child.id,
        episode_id=episode.id,
        source=source,
        record=snapshot(episode),
        **({"line": line} if line is not None else {}),
    )
    duplicate = await find_duplicate(session, episode)
    news = () if duplicate else (await relay(session, episode, exclude_chat_id=in_chat),)
    return ReportOutcome(episode, duplicate, is_urgent(episode, child), news)


async def report_line(
    session: AsyncSession,
    membership: Membership,
    reporter: Person,
    text: str,
    in_chat: int,
    message_id: int | None = None,
    *,
    said_at: datetime | None = None,
) -> Receipt:
    """Save a one-line report (``/e …``) sent in ``in_chat`` and show it as understood.

    ``message_id``: the message it was typed in, so that editing it corrects the report.
    :param said_at: when it was sent, if that was a while ago (it waited for the
        database); "30s" or "5 min ago" are read from then, not from now.
    """
    require(membership, Action.REPORT_EPISODE)
    child = await teams.get_child(session, membership.child_id)
    parsed = parse_episode(
        text,
        now=min(said_at or clock.now(), clock.now()),
        timezone=child.timezone,
        language=reporter.language_code,
    )
    await lock_child(session, child.id)  # two copies arriving together are checked in turn
    await episode_retypes.refuse(session, child.id, reporter, text)
    outcome = await report(
        session, membership, reporter, parsed, source="line", in_chat=in_chat, line=text
    )
    if message_id is not None:
        outcome.episode.source_chat_id, outcome.episode.source_message_id = in_chat, message_id
    shown = await receipt(session, outcome.episode, outcome.possible_duplicate)
    return replace(shown, news=outcome.news)


async def receipt(
    session: AsyncSession, episode: Episode, duplicate: Episode | None = None
) -> Receipt:
    """``episode`` in its context, as its reporter sees it (asking about ``duplicate``)."""
    child = await teams.get_child(session, episode.child_id)
    now = clock.now()
    held_back = episode.relayed_at is None and episode.merged_into_id is None
    if duplicate is None and held_back:
        duplicate = await find_duplicate(session, episode)
    return Receipt(
        card=await episode_history.card(session, episode),
        child=child,
        counts=await episode_history.counts(session, child, now),
        now=now,
        urgent=is_urgent(episode, child),
        shared=episode.relayed_at is not None,
        duplicate=await episode_history.card(session, duplicate) if duplicate else None,
        can_undo=now < episode.created_at + UNDO_WINDOW,
    )


async def hold(
    session: AsyncSession, person: Person, chat_id: int, text: str, *, command: str = "episode"
) -> None:
    """Keep what was written after ``command`` while its sender says which child it is about."""
    await wizards.start(session, person.id, chat_id, HOLD_FLOW, command, text=text)


async def held(
    session: AsyncSession, person: Person, chat_id: int, *, command: str = "episode"
) -> str:
    """The text ``hold`` kept for ``command``, now that the child is chosen ("" for a plan)."""
    state = await wizards.current(session, person.id, chat_id)
    if state is None or state.flow != HOLD_FLOW or state.step != command:
        if command == "episode":
            raise DomainError("episodes.held_expired")
        return ""
    await wizards.finish(session, state)
    return str(state.data.get("text", ""))


async def relay(
    session: AsyncSession, episode: Episode, *, exclude_chat_id: int | None = None
) -> Relayed:
    """Mark ``episode`` relayed: the team (urgently, if it calls for the plan) is to hear of it."""
    child = await session.get_one(Child, episode.child_id)
    now = clock.now()
    card = await episode_history.card(session, episode)
    context = await episode_history.counts(session, child, now)
    urgent = is_urgent(episode, child)
    episode.relayed_at = now
    hears = await audience.team(
        session,
        child.id,
        exclude_person_id=episode.reporter_id,
        exclude_chat_id=exclude_chat_id,
        urgent=urgent,
    )
    return Relayed(card, child, context, now, urgent, hears)


def is_urgent(episode: Episode, child: Child) -> bool:
    """At or over the plan's emergency threshold, or severe with an injury.

    Only numbers read whole count (a number the parser could not read leaves no duration): a
    length at or over the threshold, "over N" at or over it, or a range ("4-6 min") or
    "under N" whose upper end goes past it — when it may have been that long, the team hears.
    """
    threshold = child.emergency_threshold_seconds
    too_long = (episode.duration_seconds or 0) >= threshold
    reaches = (episode.duration_max_seconds or 0) > threshold
    return too_long or reaches or (episode.intensity == Intensity.SEVERE and episode.injury)


async def lock_child(session: AsyncSession, child_id: int) -> Child:
    """The child, locked for this transaction, so two reports of one child are checked in turn."""
    # PostgreSQL: FOR UPDATE queues the second reporter behind the first, who then sees it as
    # a possible duplicate. SQLite takes the write lock at BEGIN IMMEDIATE anyway.
    child = await session.scalar(
        select(Child)
        .where(Child.id == child_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if child is None:
        raise NotAMember()
    return child


async def find_duplicate(session: AsyncSession, episode: Episode) -> Episode | None:
    """The closest other report of this child by someone else within 5 minutes, if any."""
    start, end = episode.occurred_at, episode.window_end_at or episode.occurred_at
    nearby = await session.scalars(
        episode_history.shown().where(
            Episode.child_id == episode.child_id,
            Episode.id != episode.id,
            Episode.reporter_id != episode.reporter_id,
            Episode.occurred_at <= end + DUPLICATE_WINDOW,
            Episode.occurred_at >= start - DUPLICATE_WINDOW - timedelta(days=2),
        )
    )
    gaps = [(gap(episode, other), other.id, other) for other in nearby]
    close = [found for found in gaps if found[0] <= DUPLICATE_WINDOW]
    return min(close, key=lambda found: found[:2])[2] if close else None


def gap(one: Episode, other: Episode) -> timedelta:
    """How far apart two episodes are: zero if their times or windows overlap."""
    one_end = one.window_end_at or one.occurred_at
    other_end = other.window_end_at or other.occurred_at
    return max(one.occurred_at - other_end, other.occurred_at - one_end, timedelta(0))


def fields(parsed: ParsedEpisode) -> dict[str, Any]:
    """The Episode columns a parsed report fills in."""
    values = {name: getattr(parsed, name) for name in FIELDS}
    values["body_parts"] = list(parsed.body_parts)
    values["triggers"] = list(parsed.triggers)
    values["text_as_typed"] = parsed.text_as_typed or None
    return values


def snapshot(episode: Episode) -> dict[str, Any]:
    """The reported fields of ``episode`` as JSON, for the audit log's before and after."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(episode, name)
        values[name] = value.isoformat() if isinstance(value, datetime) else value
    return values


def validate(parsed: ParsedEpisode, now: datetime) -> None:
    """Refuse a record that cannot be true, whichever way it was entered."""
    _in_the_past(parsed, now)
    _in_range(parsed)
    _known_words(parsed)


def _in_the_past(parsed: ParsedEpisode, now: datetime) -> None:
    end = parsed.window_end_at or parsed.occurred_at
    if parsed.occurred_at > now + SKEW or end > now + SKEW:
        raise DomainError("episodes.in_future")
    if end < parsed.occurred_at:
        raise DomainError("episodes.window_backwards")


def _in_range(parsed: ParsedEpisode) -> None:
    low, high = parsed.duration_seconds, parsed.duration_max_seconds
    if any(v is not None and not 0 <= v <= MAX_DURATION_SECONDS for v in (low, high)):
        raise DomainError("episodes.bad_duration")
    if not _bounded(low, high, parsed.duration_bound):
        raise DomainError("episodes.bad_duration")
    counts = (parsed.jerk_count, parsed.count_max)
    if any(v is not None and not 1 <= v <= MAX_COUNT for v in counts):
        raise DomainError("episodes.bad_count")
    if None not in counts and parsed.count_max <= parsed.jerk_count:  # type: ignore[operator]
        raise DomainError("episodes.bad_count")


def _bounded(low: int | None, high: int | None, bound: DurationBound | None) -> bool:
    """Whether a duration's numbers fit what its bound says (see DurationBound)."""
    if bound is None:
        return high is None
    if bound == DurationBound.RANGE:
        return low is not None and high is not None and low < high
    if bound == DurationBound.UNDER:
        return low is None and high is not None
    return low is not None and high is None


def _known_words(parsed: ParsedEpisode) -> None:
    known = (
        set(parsed.body_parts) <= BODY_PARTS
        and set(parsed.triggers) <= TRIGGERS
        and parsed.setting in SETTINGS | {None}
        and len(parsed.observer or "") <= NAME_LIMIT
        and len(parsed.rescue_medication or "") <= NAME_LIMIT
    )
    if not known:
        raise DomainError("episodes.not_understood")
