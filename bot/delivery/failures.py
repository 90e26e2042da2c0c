"""What the sender does when Telegram refuses a message for good (400, 403) or a group moves."""

from __future__ import annotations

import logging

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.delivery.outbox import enqueue
from bot.services import audit
from bot.views import delivery as views
from models import Membership, Outbox, OutboxStatus, Person, TeamChat
from models.session import Database

log = logging.getLogger(__name__)


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


async def forbidden(db: Database, row: Outbox, error: str) -> None:
    """A 403: stop private delivery to that member and tell the team group once."""
    log.warning("outbox row %s forbidden: %s", row.id, error)
    async with db.transaction() as session:
        await mark_failed(session, row.id, error)
        if row.membership_id is None:
            return
        membership = await session.get(Membership, row.membership_id)
        if membership is None or not membership.private_delivery_ok:
            return
        membership.private_delivery_ok = False
        person = await session.get(Person, membership.person_id)
        group = await session.scalar(
            select(TeamChat).where(TeamChat.child_id == membership.child_id)
        )
        await audit.record(
            session,
            "delivery.private_disabled",
            actor_id=None,
            child_id=membership.child_id,
            person_id=membership.person_id,
            reason=error[:200],
        )
        if group is not None and person is not None:
            await enqueue(
                session,
                group.chat_id,
                views.private_delivery_disabled(person.first_name),
                child_id=membership.child_id,
            )


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
