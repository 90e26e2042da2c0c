"""Showing new content on every copy of a message: edit those sent, report those still queued."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery.outbox import edit_payload
from bot.services import clock
from bot.services.teams import hears_about
from bot.views.common import Reply
from models import Outbox, OutboxStatus


async def show_everywhere(
    session: AsyncSession,
    copies: list[Outbox],
    reply: Reply,
    *,
    skip: tuple[int, int] | None = None,
) -> list[int]:
    """Queue an edit of each sent copy (but ``skip``, (chat id, message id)) to show ``reply``.

    A copy in a chat that no longer hears about its child (someone who left the team, a
    group unlinked since) is left as it was. Returns the ids of copies not sent yet: their
    message id is unknown until the sender delivers them, and rewriting a queued row could
    race the sender reading it.
    """
    waiting: list[int] = []
    for copy in copies:
        if copy.child_id is not None and not await hears_about(
            session, copy.child_id, copy.chat_id
        ):
            continue
        if copy.telegram_message_id is None:
            if copy.status == OutboxStatus.PENDING:
                waiting.append(copy.id)
            continue
        if (copy.chat_id, copy.telegram_message_id) == skip:
            continue
        session.add(
            Outbox(
                chat_id=copy.chat_id,
                child_id=copy.child_id,
                membership_id=copy.membership_id,
                method="editMessageText",
                payload=edit_payload(copy.telegram_message_id, reply),
                next_attempt_at=clock.now(),
            )
        )
    await session.flush()
    return waiting
