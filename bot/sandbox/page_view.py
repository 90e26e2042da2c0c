"""What the chat page shows one person: their chats, a chat's messages, keyboard and pacing.

Pure functions over the emulator's `World`; `page_api` serves them as JSON.
"""

from __future__ import annotations

import re
import time
from typing import Any

from bot.sandbox.errors import ControlError
from bot.sandbox.groups import find_user
from bot.sandbox.state import CallRecord, Chat, User, World
from bot.sandbox.text_entities import find_entities
from bot.sandbox.transcript import transcript, transcript_entry
from bot.sandbox.wire import user_json

TYPING_SECONDS = 5.0  # Telegram shows a chat action for 5 s, or until the bot sends
_LOOK_BACK_SECONDS = 300.0
_SENDS = ("sendMessage", "sendPhoto", "sendDocument")
_RETRY_AFTER = re.compile(r"retry after (\d+)")


def people(world: World) -> dict[str, Any]:
    """The bot and every person, with whether they started or blocked the bot."""
    return {
        "bot": user_json(world.bot),
        "people": [
            {
                **user_json(user),
                "started": user.id in world.started,
                "blocked": user.id in world.blocked,
            }
            for user in world.users.values()
            if not user.is_bot
        ],
    }


def chats_of(world: World, user_id: Any) -> list[dict[str, Any]]:
    """The chats `user_id` sees: the private chat with the bot first, then their groups."""
    user = find_user(world, user_id)
    groups = [
        chat
        for chat in world.chats.values()
        if chat.is_group and chat.migrated_to is None and chat.is_present(user.id)
    ]
    return [_private_summary(world, user), *(_group_summary(world, chat) for chat in groups)]


def chat_view(world: World, chat_id: int, user_id: Any, now: float | None = None) -> dict[str, Any]:
    """A chat as `user_id` sees it now: messages, the reply keyboard, typing and flood waits."""
    user = find_user(world, user_id)
    now = time.time() if now is None else now
    if chat_id == user.id:
        chat = world.chats.get(user.id)
        summary = _private_summary(world, user)
    else:
        chat = world.chats.get(chat_id)
        if chat is None or not chat.is_group or not chat.is_present(user.id):
            raise ControlError(f"user {user.id} cannot see chat {chat_id}", 404)
        summary = _group_summary(world, chat)
    return {
        "chat": summary,
        "messages": [_with_links(entry) for entry in transcript(world, chat)] if chat else [],
        "keyboard": current_keyboard(world, chat) if chat else None,
        **pacing(world.calls, chat_id, now),
    }


def _with_links(entry: dict[str, Any]) -> dict[str, Any]:
    """The bot's message with its bare URLs linked, as the Telegram apps show them."""
    text = entry.get("text") or entry.get("caption")
    if not entry["from"]["is_bot"] or not text:
        return entry
    given = entry.get("entities") or []
    taken = [_span(entity) for entity in given]
    found = [
        entity
        for entity in find_entities(text)
        if entity["type"] == "url" and not any(_overlap(_span(entity), span) for span in taken)
    ]
    if not found:
        return entry
    return {**entry, "entities": sorted([*given, *found], key=lambda entity: entity["offset"])}


def _span(entity: dict[str, Any]) -> range:
    return range(entity["offset"], entity["offset"] + entity["length"])


def _overlap(first: range, second: range) -> bool:
    return first.start < second.stop and second.start < first.stop


def current_keyboard(world: World, chat: Chat) -> dict[str, Any] | None:
    """The reply keyboard (or force reply) the bot's latest keyboard message left in place."""
    for message in reversed(chat.messages.values()):
        if message.sender_id != world.bot.id or not message.keyboard:
            continue
        if message.keyboard.get("remove_keyboard"):
            return None
        return {**message.keyboard, "message_id": message.message_id}
    return None


def pacing(calls: list[CallRecord], chat_id: int, now: float) -> dict[str, Any]:
    """What the bot is doing in the chat: a chat action showing, a flood wait running.

    A message the bot sends ends both, as the Telegram apps show it.
    """
    action, typing_for, waiting_for = None, 0.0, 0.0
    for call in reversed(calls):
        if now - call.time > _LOOK_BACK_SECONDS:
            break
        if call.chat_id != chat_id:
            continue
        if call.method in _SENDS and call.status == 200:
            break
        if call.method == "sendChatAction" and call.status == 200 and action is None:
            left = TYPING_SECONDS - (now - call.time)
            if left > 0:
                action, typing_for = str(call.params.get("action")), left
        if call.status == 429 and not waiting_for:
            found = _RETRY_AFTER.search(call.description or "")
            left = int(found.group(1)) - (now - call.time) if found else 0
            waiting_for = max(left, 0.0)
    return {"action": action, "typing_for": typing_for, "waiting_for": waiting_for}


def _private_summary(world: World, user: User) -> dict[str, Any]:
    chat = world.chats.get(user.id)
    return {
        "id": user.id,
        "type": "private",
        "title": world.bot.first_name,
        "started": user.id in world.started,
        "blocked": user.id in world.blocked,
        "last": _last(world, chat),
    }


def _group_summary(world: World, chat: Chat) -> dict[str, Any]:
    members = [
        {**user_json(world.users[member_id]), "status": status}
        for member_id, status in chat.members.items()
        if chat.is_present(member_id)
    ]
    return {
        "id": chat.id,
        "type": chat.type,
        "title": chat.title,
        "bot_status": chat.status_of(world.bot.id),
        "members": members,
        "last": _last(world, chat),
    }


def _last(world: World, chat: Chat | None) -> dict[str, Any] | None:
    if chat is None or not chat.messages:
        return None
    return transcript_entry(world, chat, next(reversed(chat.messages.values())))
