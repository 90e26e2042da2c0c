"""Enqueue messages in the caller's transaction; the sender delivers them after commit."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.replies import Button, Reply
from models import Outbox, OutboxFile, OutboxStatus

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
PHOTO_NAME = "chart.png"


def keyboard_json(buttons: list[list[Button]]) -> dict[str, Any] | None:
    """The Bot API ``reply_markup`` object for a view's buttons."""
    if not buttons:
        return None
    rows = []
    for row in buttons:
        rows.append(
            [
                {"text": b.text, "callback_data": b.callback.pack()}
                if b.callback
                else {"text": b.text, "url": b.url}
                for b in row
            ]
        )
    return {"inline_keyboard": rows}


def split_text(text: str, limit: int = TEXT_LIMIT) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` characters, on line boundaries.

    A single line longer than the limit is cut hard; views never open an HTML
    tag on one line and close it on another, so line cuts keep markup valid.
    """
    parts: list[str] = []
    current: str | None = None
    for line in text.split("\n"):
        while len(line) > limit:
            if current is not None:
                parts.append(current)
                current = None
            parts.append(line[:limit])
            line = line[limit:]
        if current is None:
            current = line
        elif len(current) + 1 + len(line) <= limit:
            current = f"{current}\n{line}"
        else:
            parts.append(current)
            current = line
    if current is not None:
        parts.append(current)
    return parts


async def enqueue(
    session: AsyncSession,
    chat_id: int,
    reply: Reply,
    *,
    child_id: int | None = None,
    membership_id: int | None = None,
    thread_id: int | None = None,
) -> list[Outbox]:
    """Queue ``reply`` for ``chat_id``; long texts become several messages, buttons on the last.

    A photo is one sendPhoto row, its bytes in ``outbox_file`` beside it. ``thread_id`` is
    the forum topic of a group (None: its General topic).
    """
    topic = {"message_thread_id": thread_id} if thread_id is not None else {}
    if reply.photo is not None:
        row = await _enqueue_photo(session, chat_id, reply, child_id, membership_id)
        row.payload = {**row.payload, **topic}
        return [row]
    parts = split_text(reply.text)
    rows = []
    for index, part in enumerate(parts):
        payload: dict[str, Any] = {"text": part, "parse_mode": "HTML", **topic}
        markup = keyboard_json(reply.buttons) if index == len(parts) - 1 else None
        if markup:
            payload["reply_markup"] = markup
        rows.append(
            Outbox(
                chat_id=chat_id,
                child_id=child_id,
                membership_id=membership_id,
                method="sendMessage",
                payload=payload,
                next_attempt_at=clock.now(),
            )
        )
    session.add_all(rows)
    await session.flush()
    return rows


async def enqueue_call(
    session: AsyncSession, chat_id: int, method: str, payload: dict[str, Any]
) -> Outbox:
    """Queue another Bot API call about ``chat_id`` (a command menu, removing a member), in the
    chat's order."""
    row = Outbox(chat_id=chat_id, method=method, payload=payload, next_attempt_at=clock.now())
    session.add(row)
    await session.flush()
    return row


async def _enqueue_photo(
    session: AsyncSession,
    chat_id: int,
    reply: Reply,
    child_id: int | None,
    membership_id: int | None,
) -> Outbox:
    """One sendPhoto row; the views keep captions within Telegram's limit by construction."""
    assert reply.photo is not None
    if len(reply.text) > CAPTION_LIMIT:
        raise ValueError(f"a caption of {len(reply.text)} characters is over {CAPTION_LIMIT}")
    payload: dict[str, Any] = {"caption": reply.text, "parse_mode": "HTML"}
    markup = keyboard_json(reply.buttons)
    if markup:
        payload["reply_markup"] = markup
    row = Outbox(
        chat_id=chat_id,
        child_id=child_id,
        membership_id=membership_id,
        method="sendPhoto",
        payload=payload,
        next_attempt_at=clock.now(),
    )
    session.add(row)
    await session.flush()
    session.add(OutboxFile(outbox_id=row.id, filename=PHOTO_NAME, content=reply.photo))
    await session.flush()
    return row


def edit_payload(message_id: int, reply: Reply) -> dict[str, Any]:
    """The editMessageText parameters that make message ``message_id`` show ``reply``."""
    payload: dict[str, Any] = {"message_id": message_id, "text": reply.text, "parse_mode": "HTML"}
    markup = keyboard_json(reply.buttons)
    if markup:
        payload["reply_markup"] = markup
    return payload


async def enqueue_edit(
    session: AsyncSession, chat_id: int, message_id: int, reply: Reply
) -> Outbox:
    """Queue an edit of a message the bot sent (for when Telegram refused it for now)."""
    row = Outbox(
        chat_id=chat_id,
        method="editMessageText",
        payload=edit_payload(message_id, reply),
        next_attempt_at=clock.now(),
    )
    session.add(row)
    await session.flush()
    return row


async def drop(session: AsyncSession, row_ids: list[int], reason: str) -> None:
    """Give up the rows of ``row_ids`` still waiting and not claimed by the sender."""
    if not row_ids:
        return
    now = clock.now()
    await session.execute(
        update(Outbox)
        .where(
            Outbox.id.in_(row_ids),
            Outbox.status == OutboxStatus.PENDING,
            or_(Outbox.claimed_until.is_(None), Outbox.claimed_until < now),
        )
        .values(status=OutboxStatus.FAILED, last_error=reason)
        .execution_options(synchronize_session=False)
    )


async def withdraw(session: AsyncSession, chat_id: int, child_id: int, reason: str) -> None:
    """Give up the messages and edits about ``child_id`` still queued for ``chat_id``."""
    await session.execute(
        update(Outbox)
        .where(
            Outbox.chat_id == chat_id,
            Outbox.child_id == child_id,
            Outbox.status == OutboxStatus.PENDING,
        )
        .values(status=OutboxStatus.FAILED, last_error=reason)
        .execution_options(synchronize_session=False)
    )
