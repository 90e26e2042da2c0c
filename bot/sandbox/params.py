"""Bot API request parameters from a query string, JSON, form or multipart body."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.sandbox.errors import bad_request


@dataclass
class Upload:
    """A file sent in a multipart body."""

    filename: str
    content: bytes
    content_type: str | None


class Params:
    """Typed access to one call's parameters, whatever encoding the client used."""

    def __init__(self, values: dict[str, Any], uploads: dict[str, Upload] | None = None):
        self.values = values
        self.uploads = uploads or {}

    def has(self, name: str) -> bool:
        return self.values.get(name) not in (None, "") or name in self.uploads

    def text(self, name: str, required: bool = False, missing: str | None = None) -> str | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(missing or f"{name} is empty")
            return None if value is None else ""
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, required: bool = False, missing: str | None = None) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(missing or f"{name} is empty")
            return None
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(missing or f"invalid {name} specified") from None

    def number(self, name: str) -> float | None:
        value = self.values.get(name)
        try:
            return None if value in (None, "") else float(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def flag(self, name: str) -> bool:
        value = self.values.get(name)
        if isinstance(value, str):
            return value.lower() in ("true", "1")
        return bool(value)

    def json(self, name: str) -> Any:
        value = self.values.get(name)
        if not isinstance(value, str) or value == "":
            return value or None
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None

    def chat_id(self) -> int | str:
        value = self.values.get("chat_id")
        if value in (None, ""):
            raise bad_request("chat_id is empty")
        if isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit()):
            return int(value)
        return str(value)

    def upload(self, name: str) -> Upload | str | None:
        """An uploaded file, or the file_id/URL string given instead."""
        if name in self.uploads:
            return self.uploads[name]
        value = self.text(name)
        if value and value.startswith("attach://"):
            return self.uploads.get(value.removeprefix("attach://"))
        return value

    def describe(self) -> dict[str, Any]:
        described = dict(self.values)
        for name, upload in self.uploads.items():
            described[name] = f"<upload {upload.filename} ({len(upload.content)} bytes)>"
        return described


async def read_params(request: web.Request) -> Params:
    values: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.method != "POST" or not request.body_exists:
        return Params(values)
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON object") from None
        if not isinstance(body, dict):
            raise bad_request("JSON object expected")
        values.update(body)
        return Params(values)
    for name, value in (await request.post()).items():
        if isinstance(value, web.FileField):
            content = value.file.read()
            uploads[name] = Upload(value.filename, content, value.content_type)
        else:
            values[name] = value
    return Params(values, uploads)
