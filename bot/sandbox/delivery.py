"""What reaches the bot: group privacy mode for messages, and member-change updates."""

from __future__ import annotations

from typing import Any

from bot.sandbox.access import bot_is_admin
from bot.sandbox.core import Core
from bot.sandbox.state import Chat, Message
from bot.sandbox.text_entities import command_of, mentions
from bot.sandbox.wire import chat_json, member_json, message_json, user_json


def bot_sees(core: Core, chat: Chat, message: Message) -> bool:
    """Telegram's privacy mode: in groups a non-admin bot sees only what concerns it."""
    bot = core.world.bot
    if chat.type == "private":
        return True
    if not chat.is_present(bot.id):
        return False
    if bot_is_admin(core.world, chat) or message.service:
        return True
    text = message.text if message.text is not None else message.caption or ""
    command = command_of(text, message.entities)
    username = (bot.username or "").lower()
    if command is not None and (command[1] is None or command[1].lower() == username):
        return True
    if username in (name.lower() for name in mentions(text, message.entities)):
        return True
    replied = chat.messages.get(message.reply_to_message_id or 0)
    return replied is not None and replied.sender_id == bot.id


def deliver(core: Core, chat: Chat, message: Message) -> bool:
    """Queue a `message` update if the bot may see it; the transcript keeps it either way."""
    if not bot_sees(core, chat, message):
        return False
    message.delivered = core.push_update("message", message_json(core.world, message))
    return message.delivered


def deliver_edit(core: Core, chat: Chat, message: Message) -> bool:
    """Queue an `edited_message` update if the bot got the message or may see it now."""
    if not (message.delivered or bot_sees(core, chat, message)):
        return False
    return core.push_update("edited_message", message_json(core.world, message))


def change_member(
    core: Core,
    chat: Chat,
    user_id: int,
    status: str,
    by: int,
    invite_link: dict[str, Any] | None = None,
) -> str:
    """Set a member's status and tell the bot: my_chat_member about itself, else chat_member
    (with the ``invite_link`` they joined through, if any)."""
    world = core.world
    old = member_json(world, chat, user_id)
    previous = chat.status_of(user_id)
    chat.members[user_id] = status
    if previous == status:
        return previous
    change = {
        "chat": chat_json(world, chat),
        "from": user_json(world.users[by]),
        "date": world.now(),
        "old_chat_member": old,
        "new_chat_member": member_json(world, chat, user_id),
    }
    if invite_link is not None:
        change["invite_link"] = invite_link
    if user_id == world.bot.id:
        core.push_update("my_chat_member", change)
    elif chat.is_group and bot_is_admin(world, chat):
        core.push_update("chat_member", change)
    return previous
