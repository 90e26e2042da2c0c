"""Showing new content on every copy of a message: edit those sent, report those still queued."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.delivery.outbox import edit_payload
from bot.replies import Language, Render, Reply
from models import Outbox, OutboxStatus


async def show_everywhere(
    session: AsyncSession,
    copies: list[Outbox],
    render: Render,
    *,
    hearing: Mapping[int, Language],
    skip: tuple[int, int] | None = None,
) -> list[int]:
    """Queue an edit of each sent copy (but ``skip``, (chat id, message id)) to show ``render``.

    Only copies in the chats of ``hearing`` change: one in a chat that no longer hears
    about the child (someone who left the team, a group unlinked since) is left as it was.
    Each copy is written in the language ``hearing`` gives its chat, each language once.
    Returns the ids of copies not sent yet: their message id is unknown until the sender
    delivers them, and rewriting a queued row could race the sender reading it.
    """
    waiting: list[int] = []
    written: dict[Language, Reply] = {}
    for copy in copies:
        if copy.chat_id not in hearing:
            continue
        if copy.telegram_message_id is None:
            if copy.status == OutboxStatus.PENDING:
                waiting.append(copy.id)
            continue
        if (copy.chat_id, copy.telegram_message_id) == skip:
            continue
        language = hearing[copy.chat_id]
        if language not in written:
            written[language] = render(language)
        session.add(
            Outbox(
                chat_id=copy.chat_id,
                child_id=copy.child_id,
                membership_id=copy.membership_id,
                method="editMessageText",
                payload=edit_payload(copy.telegram_message_id, written[language]),
                next_attempt_at=clock.now(),
            )
        )
    await session.flush()
    return waiting
