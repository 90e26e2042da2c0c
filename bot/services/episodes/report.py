"""Saving an episode report and telling the team: at once when urgent, else unless it may repeat.

A report is saved with what was understood and its open question (``asked``). An urgent
one (``records.calls_for_plan``) is relayed as 🚨 at once, and asked "same episode?"
after; any other that may be a second report of another person's (``duplicates``) waits
for its reporter's answer (``changes.py``), which merges it or relays it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.episodes import asked as asking
from bot.services.episodes import duplicates
from bot.services.episodes import history as episode_history
from bot.services.episodes import retypes as episode_retypes
from bot.services.episodes.duplicates import DUPLICATE_WINDOW, find_duplicate, gap
from bot.services.episodes.history import Receipt
from bot.services.episodes.news import Relayed
from bot.services.episodes.parsing import ParsedEpisode, parse_episode
from bot.services.episodes.records import (
    BODY_PARTS,
    FIELDS,
    NAME_LIMIT,
    SETTINGS,
    TRIGGERS,
    calls_for_plan,
    fields,
    is_urgent,
    snapshot,
    validate,
)
from bot.services.errors import DomainError, NotAMember
from bot.services.teams import audience
from bot.services.teams import children as teams
from bot.services.teams.permissions import Action, require
from models import Child, Episode, Membership, Person

__all__ = [
    "BODY_PARTS", "DUPLICATE_WINDOW", "FIELDS", "NAME_LIMIT", "SETTINGS", "TRIGGERS",
    "calls_for_plan", "fields", "find_duplicate", "gap", "is_urgent", "snapshot", "validate",
]  # fmt: skip

UNDO_WINDOW = timedelta(minutes=10)
HOLD_FLOW = "ep_hold"
SOURCES = frozenset({"line", "wizard", "timer"})


@dataclass(frozen=True)
class ReportOutcome:
    """A saved report: held back if it may repeat ``possible_duplicate``, else relayed.

    An urgent report is relayed even so, and ``possible_duplicate`` is asked about after.
    """

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
    message_id: int | None = None,
    locked: Child | None = None,
) -> ReportOutcome:
    """Save what ``reporter`` saw and relay it to the team, unless another report may be the same.

    :param in_chat: the chat the report was made in; if it is the team group, the
        reporter's confirmation there is the group's copy and no relay goes to it.
    :param attachments: (Telegram file id, kind) of the photos, videos and voice messages
        sent with it.
    :param line: the one-line report as typed, kept in the audit log.
    :param message_id: the message in ``in_chat`` it was typed in, so that editing it
        corrects the report.
    :param locked: the child, if the caller has locked it already (``lock_child``).
    """
    if source not in SOURCES:
        raise ValueError(f"unknown report source {source!r}")
    if require(membership, Action.REPORT_EPISODE).person_id != reporter.id:
        raise NotAMember()
    validate(parsed, clock.now())
    child = locked or await lock_child(session, membership.child_id)
    episode = Episode(child_id=child.id, reporter_id=reporter.id, source=source, **fields(parsed))
    if attachments:
        episode.attachment_file_ids = [file_id for file_id, _ in attachments]
        episode.details = {"attachment_kinds": [kind for _, kind in attachments]}
    if message_id is not None:
        episode.source_chat_id, episode.source_message_id = in_chat, message_id
    asking.ask(episode, parsed.question)
    # Decided before it is written, so that the row goes in once, already marked relayed.
    duplicate = await find_duplicate(session, episode)
    urgent = calls_for_plan(episode, child)
    if duplicate is not None and urgent:  # never held: relayed first, asked about after
        duplicates.ask_after_relay(episode, duplicate)
    held = duplicate is not None and not urgent
    if not held:
        episode.relayed_at = clock.now()
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
    news = () if held else (await relay(session, episode, exclude_chat_id=in_chat),)
    return ReportOutcome(episode, duplicate, urgent, news)


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
    # Locked first, so two copies arriving together are checked in turn.
    child = await lock_child(session, membership.child_id)
    parsed = parse_episode(
        text,
        now=min(said_at or clock.now(), clock.now()),
        timezone=child.timezone,
        language=reporter.language_code,
    )
    await episode_retypes.refuse(session, child.id, reporter, text)
    outcome = await report(
        session,
        membership,
        reporter,
        parsed,
        source="line",
        in_chat=in_chat,
        line=text,
        message_id=message_id,
        locked=child,
    )
    return await receipt_of(session, outcome)


async def _open_duplicate(session: AsyncSession, episode: Episode) -> Episode | None:
    """The report a relayed one is still asked about, if it still stands."""
    other_id = duplicates.asked_after_relay(episode)
    other = await session.get(Episode, other_id) if other_id is not None else None
    if other is None or other.deleted_at is not None or other.merged_into_id is not None:
        return None
    return other


async def receipt_of(session: AsyncSession, outcome: ReportOutcome) -> Receipt:
    """The receipt of a report just saved, with the news it makes."""
    relayed = outcome.news[0] if outcome.news else None
    shown = await receipt(session, outcome.episode, outcome.possible_duplicate, relayed=relayed)
    return replace(shown, news=outcome.news)


async def receipt(
    session: AsyncSession,
    episode: Episode,
    duplicate: Episode | None = None,
    *,
    relayed: Relayed | None = None,
) -> Receipt:
    """``episode`` in its context, as its reporter sees it, with its one open question.

    That is the "same episode?" question while it is held back (about ``duplicate``), else
    what the parser asked, else "same episode?" asked after an urgent relay. ``relayed``:
    the relay of ``episode`` made in this transaction, whose card and counts it shares.
    """
    child = await teams.get_child(session, episode.child_id)
    now = relayed.now if relayed is not None else clock.now()
    held_back = episode.relayed_at is None and episode.merged_into_id is None
    if duplicate is None and held_back:
        duplicate = await find_duplicate(session, episode)
    elif not held_back:
        duplicate = await _open_duplicate(session, episode)
    return Receipt(
        card=relayed.card if relayed else await episode_history.card(session, episode),
        child=child,
        counts=relayed.counts if relayed else await episode_history.counts(session, child, now),
        now=now,
        urgent=calls_for_plan(episode, child),
        shared=episode.relayed_at is not None,
        duplicate=await episode_history.card(session, duplicate) if duplicate else None,
        can_undo=now < episode.created_at + UNDO_WINDOW,
        question=asking.open_question(episode),
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
    if episode.relayed_at is None:
        episode.relayed_at = clock.now()
    now = episode.relayed_at
    card = await episode_history.card(session, episode)
    context = await episode_history.counts(session, child, now)
    urgent = calls_for_plan(episode, child)
    hears = await audience.team(
        session,
        child.id,
        exclude_person_id=episode.reporter_id,
        exclude_chat_id=exclude_chat_id,
        urgent=urgent,
    )
    return Relayed(card, child, context, now, urgent, hears)


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
