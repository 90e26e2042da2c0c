"""A chat as a person sees it: every message, including those privacy mode kept from the bot."""

from __future__ import annotations

from typing import Any

from bot.sandbox.state import Chat, Message, World
from bot.sandbox.wire import compact, media_json, service_json, user_json


def transcript_entry(world: World, chat: Chat, message: Message) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "message_id": message.message_id,
        "from": user_json(world.users[message.sender_id]),
        "date": message.date,
        "edited": message.edit_date is not None,
        "reply_to_message_id": message.reply_to_message_id,
        "message_thread_id": message.thread_id,
        "text": message.text,
        "caption": message.caption,
        "entities": message.entities or None,
        "reply_markup": message.reply_markup or message.keyboard,
        "pinned": message.message_id in chat.pinned,
        "silent": message.silent,
    }
    media = media_json(world, message)
    if message.photo_id:
        photo = media["photo"][-1]
        media["photo"] = {**photo, "mime_type": _image_type(world.files[message.photo_id].content)}
    entry.update(media)
    if message.service:
        entry["service"] = service_json(world, message.service)
    return compact(entry)


def transcript(world: World, chat: Chat) -> list[dict[str, Any]]:
    """The chat's current messages, oldest first, as the control API returns them."""
    return [transcript_entry(world, chat, message) for message in chat.messages.values()]


def _image_type(content: bytes) -> str:
    return "image/png" if content.startswith(b"\x89PNG") else "image/jpeg"
