"""A report line its reporter sends again moments later is the same report, retyped.

People retype a report when it seemed not to go through (the database was
down, the network slow, the answer late). The same words from the same person
about the same child within 5 minutes are one episode, so the second copy is
refused and saved nowhere; the refusal says how to report a second episode
(with its time, which makes it another line). A report taken back (undone or
deleted) does not count. Lines are compared without case and spacing.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services.errors import DomainError
from models import Episode, Event, Person

RETYPE_WINDOW = timedelta(minutes=5)


def normalised(line: str) -> str:
    """A report line as compared with another: case and spacing do not count."""
    return " ".join(line.casefold().split())


async def refuse(session: AsyncSession, child_id: int, reporter: Person, line: str) -> None:
    """Raise ``episodes.already_saved`` if ``reporter`` sent ``line`` for this child just now.

    The caller holds the child's lock, so two copies arriving together are checked in turn.
    """
    events = await session.scalars(
        select(Event).where(
            Event.kind == "episode.reported",
            Event.child_id == child_id,
            Event.actor_id == reporter.id,
            Event.created_at >= clock.now() - RETYPE_WINDOW,
        )
    )
    wanted = normalised(line)
    for event in events:
        if "line" not in event.payload or normalised(str(event.payload["line"])) != wanted:
            continue
        earlier = await session.get(Episode, event.payload.get("episode_id"))
        if earlier is not None and earlier.deleted_at is None:
            raise DomainError("episodes.already_saved")
