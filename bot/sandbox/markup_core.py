"""Shared pieces of the parse_mode parsers: the error, raw entities, UTF-16 and link rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

# Telegram's ordering of entities starting at the same offset with the same length.
_PRIORITY = {
    "blockquote": 0,
    "expandable_blockquote": 0,
    "pre_code": 10,
    "pre": 11,
    "code": 20,
    "date_time": 30,
    "text_link": 49,
    "text_mention": 49,
    "bold": 90,
    "italic": 91,
    "underline": 92,
    "strikethrough": 93,
    "spoiler": 94,
    "custom_emoji": 99,
}
_SPACES = " \t\r\n\0\v"
_USER_LINK = re.compile(r"tg:(?://)?user\?id=([0-9]{1,18})", re.IGNORECASE)


class ParseError(ValueError):
    """Text that Telegram would refuse; `description` is the full Bot API error description."""

    def __init__(self, description: str):
        super().__init__(description)
        self.description = description


@dataclass
class RawEntity:
    """An entity while parsing: `argument` is the URL, language, emoji id or time format."""

    type: str
    offset: int
    length: int
    argument: str = ""
    unix_time: int = 0

    def to_json(self) -> dict[str, Any]:
        entity: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        if self.type == "pre" and self.argument:
            entity["language"] = self.argument
        elif self.type == "text_link":
            entity["url"] = self.argument
        elif self.type == "text_mention":
            entity["user"] = {"id": int(self.argument)}
        elif self.type == "custom_emoji":
            entity["custom_emoji_id"] = self.argument
        elif self.type == "date_time":
            entity["unix_time"] = self.unix_time
            if self.argument:
                entity["date_time_format"] = self.argument
        return entity


class SourceText:
    """The text being parsed, read like a C string: past the end reads as NUL."""

    def __init__(self, text: str):
        self.text = text

    def __getitem__(self, index: int) -> str:
        return self.text[index] if index < len(self.text) else "\0"

    def __len__(self) -> int:
        return len(self.text)

    def byte_offset(self, index: int) -> int:
        return len(self.text[:index].encode("utf-8", "surrogatepass"))


def is_space(char: str) -> bool:
    return char in _SPACES


def utf16_width(char: str) -> int:
    return 2 if ord(char) > 0xFFFF else 1


def utf16_len(text: str) -> int:
    return sum(utf16_width(char) for char in text)


def ascii_lower(text: str) -> str:
    return "".join(char.lower() if char.isascii() else char for char in text)


def sorted_json(entities: list[RawEntity]) -> list[dict[str, Any]]:
    def key(entity: RawEntity) -> tuple[int, int, int]:
        kind = "pre_code" if entity.type == "pre" and entity.argument else entity.type
        return entity.offset, -entity.length, _PRIORITY.get(kind, 50)

    return [entity.to_json() for entity in sorted(entities, key=key)]


def checked_link(url: str) -> str | None:
    """The URL Telegram would store for a text link, or None when it would drop the entity."""
    if url.lower().startswith("tg:"):
        rest = url[3:].removeprefix("//")
        host = rest.split("?", 1)[0].split("/", 1)[0]
        if not host or not all(char.isalnum() or char in "-_" for char in host):
            return None
        return "tg://" + rest
    if "://" not in url:
        url = "http://" + url
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return None
    host = parts.hostname or ""
    if parts.scheme.lower() not in ("http", "https") or "." not in host or " " in url:
        return None
    link = f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path or '/'}"
    if parts.query:
        link += "?" + parts.query
    if parts.fragment:
        link += "#" + parts.fragment
    return link


def link_kind(url: str) -> tuple[str, str]:
    """("text_mention", user id) for tg://user links, ("text_link", URL), or ("", "") to drop."""
    if match := _USER_LINK.fullmatch(url):
        return "text_mention", match.group(1)
    checked = checked_link(url)
    return ("text_link", checked) if checked else ("", "")
