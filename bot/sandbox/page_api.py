"""The chat page: its static files at `/` and the JSON it reads under /sandbox/page/.

What the page does (send, press, create people and groups, add the bot) goes through the
control API itself; this module only adds the reads a chat client needs.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from aiohttp import web

from bot.sandbox import page_events, page_view
from bot.sandbox.botapi import CORE_KEY
from bot.sandbox.errors import ControlError
from bot.sandbox.state import StoredFile

PAGE_FOLDER = Path(__file__).parent / "page"
_TYPES = {"html": "text/html", "css": "text/css", "js": "text/javascript"}
_ASSET_NAME = re.compile(r"[a-z]+\.(html|css|js)")
# Only the page's own files run or style it; bot and user content is never markup.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)
_FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._ -]")

routes = web.RouteTableDef()


def _integer(text: str | None, name: str) -> int:
    try:
        return int(text or "")
    except ValueError:
        raise ControlError(f"{name} must be an integer") from None


def _asset(name: str) -> web.Response:
    found = _ASSET_NAME.fullmatch(name)
    path = PAGE_FOLDER / name
    if found is None or not path.is_file():
        raise web.HTTPNotFound()
    response = web.Response(
        body=path.read_bytes(), content_type=_TYPES[found.group(1)], charset="utf-8"
    )
    response.headers.update(
        {
            "Content-Security-Policy": PAGE_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Cache-Control": "no-cache",
        }
    )
    return response


@routes.get("/")
async def index(request: web.Request) -> web.Response:
    return _asset("index.html")


@routes.get("/favicon.ico")
async def favicon(request: web.Request) -> web.Response:
    return web.Response(status=204)


@routes.get("/page/{name}")
async def asset(request: web.Request) -> web.Response:
    return _asset(request.match_info["name"])


@routes.get("/sandbox/page/people")
async def people(request: web.Request) -> web.Response:
    return web.json_response(page_view.people(request.app[CORE_KEY].world))


@routes.get("/sandbox/page/people/{user_id}/chats")
async def chats(request: web.Request) -> web.Response:
    user_id = _integer(request.match_info["user_id"], "user id")
    return web.json_response(page_view.chats_of(request.app[CORE_KEY].world, user_id))


@routes.get("/sandbox/page/chats/{chat_id}")
async def chat(request: web.Request) -> web.Response:
    chat_id = _integer(request.match_info["chat_id"], "chat id")
    viewer = _integer(request.query.get("as"), "as")
    return web.json_response(page_view.chat_view(request.app[CORE_KEY].world, chat_id, viewer))


@routes.get("/sandbox/page/files/{file_id}")
async def file(request: web.Request) -> web.Response:
    """A photo to show (only real images are shown inline) or a document to download."""
    stored = request.app[CORE_KEY].world.files.get(request.match_info["file_id"])
    if stored is None:
        raise ControlError("no such file", 404)
    image_type = _image_type(stored.content)
    inline = stored.kind == "photo" and image_type is not None and "download" not in request.query
    content_type = image_type if inline else (stored.mime_type or "application/octet-stream")
    disposition = "inline" if inline else f"attachment; {_file_name(stored)}"
    return web.Response(
        body=stored.content,
        headers={
            "Content-Type": content_type or "application/octet-stream",
            "Content-Disposition": disposition,
            "Content-Security-Policy": _FILE_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-cache",
        },
    )


def _image_type(content: bytes) -> str | None:
    for magic, image_type in _IMAGE_MAGIC.items():
        if content.startswith(magic):
            return image_type
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def _file_name(stored: StoredFile) -> str:
    name = stored.file_name or stored.file_path.rpartition("/")[2]
    plain = _SAFE_NAME.sub("_", name) or "file"
    return f"filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def setup(app: web.Application) -> None:
    """Serve the page, its reads and its live updates on the emulator's application."""
    app.router.add_routes(routes)
    page_events.setup(app)
