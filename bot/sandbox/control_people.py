"""The control API's people: they write, edit, send files and press buttons."""

from __future__ import annotations

import base64
import binascii

from aiohttp import web

from bot.sandbox import people
from bot.sandbox.control import body_of, core_of, ok
from bot.sandbox.errors import ControlError
from bot.sandbox.media import sample_file

routes = web.RouteTableDef()


@routes.post("/sandbox/send")
async def send_text(request: web.Request) -> web.Response:
    body = await body_of(request)
    if not isinstance(body.get("text"), str):
        raise ControlError("text is required")
    chat_id, sender, reply_to = body.get("chat_id"), body.get("from"), body.get("reply_to")
    message = people.send(
        core_of(request), chat_id, sender, reply_to, body.get("thread_id"), text=body["text"]
    )
    return ok({"message_id": message.message_id})


@routes.post("/sandbox/edit")
async def edit_text(request: web.Request) -> web.Response:
    body = await body_of(request)
    message = people.edit(
        core_of(request),
        body.get("chat_id"),
        body.get("from"),
        body.get("message_id"),
        body.get("text"),
    )
    return ok({"message_id": message.message_id, "edit_date": message.edit_date})


@routes.post("/sandbox/{kind:send_photo|send_document|send_video|send_video_note|send_voice}")
async def send_file(request: web.Request) -> web.Response:
    body, core = await body_of(request), core_of(request)
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
    return ok({"message_id": message.message_id, "file_id": message.media[1]})


@routes.post("/sandbox/press")
async def press_button(request: web.Request) -> web.Response:
    body = await body_of(request)
    if not isinstance(body.get("data"), str):
        raise ControlError("data is required")
    query = people.press(
        core_of(request),
        body.get("chat_id"),
        body.get("from"),
        body.get("message_id"),
        body["data"],
        forge=bool(body.get("forge", False)),
    )
    return ok({"callback_query_id": query.id})


@routes.get("/sandbox/callbacks/{query_id}")
async def callback_answer(request: web.Request) -> web.Response:
    core = core_of(request)
    query = core.world.callbacks.get(request.match_info["query_id"])
    if query is None:
        raise ControlError("no such callback query", 404)
    answer = {"answered": query.answered, "text": query.text}
    expired = not query.answered and core.limits.too_late_to_answer(query.created)
    return ok({**answer, "show_alert": query.show_alert, "url": query.url, "expired": expired})
