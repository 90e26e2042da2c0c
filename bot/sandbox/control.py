"""The control API: JSON over HTTP under /sandbox/ for tests, demos and benchmarks to drive."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from typing import Any

from aiohttp import web

from bot.sandbox import groups, people
from bot.sandbox.botapi import CORE_KEY
from bot.sandbox.core import Core
from bot.sandbox.errors import ControlError
from bot.sandbox.state import Chat
from bot.sandbox.transcript import transcript
from bot.sandbox.wire import chat_json, user_json

routes = web.RouteTableDef()
_USER_FIELDS = ("last_name", "username", "language_code")


def core_of(request: web.Request) -> Core:
    return request.app[CORE_KEY]


async def body_of(request: web.Request) -> dict[str, Any]:
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


def ok(payload: Any = None) -> web.Response:
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
    body = await body_of(request)
    if not isinstance(body.get("first_name"), str) or not body["first_name"]:
        raise ControlError("first_name is required")
    details = {key: body.get(key) or None for key in _USER_FIELDS}
    return ok(user_json(core_of(request).world.add_user(body["first_name"], **details)))


@routes.post("/sandbox/users/{user_id}/{action:block|unblock}")
async def block_user(request: web.Request) -> web.Response:
    user_id = _int(request.match_info["user_id"], "user id")
    people.set_blocked(core_of(request), user_id, request.match_info["action"] == "block")
    return ok()


@routes.post("/sandbox/groups")
async def create_group(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
    member_ids = [_int(member, "member_ids[]") for member in body.get("member_ids") or []]
    kind, forum = body.get("type", "group"), bool(body.get("forum", False))
    chat = groups.create_group(core, body.get("title") or "", member_ids, kind, forum)
    return ok(chat_json(core.world, chat))


def _group(request: web.Request) -> Chat:
    chat_id = _int(request.match_info["chat_id"], "chat id")
    return groups.find_group(core_of(request).world, chat_id)


@routes.post("/sandbox/groups/{chat_id}/bot")
async def add_bot(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
    by = groups.find_user(core.world, _int(body.get("by"), "by"))
    groups.add_bot(core, _group(request), by, bool(body.get("admin", False)))
    return ok()


@routes.delete("/sandbox/groups/{chat_id}/bot")
async def remove_bot(request: web.Request) -> web.Response:
    core = core_of(request)
    by = groups.find_user(core.world, _int(request.query.get("by"), "by"))
    groups.remove_bot(core, _group(request), by.id)
    return ok()


@routes.post("/sandbox/groups/{chat_id}/members")
async def join_group(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
    user = groups.find_user(core.world, _int(body.get("user_id"), "user_id"))
    groups.join(core, _group(request), user)
    return ok()


@routes.post("/sandbox/join_link")
async def join_by_link(request: web.Request) -> web.Response:
    """A person opens a group invite link the bot made."""
    body, core = await body_of(request), core_of(request)
    user = groups.find_user(core.world, _int(body.get("user_id"), "user_id"))
    if not isinstance(body.get("invite_link"), str):
        raise ControlError("invite_link is required")
    chat = groups.join_by_link(core, body["invite_link"], user)
    return ok(chat_json(core.world, chat))


@routes.delete("/sandbox/groups/{chat_id}/members/{user_id}")
async def leave_group(request: web.Request) -> web.Response:
    core = core_of(request)
    user = groups.find_user(core.world, _int(request.match_info["user_id"], "user id"))
    groups.leave(core, _group(request), user)
    return ok()


@routes.delete("/sandbox/groups/{chat_id}")
async def delete_group(request: web.Request) -> web.Response:
    """The group's owner deletes it."""
    core = core_of(request)
    by = groups.find_user(core.world, _int(request.query.get("by"), "by"))
    groups.delete_group(core, _group(request), by)
    return ok()


@routes.post("/sandbox/groups/{chat_id}/topics")
async def create_topic(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
    by = groups.find_user(core.world, _int(body.get("by"), "by"))
    name = body.get("name") if isinstance(body.get("name"), str) else ""
    message = groups.create_topic(core, _group(request), name, by)
    return ok({"message_thread_id": message.message_id, "name": name})


@routes.post("/sandbox/groups/{chat_id}/title")
async def set_title(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
    by = groups.find_user(core.world, _int(body.get("by"), "by"))
    groups.set_title(core, _group(request), str(body.get("title") or ""), by)
    return ok()


@routes.post("/sandbox/groups/{chat_id}/migrate")
async def migrate_group(request: web.Request) -> web.Response:
    core = core_of(request)
    return ok(chat_json(core.world, groups.migrate(core, _group(request))))


@routes.get("/sandbox/chats/{chat_id}/messages")
async def chat_messages(request: web.Request) -> web.Response:
    world = core_of(request).world
    chat = world.chats.get(_int(request.match_info["chat_id"], "chat id"))
    if chat is None:
        raise ControlError("no such chat", 404)
    return ok(transcript(world, chat))


@routes.get("/sandbox/files/{file_id}")
async def download(request: web.Request) -> web.Response:
    stored = core_of(request).world.files.get(request.match_info["file_id"])
    if stored is None:
        raise ControlError("no such file", 404)
    return web.Response(body=stored.content, content_type=stored.mime_type or "image/png")


@routes.post("/sandbox/settle")
async def settle(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
    timeout = body.get("timeout") or 5.0
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise ControlError("timeout must be a number of seconds")
    if await core.activity.settle(core.queue, timeout):
        return ok()
    pending = len(core.queue.pending)
    message = f"the bot did not settle within {timeout}s ({pending} updates pending)"
    return web.json_response({"ok": False, "error": message}, status=408)


@routes.get("/sandbox/calls")
async def list_calls(request: web.Request) -> web.Response:
    return ok([asdict(call) for call in core_of(request).world.calls])


@routes.delete("/sandbox/calls")
async def clear_calls(request: web.Request) -> web.Response:
    core_of(request).world.calls.clear()
    return ok()


@routes.post("/sandbox/limits")
async def set_limits(request: web.Request) -> web.Response:
    body = await body_of(request)
    try:
        return ok(core_of(request).limits.configure(**body))
    except (TypeError, ValueError) as error:
        raise ControlError(str(error)) from None


@routes.post("/sandbox/clock")
async def advance_clock(request: web.Request) -> web.Response:
    """Let time pass on Telegram's side: flood limits refill and timed faults run out."""
    seconds = (await body_of(request)).get("advance")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise ControlError("advance must be a number of seconds")
    try:
        return ok({"advanced": core_of(request).clock.advance(seconds)})
    except ValueError as error:
        raise ControlError(str(error)) from None


@routes.post("/sandbox/faults")
async def inject_fault(request: web.Request) -> web.Response:
    body, faults = await body_of(request), core_of(request).faults
    try:
        faults.inject(**body)
    except (TypeError, ValueError) as error:
        raise ControlError(str(error)) from None
    return ok(faults.describe())


@routes.delete("/sandbox/faults")
async def clear_faults(request: web.Request) -> web.Response:
    core_of(request).faults.clear()
    return ok()
