"""Queueing one thing for an audience: a copy for each chat, written once per language."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.audience import Audience
from bot.delivery.outbox import enqueue
from bot.replies import Language, Render, Reply
from models import Outbox


async def queue(
    session: AsyncSession, audience: Audience, render: Render, *, group: Render | None = None
) -> list[Outbox]:
    """Queue a copy for each of ``audience``'s chats, in order, in the caller's transaction.

    ``render`` is called once per language among the readers; the group's copy is
    rendered by ``group`` instead, when given.
    """
    written: dict[tuple[bool, Language], Reply] = {}
    rows: list[Outbox] = []
    for recipient in audience.recipients:
        how = group if recipient.group and group is not None else render
        key = (how is not render, recipient.language)
        if key not in written:
            written[key] = how(recipient.language)
        rows += await enqueue(
            session,
            recipient.chat_id,
            written[key],
            child_id=audience.child_id,
            membership_id=recipient.membership_id,
            thread_id=recipient.thread_id,
        )
    return rows
