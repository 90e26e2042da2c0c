"""What the sender does when Telegram refuses a message for good (400, 403) or a group moves."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from models import Outbox, OutboxStatus, TeamChat
from models.session import Database

log = logging.getLogger(__name__)

# What to do when a member's private chat refuses the bot: (session, membership id, error).
Refused = Callable[[AsyncSession, int, str], Awaitable[None]]


async def nobody_told(session: AsyncSession, membership_id: int, error: str) -> None:
    """The default ``Refused``: the failed row is all that is recorded."""


async def mark_failed(session: AsyncSession, outbox_id: int, error: str) -> None:
    """Record that a row will never be delivered, and why."""
    await session.execute(
        update(Outbox)
        .where(Outbox.id == outbox_id)
        .values(
            status=OutboxStatus.FAILED,
            last_error=error[:500],
            attempts=Outbox.attempts + 1,
            claimed_until=None,
        )
    )


async def forbidden(db: Database, row: Outbox, error: str, refused: Refused) -> None:
    """A 403: the row failed; if it was a member's private copy, ``refused`` handles that member.

    ``refused`` runs in the same transaction, so what it records and queues commits with the mark.
    """
    log.warning("outbox row %s forbidden: %s", row.id, error)
    async with db.transaction() as session:
        await mark_failed(session, row.id, error)
        if row.membership_id is not None:
            await refused(session, row.membership_id, error)


async def chat_migrated(db: Database, old_chat_id: int, new_chat_id: int) -> None:
    """A group became a supergroup: follow it, keep the link and the queue."""
    async with db.transaction() as session:
        await session.execute(
            update(TeamChat).where(TeamChat.chat_id == old_chat_id).values(chat_id=new_chat_id)
        )
        await session.execute(
            update(Outbox)
            .where(Outbox.chat_id == old_chat_id, Outbox.status == OutboxStatus.PENDING)
            .values(chat_id=new_chat_id, next_attempt_at=clock.now(), claimed_until=None)
        )
