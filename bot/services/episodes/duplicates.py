"""Whether a new report may be another person's report of the same episode.

Two reports are asked about ("Is it the same one?") only when the episodes' own times
(their start, or their window) are within 5 minutes of each other, they come from two
people, and their settings do not conflict: one child can't be at home and at school at
once, so a home report and a school report are two episodes. An urgent report is relayed
first and asked about after; its open question is kept in ``details`` until answered.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.episodes import history as episode_history
from models import Episode

DUPLICATE_WINDOW = timedelta(minutes=5)
# Where the child was: two different places are two episodes. Asleep or waking can be anywhere.
PLACES = frozenset({"home", "school", "outside", "car"})
MAYBE_SAME = "maybe_same"  # details key: the episode a relayed report may repeat, until answered


def gap(one: Episode, other: Episode) -> timedelta:
    """How far apart two episodes are: zero if their times or windows overlap."""
    one_end = one.window_end_at or one.occurred_at
    other_end = other.window_end_at or other.occurred_at
    return max(one.occurred_at - other_end, other.occurred_at - one_end, timedelta(0))


def conflicting(one: Episode, other: Episode) -> bool:
    """Whether the two reports put the child in two different places."""
    places = {one.setting, other.setting}
    return len(places) == 2 and places <= PLACES


def may_repeat(one: Episode, other: Episode) -> bool:
    """Whether ``one`` may be a second report of ``other``: close in time, nothing at odds."""
    return gap(one, other) <= DUPLICATE_WINDOW and not conflicting(one, other)


async def find_duplicate(session: AsyncSession, episode: Episode) -> Episode | None:
    """The closest other report of this child by someone else that may be the same episode."""
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
    close = [(gap(episode, o), o.id, o) for o in nearby if may_repeat(episode, o)]
    return min(close, key=lambda found: found[:2])[2] if close else None


def ask_after_relay(episode: Episode, other: Episode) -> None:
    """Keep the question "is it the same as ``other``?" open on a report already relayed."""
    episode.details = {**(episode.details or {}), MAYBE_SAME: other.id}


def asked_after_relay(episode: Episode) -> int | None:
    """The episode a relayed report is still asked about, if any."""
    found = (episode.details or {}).get(MAYBE_SAME)
    return int(found) if isinstance(found, int) else None


def answered(episode: Episode) -> None:
    """The "same episode?" question of a relayed report is answered."""
    episode.details = {k: v for k, v in (episode.details or {}).items() if k != MAYBE_SAME}


def is_open(episode: Episode) -> bool:
    """Whether "is it the same one?" is still to be answered: held back, or asked after relay."""
    if episode.merged_into_id is not None:
        return False
    return episode.relayed_at is None or asked_after_relay(episode) is not None
