"""The control API: JSON over HTTP under /sandbox/ for tests, demos and benchmarks to drive."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any

from aiohttp import web

from bot.sandbox import groups, people
from bot.sandbox.botapi import CORE_KEY
from bot.sandbox.core import Core
from bot.sandbox.errors import ControlError
from bot.sandbox.media import sample_file
from bot.sandbox.state import Chat
from bot.sandbox.transcript import transcript
from bot.sandbox.wire import chat_json, user_json

routes = web.RouteTableDef()
_USER_FIELDS = ("last_name", "username", "language_code")


def _core(request: web.Request) -> Core:
    return request.app[CORE_KEY]


async def _body(request: web.Request) -> dict[str, Any]:
    if not request.body_exists:
        return {}
    try:
        body = await request.json()
    except ValueError:
        raise ControlError("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    return body


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ControlError(f"{name} must be an integer")
    try:
        return int(value)
    except ValueError:
        raise ControlError(f"{name} must be an integer") from None


def _ok(payload: Any = None) -> web.Response:
    return web.json_response({"ok": True} if payload is None else payload)


@web.middleware
async def control_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        return await handler(request)
    except ControlError as error:
        return web.json_response({"ok": False, "error": error.message}, status=error.status)


@routes.post("/sandbox/users")
async def create_user(request: web.Request) -> web.Response:
    body = await _body(request)
    if not isinstance(body.get("first_name"), str) or not body["first_name"]:
        raise ControlError("first_name is required")
    details = {key: body.get(key) or None for key in _USER_FIELDS}
    return _ok(user_json(_core(request).world.add_user(body["first_name"], **details)))


@routes.post("/sandbox/users/{user_id}/{action:block|unblock}")
async def block_user(request: web.Request) -> web.Response:
    user_id = _int(request.match_info["user_id"], "user id")
    people.set_blocked(_core(request), user_id, request.match_info["action"] == "block")
    return _ok()


@routes.post("/sandbox/groups")
async def create_group(request: web.Request) -> web.Response:
    body, core = await _body(request), _core(request)
    member_ids = [_int(member, "member_ids[]") for member in body.get("member_ids") or []]
    chat = groups.create_group(core, body.get("title") or "", member_ids, body.get("type", "group"))
    return _ok(chat_json(core.world, chat))


def _group(request: web.Request) -> Chat:
    chat_id = _int(request.match_info["chat_id"], "chat id")
    return groups.find_group(_core(request).world, chat_id)


@routes.post("/sandbox/groups/{chat_id}/bot")
async def add_bot(request: web.Request) -> web.Response:
    body, core = await _body(request), _core(request)
    by = groups.find_user(core.world, _int(body.get("by"), "by"))
    groups.add_bot(core, _group(request), by, bool(body.get("admin", False)))
    return _ok()


@routes.delete("/sandbox/groups/{chat_id}/bot")
async def remove_bot(request: web.Request) -> web.Response:
    core = _core(request)
    by = groups.find_user(core.world, _int(request.query.get("by"), "by"))
    groups.remove_bot(core, _group(request), by.id)
    return _ok()


@routes.post("/sandbox/groups/{chat_id}/members")
async def join_group(request: web.Request) -> web.Response:
    body, core = await _body(request), _core(request)
    user = groups.find_user(core.world, _int(body.get("user_id"), "user_id"))
    groups.join(core, _group(request), user)
    return _ok()


@routes.delete("/sandbox/groups/{chat_id}/members/{user_id}")
async def leave_group(request: web.Request) -> web.Response:
    core = _core(request)
    user = groups.find_user(core.world, _int(request.match_info["user_id"], "user id"))
    groups.leave(core, _group(request), user)
    return _ok()


@routes.post("/sandbox/groups/{chat_id}/title")
async def set_title(request: web.Request) -> web.Response:
    body, core = await _body(request), _core(request)
    by = groups.find_user(core.world, _int(body.get("by"), "by"))
    groups.set_title(core, _group(request), str(body.get("title") or ""), by)
    return _ok()


@routes.post("/sandbox/groups/{chat_id}/migrate")
async def migrate_group(request: web.Request) -> web.Response:
    core = _core(request)
    return _ok(chat_json(core.world, groups.migrate(core, _group(request))))


@routes.post("/sandbox/send")
async def send_text(request: web.Request) -> web.Response:
    body = await _body(request)
    if not isinstance(body.get("text"), str):
        raise ControlError("text is required")
    chat_id, sender, reply_to = body.get("chat_id"), body.get("from"), body.get("reply_to")
    message = people.send(_core(request), chat_id, sender, reply_to, text=body["text"])
    return _ok({"message_id": message.message_id})


@routes.post("/sandbox/edit")
async def edit_text(request: web.Request) -> web.Response:
    body = await _body(request)
    message = people.edit(
        _core(request),
        body.get("chat_id"),
        body.get("from"),
        body.get("message_id"),
        body.get("text"),
    )
    return _ok({"message_id": message.message_id, "edit_date": message.edit_date})


@routes.post("/sandbox/{kind:send_photo|send_document|send_video|send_video_note|send_voice}")
async def send_file(request: web.Request) -> web.Response:
    body, core = await _body(request), _core(request)
    kind = request.match_info["kind"].removeprefix("send_")
    duration = body.get("duration")
    if duration is not None and (isinstance(duration, bool) or not isinstance(duration, int)):
        raise ControlError("duration must be a whole number of seconds")
    content, filename = sample_file(kind, body.get("filename"))
    if body.get("content_base64"):
        try:
            content = base64.b64decode(body["content_base64"], validate=True)
        except (binascii.Error, ValueError):
            raise ControlError("content_base64 is not valid base64") from None
    upload = people.Upload(kind, content, filename, body.get("mime_type"), duration)
    chat_id, sender, reply_to = body.get("chat_id"), body.get("from"), body.get("reply_to")
    message = people.send_file(core, chat_id, sender, upload, body.get("caption"), reply_to)
    assert message.media is not None
    return _ok({"message_id": message.message_id, "file_id": message.media[1]})


@routes.post("/sandbox/press")
async def press_button(request: web.Request) -> web.Response:
    body = await _body(request)
    if not isinstance(body.get("data"), str):
        raise ControlError("data is required")
    query = people.press(
        _core(request),
        body.get("chat_id"),
        body.get("from"),
        body.get("message_id"),
        body["data"],
        forge=bool(body.get("forge", False)),
    )
    return _ok({"callback_query_id": query.id})


@routes.get("/sandbox/callbacks/{query_id}")
async def callback_answer(request: web.Request) -> web.Response:
    core = _core(request)
    query = core.world.callbacks.get(request.match_info["query_id"])
    if query is None:
        raise ControlError("no such callback query", 404)
    answer = {"answered": query.answered, "text": query.text}
    expired = not query.answered and core.limits.too_late_to_answer(query.created)
    return _ok({**answer, "show_alert": query.show_alert, "url": query.url, "expired": expired})


@routes.get("/sandbox/chats/{chat_id}/messages")
async def chat_messages(request: web.Request) -> web.Response:
    world = _core(request).world
    chat = world.chats.get(_int(request.match_info["chat_id"], "chat id"))
    if chat is None:
        raise ControlError("no such chat", 404)
    return _ok(transcript(world, chat))


@routes.get("/sandbox/files/{file_id}")
async def download(request: web.Request) -> web.Response:
    stored = _core(request).world.files.get(request.match_info["file_id"])
    if stored is None:
        raise ControlError("no such file", 404)
    return web.Response(body=stored.content, content_type=stored.mime_type or "image/png")


@routes.post("/sandbox/settle")
async def settle(request: web.Request) -> web.Response:
    body, core = await _body(request), _core(request)
    timeout = body.get("timeout") or 5.0
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise ControlError("timeout must be a number of seconds")
    if await core.activity.settle(core.queue, timeout):
        return _ok()
    pending = len(core.queue.pending)
    message = f"the bot did not settle within {timeout}s ({pending} updates pending)"
    return web.json_response({"ok": False, "error": message}, status=408)


@routes.get("/sandbox/calls")
async def list_calls(request: web.Request) -> web.Response:
    return _ok([asdict(call) for call in _core(request).world.calls])


@routes.delete("/sandbox/calls")
async def clear_calls(request: web.Request) -> web.Response:
    _core(request).world.calls.clear()
    return _ok()


@routes.post("/sandbox/limits")
async def set_limits(request: web.Request) -> web.Response:
    body = await _body(request)
    try:
        return _ok(_core(request).limits.configure(**body))
    except (TypeError, ValueError) as error:
        raise ControlError(str(error)) from None


@routes.post("/sandbox/faults")
async def inject_fault(request: web.Request) -> web.Response:
    body, faults = await _body(request), _core(request).faults
    try:
        faults.inject(**body)
    except (TypeError, ValueError) as error:
        raise ControlError(str(error)) from None
    return _ok(faults.describe())


@routes.delete("/sandbox/faults")
async def clear_faults(request: web.Request) -> web.Response:
    _core(request).faults.clear()
    return _ok()
