"""What people do toward the bot: write messages, send files, press buttons, block it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.sandbox.core import Core
from bot.sandbox.delivery import change_member, deliver, deliver_edit
from bot.sandbox.errors import ControlError
from bot.sandbox.groups import find_user
from bot.sandbox.media import store
from bot.sandbox.state import CallbackQuery, Chat, Message, User
from bot.sandbox.text_entities import find_entities
from bot.sandbox.wire import message_json, user_json


def chat_for_sender(core: Core, chat_id: Any, user: User) -> Chat:
    """The chat `user` writes in; writing in private starts the bot, as /start does."""
    world = core.world
    if chat_id == user.id:
        if user.id in world.blocked:
            raise ControlError(f"user {user.id} has blocked the bot; unblock first")
        world.started.add(user.id)
        return world.private_chat(user.id)
    chat = world.chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None or not chat.is_group:
        raise ControlError(f"no chat {chat_id!r} that user {user.id} can write in", 404)
    if chat.migrated_to is not None:
        raise ControlError(f"chat {chat.id} was migrated to {chat.migrated_to}")
    if chat.deleted:
        raise ControlError(f"chat {chat.id} was deleted")
    if not chat.is_present(user.id):
        raise ControlError(f"user {user.id} is not a member of chat {chat.id}")
    return chat


def send(
    core: Core,
    chat_id: Any,
    from_id: Any,
    reply_to: Any = None,
    thread_id: Any = None,
    **content: Any,
) -> Message:
    """Post a message as a person (in a forum topic, or the topic of the message it answers);
    the bot gets it if privacy mode lets it through."""
    user = find_user(core.world, from_id)
    chat = chat_for_sender(core, chat_id, user)
    if reply_to is not None and reply_to not in chat.messages:
        raise ControlError(f"no message {reply_to!r} in chat {chat.id} to reply to")
    if thread_id is not None and thread_id not in chat.topics:
        raise ControlError(f"chat {chat.id} has no topic {thread_id!r}")
    if thread_id is None and reply_to is not None:
        thread_id = chat.messages[reply_to].thread_id
    text = content.get("text") if content.get("text") is not None else content.get("caption")
    if content.get("text") is not None and not str(content["text"]).strip():
        raise ControlError("text must not be empty")
    entities = find_entities(text or "")
    message = core.world.add_message(
        chat,
        user.id,
        reply_to_message_id=reply_to,
        thread_id=thread_id,
        entities=entities,
        **content,
    )
    deliver(core, chat, message)
    return message


def edit(core: Core, chat_id: Any, from_id: Any, message_id: Any, text: Any) -> Message:
    """A person edits the text (or the caption) of their own message, as Telegram lets them.

    The bot gets an ``edited_message`` update if it got the message, or may see it now.
    """
    user = find_user(core.world, from_id)
    chat = chat_for_sender(core, chat_id, user)
    message = chat.messages.get(message_id) if isinstance(message_id, int) else None
    if message is None:
        raise ControlError(f"no message {message_id!r} in chat {chat.id}", 404)
    if message.sender_id != user.id or message.service:
        raise ControlError(f"user {user.id} can only edit their own messages")
    if not isinstance(text, str) or not text.strip():
        raise ControlError("text must not be empty")
    field = "text" if message.text is not None else "caption"
    if field == "caption" and not message.has_media:
        raise ControlError(f"message {message.message_id} has no text to edit")
    if getattr(message, field) == text:
        raise ControlError("message is not modified: the text is the same")
    setattr(message, field, text)
    message.entities = find_entities(text)
    message.edit_date = core.world.now()
    deliver_edit(core, chat, message)
    return message


@dataclass
class Upload:
    """A file a person sends: its kind (photo, document, video, video_note, voice), bytes,
    name, MIME type and, for recordings, length in seconds."""

    kind: str
    content: bytes
    filename: str | None
    mime_type: str | None
    duration: int | None = None


def send_file(
    core: Core, chat_id: Any, from_id: Any, upload: Upload, caption: Any, reply_to: Any = None
) -> Message:
    """Post a file as a person, with an optional caption (a video note takes none)."""
    chat_for_sender(core, chat_id, find_user(core.world, from_id))
    if caption is not None and not isinstance(caption, str):
        raise ControlError("caption must be a string")
    if caption and upload.kind == "video_note":
        raise ControlError("a video note has no caption")
    stored = store(
        core.world,
        upload.kind,
        upload.content,
        upload.filename,
        upload.mime_type,
        upload.duration,
    )
    media = {f"{upload.kind}_id": stored.file_id, "caption": caption or None}
    return send(core, chat_id, from_id, reply_to, **media)


def _callback_data(message: Message) -> list[str]:
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    return [button["callback_data"] for row in rows for button in row if "callback_data" in button]


def press(
    core: Core, chat_id: Any, from_id: Any, message_id: Any, data: str, forge: bool = False
) -> CallbackQuery:
    """Press an inline button; only buttons on the message now, unless forging a stale one."""
    user = find_user(core.world, from_id)
    chat = core.world.chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None or not (chat.id == user.id or chat.is_present(user.id)):
        raise ControlError(f"user {user.id} cannot see chat {chat_id!r}", 404)
    message = chat.messages.get(message_id) if isinstance(message_id, int) else None
    if message is None:
        raise ControlError(f"no message {message_id!r} in chat {chat.id}", 404)
    available = _callback_data(message)
    if not forge and data not in available:
        raise ControlError(
            f"message {message.message_id} has no button with callback_data {data!r}; "
            f"it has {available!r} (pass forge=true to send it anyway)"
        )
    query = core.world.add_callback(user.id, message, data, core.limits.clock())
    payload = {
        "id": query.id,
        "from": user_json(user),
        "message": message_json(core.world, message),
        "chat_instance": core.world.chat_instance(chat.id),
        "data": data,
    }
    core.push_update("callback_query", payload)
    return query


def set_blocked(core: Core, user_id: Any, blocked: bool) -> None:
    """The user blocks or unblocks the bot; the bot hears of it if they had started it."""
    world = core.world
    user = find_user(world, user_id)
    if (user.id in world.blocked) == blocked:
        return
    if blocked:
        world.blocked.add(user.id)
    else:
        world.blocked.discard(user.id)
    if user.id in world.started:
        chat = world.private_chat(user.id)
        change_member(core, chat, world.bot.id, "kicked" if blocked else "member", user.id)
