"""Bot API methods that post into a chat: sendMessage, sendPhoto, sendDocument, sendChatAction."""

from __future__ import annotations

from typing import Any

from bot.sandbox.access import writable_chat
from bot.sandbox.core import Core
from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.limits import check_caption, check_text, parse_reply_markup
from bot.sandbox.markup import ParseError, parse_text, utf16_len
from bot.sandbox.media import media_from_call
from bot.sandbox.params import Params
from bot.sandbox.state import Chat, World
from bot.sandbox.wire import message_json, user_json

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
# The MessageEntity types a bot may send.
ENTITY_TYPES = frozenset(
    {
        *("mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number"),
        *("bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre"),
        *("blockquote", "expandable_blockquote", "text_link", "text_mention"),
        *("custom_emoji", "date_time"),
    }
)
_LINK_PREVIEW_FIELDS = ("is_disabled", "url", "prefer_small_media", "prefer_large_media")


def formatted(world: World, params: Params, field: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities from `field` with parse_mode or explicit entities."""
    text = params.text(field) or ""
    explicit = params.json("entities" if field == "text" else f"{field}_entities")
    if explicit:
        return text, _explicit_entities(text, explicit)
    try:
        plain, entities = parse_text(text, params.text("parse_mode"))
    except ParseError as error:
        raise ApiError(400, error.description) from None
    return plain, [entity for entity in entities if _resolve_mention(world, entity)]


def _resolve_mention(world: World, entity: dict[str, Any]) -> bool:
    """Fill in a tg://user mention; Telegram drops mentions of users the bot cannot see."""
    if entity["type"] != "text_mention":
        return True
    user = world.users.get(entity["user"]["id"])
    if user is None:
        return False
    entity["user"] = user_json(user)
    return True


def _explicit_entities(text: str, entities: Any) -> list[dict[str, Any]]:
    if not isinstance(entities, list) or not all(isinstance(item, dict) for item in entities):
        raise bad_request("can't parse entities JSON object")
    length = utf16_len(text)
    for entity in entities:
        offset, size = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(size, int) or "type" not in entity:
            raise bad_request("can't parse MessageEntity")
        if entity["type"] not in ENTITY_TYPES:
            raise bad_request("can't parse MessageEntity: Unsupported type specified")
        if offset < 0 or size <= 0 or offset + size > length:
            raise bad_request("entity beginning out of bounds")
    return entities


def reply_target(chat: Chat, params: Params) -> int | None:
    """The message this one replies to, from reply_parameters or legacy reply_to_message_id."""
    reply = params.json("reply_parameters")
    if reply is not None:
        if not isinstance(reply, dict) or not isinstance(reply.get("message_id"), int):
            raise bad_request("can't parse reply parameters JSON object")
        message_id = reply["message_id"]
        allow_missing = bool(reply.get("allow_sending_without_reply"))
        if reply.get("chat_id") not in (None, chat.id):
            message_id = 0
    else:
        message_id = params.integer("reply_to_message_id")
        allow_missing = params.flag("allow_sending_without_reply")
    if message_id is None or message_id in chat.messages:
        return message_id
    if allow_missing:
        return None
    raise bad_request("message to be replied not found")


def _link_preview(params: Params) -> dict[str, Any] | None:
    options = params.json("link_preview_options")
    if options is None:
        return None
    if not isinstance(options, dict):
        raise bad_request("can't parse link preview options JSON object")
    kept = {key: options[key] for key in _LINK_PREVIEW_FIELDS if options.get(key) is not None}
    return kept or None


def _markup_fields(params: Params) -> dict[str, Any]:
    markup = parse_reply_markup(params.values.get("reply_markup"))
    if markup is not None and "inline_keyboard" in markup:
        return {"reply_markup": markup}
    return {"keyboard": markup}


def thread_of(chat: Chat, params: Params, reply_to: int | None) -> int | None:
    """The forum topic a message goes to: the one named, else the replied message's, else
    General (None). A thread that does not exist is refused, as Telegram does."""
    thread = params.integer("message_thread_id")
    if thread is not None:
        if thread not in chat.topics:
            raise bad_request("message thread not found")
        return thread
    replied = chat.messages.get(reply_to) if reply_to is not None else None
    return replied.thread_id if replied is not None else None


def _post(core: Core, chat: Chat, params: Params, **fields: Any) -> dict[str, Any]:
    reply_to = reply_target(chat, params)
    thread = thread_of(chat, params, reply_to)
    markup = _markup_fields(params)
    core.limits.admit(chat.id, chat.is_group)
    silent = params.flag("disable_notification")
    message = core.world.add_message(
        chat,
        core.bot_id,
        reply_to_message_id=reply_to,
        thread_id=thread,
        silent=silent,
        **markup,
        **fields,
    )
    return message_json(core.world, message)


async def send_message(core: Core, params: Params) -> dict[str, Any]:
    chat = writable_chat(core.world, params)
    params.text("text", required=True, missing="message text is empty")
    text, entities = formatted(core.world, params, "text")
    check_text(text)
    preview = _link_preview(params)
    return _post(core, chat, params, text=text, entities=entities, link_preview_options=preview)


async def _send_media(core: Core, params: Params, kind: str) -> dict[str, Any]:
    chat = writable_chat(core.world, params)
    caption, entities = formatted(core.world, params, "caption")
    check_caption(caption)
    stored = media_from_call(core.world, params.upload(kind), kind)
    media = {"photo_id": stored.file_id} if kind == "photo" else {"document_id": stored.file_id}
    return _post(core, chat, params, caption=caption or None, entities=entities, **media)


async def send_photo(core: Core, params: Params) -> dict[str, Any]:
    return await _send_media(core, params, "photo")


async def send_document(core: Core, params: Params) -> dict[str, Any]:
    return await _send_media(core, params, "document")


async def send_chat_action(core: Core, params: Params) -> bool:
    writable_chat(core.world, params)
    if params.text("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True
