"""The Bot API over HTTP: routing, token check, envelopes, injected faults and the call record."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.sandbox import api_chats, api_edit, api_members, api_send, api_updates
from bot.sandbox.core import Core
from bot.sandbox.errors import ApiError
from bot.sandbox.faults import Fault
from bot.sandbox.params import Params, read_params
from bot.sandbox.state import CallRecord

CORE_KEY = web.AppKey("sandbox_core", Core)
Handler = Callable[[Core, Params], Awaitable[Any]]

METHODS: dict[str, Handler] = {
    "getMe": api_chats.get_me,
    "getUpdates": api_updates.get_updates,
    "setWebhook": api_updates.set_webhook,
    "deleteWebhook": api_updates.delete_webhook,
    "getWebhookInfo": api_updates.get_webhook_info,
    "sendMessage": api_send.send_message,
    "sendPhoto": api_send.send_photo,
    "sendDocument": api_send.send_document,
    "sendChatAction": api_send.send_chat_action,
    "editMessageText": api_edit.edit_message_text,
    "editMessageReplyMarkup": api_edit.edit_message_reply_markup,
    "deleteMessage": api_edit.delete_message,
    "pinChatMessage": api_edit.pin_chat_message,
    "unpinChatMessage": api_edit.unpin_chat_message,
    "answerCallbackQuery": api_chats.answer_callback_query,
    "getChat": api_chats.get_chat,
    "getChatMember": api_chats.get_chat_member,
    "getChatAdministrators": api_chats.get_chat_administrators,
    "getChatMemberCount": api_chats.get_chat_member_count,
    "leaveChat": api_chats.leave_chat,
    "banChatMember": api_members.ban_chat_member,
    "unbanChatMember": api_members.unban_chat_member,
    "createChatInviteLink": api_members.create_chat_invite_link,
    "setMyCommands": api_chats.set_my_commands,
    "getMyCommands": api_chats.get_my_commands,
    "deleteMyCommands": api_chats.delete_my_commands,
    "getFile": api_chats.get_file,
    "close": api_chats.acknowledge,
    "logOut": api_chats.acknowledge,
}
_BY_LOWER_NAME = {name.lower(): name for name in METHODS}
_DROPPED = "connection dropped (injected fault)"


def _answer(
    core: Core, method: str, error: ApiError | None = None, result: Any = None
) -> web.Response:
    envelope = error.envelope() if error is not None else {"ok": True, "result": result}
    for observe in core.observers:
        observe(method, envelope)
    return web.json_response(envelope, status=error.status if error is not None else 200)


def _chat_id_of(params: Params | None) -> int | str | None:
    value = params.values.get("chat_id") if params is not None else None
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return value


def _record(core: Core, method: str, params: Params | None, status: int, error: str | None) -> None:
    record = CallRecord(
        method=method,
        chat_id=_chat_id_of(params),
        status=status,
        description=error,
        time=time.time(),
        params=params.describe() if params is not None else {},
    )
    core.world.calls.append(record)


class _Dropped(Exception):
    """The call's connection was closed on purpose, without an answer."""


async def _apply_fault(request: web.Request, fault: Fault) -> ApiError | None:
    """Sleep, drop the connection, or produce the injected failure for this call."""
    if fault.delay:
        await asyncio.sleep(fault.delay)
        # A delayed request whose client gave up never reached Telegram: it models a
        # stalled network path, so the call is abandoned rather than carried out late.
        if request.transport is None or request.transport.is_closing():
            raise _Dropped
    if fault.drop:
        if request.transport is not None:
            request.transport.abort()
        raise _Dropped
    if fault.failure is not None:
        return ApiError(*fault.failure)
    return None


async def _run(core: Core, request: web.Request, method: str, call: _Call) -> Any:
    call.params = await read_params(request)
    fault = core.faults.take(method)
    failure = await _apply_fault(request, fault) if fault else None
    if failure is not None:
        raise failure
    return await METHODS[method](core, call.params)


class _Call:
    """What one Bot API call asked for, filled in while it is handled."""

    params: Params | None = None


async def handle_method(request: web.Request) -> web.StreamResponse:
    core = request.app[CORE_KEY]
    name = request.match_info["method"]
    if request.match_info["token"] != core.token:
        _record(core, name, None, 401, "Unauthorized")
        return _answer(core, name, ApiError(401, "Unauthorized"))
    method = _BY_LOWER_NAME.get(name.lower())
    if method is None:
        _record(core, name, None, 404, "Not Found")
        return _answer(core, name, ApiError(404, "Not Found"))
    watched, call = method != "getUpdates", _Call()
    if watched:
        core.activity.begin()
    try:
        result = await _run(core, request, method, call)
    except ApiError as error:
        _record(core, method, call.params, error.status, error.description)
        return _answer(core, method, error)
    except _Dropped:
        _record(core, method, call.params, 0, _DROPPED)
        return web.Response()  # never reaches the client: aiohttp finds the transport closed
    finally:
        if watched:
            core.activity.end()
    _record(core, method, call.params, 200, None)
    return _answer(core, method, result=result)


async def handle_file(request: web.Request) -> web.StreamResponse:
    core = request.app[CORE_KEY]
    if request.match_info["token"] != core.token:
        return _answer(core, "<file>", ApiError(401, "Unauthorized"))
    path = request.match_info["file_path"]
    stored = next((item for item in core.world.files.values() if item.file_path == path), None)
    if stored is None:
        return _answer(core, "<file>", ApiError(404, "Not Found"))
    content_type = stored.mime_type or "application/octet-stream"
    return web.Response(body=stored.content, content_type=content_type)


def add_routes(app: web.Application) -> None:
    app.router.add_route("*", "/bot{token}/{method}", handle_method)
    app.router.add_get("/file/bot{token}/{file_path:.+}", handle_file)
