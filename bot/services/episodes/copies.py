"""Which messages relayed an episode, so they can follow its record when it changes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import EpisodeCopy, Outbox


async def remember(session: AsyncSession, episode_id: int, rows: Iterable[Outbox]) -> None:
    """Keep the outbox rows that relayed ``episode_id`` (its first message in each chat)."""
    seen: set[int] = set()
    for row in rows:
        if row.method == "sendMessage" and row.chat_id not in seen:
            seen.add(row.chat_id)
            session.add(EpisodeCopy(episode_id=episode_id, outbox_id=row.id))
    await session.flush()


async def of(session: AsyncSession, episode_id: int) -> list[Outbox]:
    """Every message that relayed ``episode_id``, oldest first."""
    rows = await session.scalars(
        select(Outbox)
        .join(EpisodeCopy, EpisodeCopy.outbox_id == Outbox.id)
        .where(EpisodeCopy.episode_id == episode_id)
        .order_by(Outbox.id)
    )
    return list(rows)
