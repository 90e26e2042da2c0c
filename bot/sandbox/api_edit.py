"""Bot API methods that change posted messages: edits, deletion, pinning."""

from __future__ import annotations

from typing import Any

from bot.sandbox.access import bot_is_admin, find_message, writable_chat
from bot.sandbox.api_send import formatted
from bot.sandbox.core import Core
from bot.sandbox.errors import bad_request
from bot.sandbox.limits import check_text, parse_reply_markup
from bot.sandbox.params import Params
from bot.sandbox.state import Chat, Message
from bot.sandbox.wire import message_json

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
_NO_MESSAGE_ID = "message identifier is not specified"
DELETE_WINDOW_SECONDS = 48 * 3600


def _own_message(core: Core, params: Params) -> tuple[Chat, Message]:
    if params.has("inline_message_id") and not params.has("chat_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = writable_chat(core.world, params)
    message_id = params.integer("message_id", required=True, missing=_NO_MESSAGE_ID)
    message = find_message(chat, message_id or 0, "edit")
    if message.sender_id != core.bot_id or message.service:
        raise bad_request("message can't be edited")
    return chat, message


def _inline_markup(params: Params) -> dict[str, Any] | None:
    markup = parse_reply_markup(params.values.get("reply_markup"))
    if markup is not None and "inline_keyboard" not in markup:
        raise bad_request("inline keyboard expected")
    return markup


def _save_edit(core: Core, chat: Chat, message: Message, **changes: Any) -> dict[str, Any]:
    core.limits.admit(chat.id, chat.is_group)
    for name, value in changes.items():
        setattr(message, name, value)
    message.edit_date = core.world.now()
    return message_json(core.world, message)


async def edit_message_text(core: Core, params: Params) -> dict[str, Any]:
    chat, message = _own_message(core, params)
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    params.text("text", required=True, missing="message text is empty")
    text, entities = formatted(core.world, params, "text")
    check_text(text)
    markup = _inline_markup(params)
    if (text, entities, markup) == (message.text, message.entities, message.reply_markup):
        raise bad_request(NOT_MODIFIED)
    return _save_edit(core, chat, message, text=text, entities=entities, reply_markup=markup)


async def edit_message_reply_markup(core: Core, params: Params) -> dict[str, Any]:
    chat, message = _own_message(core, params)
    markup = _inline_markup(params)
    if markup == message.reply_markup:
        raise bad_request(NOT_MODIFIED)
    return _save_edit(core, chat, message, reply_markup=markup)


async def delete_message(core: Core, params: Params) -> bool:
    chat = writable_chat(core.world, params)
    message_id = params.integer("message_id", required=True, missing=_NO_MESSAGE_ID)
    message = find_message(chat, message_id or 0, "delete")
    # In groups only admins may delete other people's messages; in private chats anyone may.
    admin = bot_is_admin(core.world, chat)
    if chat.is_group and message.sender_id != core.bot_id and not admin:
        raise bad_request("message can't be deleted")
    # Only a supergroup's admins may delete messages older than 48 hours.
    old = core.world.now() - message.date >= DELETE_WINDOW_SECONDS
    if (
        old and not (chat.type == "supergroup" and admin)
    ) or "forum_topic_created" in message.service:
        raise bad_request("message can't be deleted")
    del chat.messages[message.message_id]
    if message.message_id in chat.pinned:
        chat.pinned.remove(message.message_id)
    return True


async def pin_chat_message(core: Core, params: Params) -> bool:
    chat = writable_chat(core.world, params)
    message_id = params.integer("message_id", required=True, missing=_NO_MESSAGE_ID)
    message = find_message(chat, message_id or 0, "pin")
    _require_pin_rights(core, chat)
    if message.message_id in chat.pinned:
        chat.pinned.remove(message.message_id)
    chat.pinned.append(message.message_id)
    return True


async def unpin_chat_message(core: Core, params: Params) -> bool:
    chat = writable_chat(core.world, params)
    _require_pin_rights(core, chat)
    message_id = params.integer("message_id")
    if message_id is None:
        if chat.pinned:
            chat.pinned.pop()
        return True
    if message_id not in chat.pinned:
        raise bad_request("message to unpin not found")
    chat.pinned.remove(message_id)
    return True


def _require_pin_rights(core: Core, chat: Chat) -> None:
    if chat.is_group and not bot_is_admin(core.world, chat):
        raise bad_request("not enough rights to manage pinned messages in the chat")
