"""Bot API JSON for the world's objects, with only the fields Telegram defines and no nulls."""

from __future__ import annotations

from typing import Any

from bot.sandbox.state import Chat, Message, StoredFile, User, World

_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}


def compact(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def user_json(user: User) -> dict[str, Any]:
    return compact(
        {
            "id": user.id,
            "is_bot": user.is_bot,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "username": user.username,
            "language_code": user.language_code,
        }
    )


def chat_json(world: World, chat: Chat) -> dict[str, Any]:
    if chat.type != "private":
        fields = {"id": chat.id, "type": chat.type, "title": chat.title}
        return {**fields, "is_forum": True} if chat.is_forum else fields
    user = world.users[chat.id]
    return compact(
        {
            "id": chat.id,
            "type": "private",
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
        }
    )


def chat_full_info_json(world: World, chat: Chat) -> dict[str, Any]:
    info = chat_json(world, chat)
    info.update(accent_color_id=chat.id % 7, max_reaction_count=11)
    info["accepted_gift_types"] = {
        "unlimited_gifts": False,
        "limited_gifts": False,
        "unique_gifts": False,
        "premium_subscription": False,
        "gifts_from_channels": False,
    }
    if chat.pinned:
        info["pinned_message"] = message_json(world, chat.messages[chat.pinned[-1]])
    if chat.is_group:
        info["permissions"] = {"can_send_messages": True, "can_pin_messages": False}
    return info


def member_json(world: World, chat: Chat, user_id: int) -> dict[str, Any]:
    status = chat.status_of(user_id)
    member: dict[str, Any] = {"status": status, "user": user_json(world.users[user_id])}
    if status == "kicked" and chat.type == "group":
        member["status"] = "left"
    elif status == "kicked":
        member["until_date"] = 0
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(_ADMIN_RIGHTS)
    return member


def photo_json(stored: StoredFile) -> list[dict[str, Any]]:
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": stored.width,
            "height": stored.height,
            "file_size": len(stored.content),
        }
    ]


def document_json(stored: StoredFile) -> dict[str, Any]:
    return compact(
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
            "file_size": len(stored.content),
        }
    )


def video_json(stored: StoredFile) -> dict[str, Any]:
    return compact(
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": stored.width,
            "height": stored.height,
            "duration": stored.duration,
            "file_name": stored.file_name,
            "mime_type": stored.mime_type,
            "file_size": len(stored.content),
        }
    )


def video_note_json(stored: StoredFile) -> dict[str, Any]:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "length": stored.width,
        "duration": stored.duration,
        "file_size": len(stored.content),
    }


def voice_json(stored: StoredFile) -> dict[str, Any]:
    return compact(
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": stored.duration,
            "mime_type": stored.mime_type,
            "file_size": len(stored.content),
        }
    )


def media_json(world: World, message: Message) -> dict[str, Any]:
    """The file field of a message (``photo``, ``document``, ``video``, …), if it has one."""
    if message.media is None:
        return {}
    kind, file_id = message.media
    stored = world.files[file_id]
    render = {
        "photo": photo_json,
        "document": document_json,
        "video": video_json,
        "video_note": video_note_json,
        "voice": voice_json,
    }[kind]
    return {kind: render(stored)}


def file_json(stored: StoredFile) -> dict[str, Any]:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.content),
        "file_path": stored.file_path,
    }


def service_json(world: World, service: dict[str, Any]) -> dict[str, Any]:
    fields = dict(service)
    if "new_chat_members" in fields:
        fields["new_chat_members"] = [user_json(world.users[i]) for i in fields["new_chat_members"]]
    if "left_chat_member" in fields:
        fields["left_chat_member"] = user_json(world.users[fields["left_chat_member"]])
    return fields


def message_json(world: World, message: Message, *, nested: bool = True) -> dict[str, Any]:
    chat = world.chats[message.chat_id]
    body: dict[str, Any] = {
        "message_id": message.message_id,
        "message_thread_id": message.thread_id,
        "from": user_json(world.users[message.sender_id]),
        "chat": chat_json(world, chat),
        "date": message.date,
        "is_topic_message": True if message.thread_id else None,
    }
    replied = chat.messages.get(message.reply_to_message_id or 0)
    if replied is not None and nested:
        body["reply_to_message"] = message_json(world, replied, nested=False)
    body["edit_date"] = message.edit_date
    text_key = "entities" if message.text is not None else "caption_entities"
    body.update(text=message.text, caption=message.caption)
    body[text_key] = message.entities or None
    body["link_preview_options"] = message.link_preview_options
    body.update(media_json(world, message))
    body["reply_markup"] = message.reply_markup
    body.update(service_json(world, message.service))
    return compact(body)


def update_json(update_id: int, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"update_id": update_id, kind: payload}
