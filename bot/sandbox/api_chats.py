"""Bot API methods about the bot, chats, members, commands, files and callback answers."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.sandbox.access import readable_chat
from bot.sandbox.core import Core
from bot.sandbox.errors import bad_request
from bot.sandbox.groups import remove_bot
from bot.sandbox.params import Params
from bot.sandbox.state import ADMINS
from bot.sandbox.wire import chat_full_info_json, file_json, member_json, user_json

_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE = re.compile(r"[a-z]{2}")  # an ISO 639-1 code, or none
_SCOPES = {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"}
_CHAT_SCOPES = {"chat", "chat_administrators", "chat_member"}


async def get_me(core: Core, params: Params) -> dict[str, Any]:
    me = user_json(core.world.bot)
    me.update(
        can_join_groups=True,
        can_read_all_group_messages=False,
        supports_inline_queries=False,
        can_connect_to_business=False,
        has_main_web_app=False,
    )
    return me


async def get_chat(core: Core, params: Params) -> dict[str, Any]:
    return chat_full_info_json(core.world, readable_chat(core.world, params))


async def get_chat_member(core: Core, params: Params) -> dict[str, Any]:
    chat = readable_chat(core.world, params)
    user_id = params.integer("user_id", required=True, missing="user not found")
    if user_id not in core.world.users:
        raise bad_request("user not found")
    return member_json(core.world, chat, user_id or 0)


async def get_chat_administrators(core: Core, params: Params) -> list[dict[str, Any]]:
    chat = readable_chat(core.world, params)
    if chat.type == "private":
        raise bad_request("there are no administrators in the private chat")
    admins = [user_id for user_id, status in chat.members.items() if status in ADMINS]
    return [member_json(core.world, chat, user_id) for user_id in admins]


async def get_chat_member_count(core: Core, params: Params) -> int:
    chat = readable_chat(core.world, params)
    return sum(1 for user_id in chat.members if chat.is_present(user_id))


async def leave_chat(core: Core, params: Params) -> bool:
    chat = readable_chat(core.world, params)
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    remove_bot(core, chat, core.bot_id)
    return True


def menu_key(scope: dict[str, Any], language: str = "") -> str:
    """One menu's key: its scope (type, chat id as a number, user id) and its language code."""
    kept: dict[str, Any] = {"type": scope["type"]}
    for field in ("chat_id", "user_id"):
        if field in scope:
            value = scope[field]
            numeric = isinstance(value, str) and value.lstrip("-").isdigit()
            kept[field] = int(value) if numeric else value
    return json.dumps([kept, language], sort_keys=True)


def shown_menu(core: Core, chat_id: int, user_id: int, language: str = "") -> list[dict[str, str]]:
    """The menu ``user_id`` sees in ``chat_id``, found in the order Telegram documents:
    the narrowest scope first, each with the user's language before the one without."""
    chat = core.world.chats.get(chat_id)
    private = chat is None or chat.type == "private"
    scopes: list[dict[str, Any]] = (
        [{"type": "chat", "chat_id": chat_id}, {"type": "all_private_chats"}]
        if private
        else [
            {"type": "chat_member", "chat_id": chat_id, "user_id": user_id},
            {"type": "chat", "chat_id": chat_id},
            {"type": "all_group_chats"},
        ]
    )
    for scope in [*scopes, {"type": "default"}]:
        for code in (language[:2].lower(), ""):
            found = core.world.commands.get(menu_key(scope, code))
            if found is not None:
                return found
    return []


def _scope_key(params: Params) -> str:
    scope = params.json("scope") or {"type": "default"}
    if not isinstance(scope, dict) or not isinstance(scope.get("type"), str):
        raise bad_request("can't parse BotCommandScope JSON object")
    if scope["type"] not in _SCOPES | _CHAT_SCOPES:
        raise bad_request("can't parse BotCommandScope: Unsupported type specified")
    if scope["type"] in _CHAT_SCOPES and not scope.get("chat_id"):
        raise bad_request("can't parse BotCommandScope: Empty chat_id specified")
    if scope["type"] == "chat_member" and not scope.get("user_id"):
        raise bad_request("can't parse BotCommandScope: Empty user_id specified")
    language = params.text("language_code") or ""
    if language and not _LANGUAGE.fullmatch(language):
        raise bad_request("LANG_CODE_INVALID")
    return menu_key(scope, language)


def _commands(params: Params) -> list[dict[str, str]]:
    commands = params.json("commands") or []
    if not isinstance(commands, list):
        raise bad_request("expected an Array of BotCommand")
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    parsed = []
    for command in commands:
        if not isinstance(command, dict) or not {"command", "description"} <= command.keys():
            raise bad_request("can't parse BotCommand: expected an Object")
        if not _COMMAND.fullmatch(str(command["command"])):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command["description"])) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        parsed.append({"command": command["command"], "description": command["description"]})
    return parsed


async def set_my_commands(core: Core, params: Params) -> bool:
    commands = _commands(params)
    core.world.commands[_scope_key(params)] = commands
    return True


async def get_my_commands(core: Core, params: Params) -> list[dict[str, str]]:
    return core.world.commands.get(_scope_key(params), [])


async def delete_my_commands(core: Core, params: Params) -> bool:
    core.world.commands.pop(_scope_key(params), None)
    return True


async def get_file(core: Core, params: Params) -> dict[str, Any]:
    file_id = params.text("file_id", required=True, missing="invalid file_id")
    stored = core.world.files.get(file_id or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return file_json(stored)


async def answer_callback_query(core: Core, params: Params) -> bool:
    query_id = params.text("callback_query_id", required=True, missing="query_id is empty")
    query = core.world.callbacks.get(query_id or "")
    if query is None or query.answered or core.limits.too_late_to_answer(query.created):
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    if len(params.text("text") or "") > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answered = True
    query.text = params.text("text")
    query.show_alert = params.flag("show_alert")
    query.url = params.text("url")
    return True


async def acknowledge(core: Core, params: Params) -> bool:
    """close and logOut: nothing to tear down in an emulator."""
    return True
