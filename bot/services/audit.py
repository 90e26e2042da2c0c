"""Writing to the append-only audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from models import Event


async def record(
    session: AsyncSession,
    kind: str,
    *,
    actor_id: int | None,
    child_id: int | None,
    **payload: Any,
) -> Event:
    """Append one event (in the caller's transaction) and return it."""
    event = Event(kind=kind, actor_id=actor_id, child_id=child_id, payload=payload)
    session.add(event)
    await session.flush()
    return event
