"""Entities Telegram finds by itself in what people type: commands, mentions, hashtags, links."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox.markup_core import utf16_len

_PATTERNS = (
    ("bot_command", re.compile(r"(?<![\w/@])/\w{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])", re.A)),
    ("mention", re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{4,32}(?![\w@])")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d_]\w*")),
    ("url", re.compile(r"(?<![\w/@])https?://[^\s<>\"]+[^\s<>\".,;:!?)\]]")),
)


def find_entities(text: str) -> list[dict[str, Any]]:
    """Bot API entities for the commands, mentions, hashtags and URLs in `text`."""
    found: list[dict[str, Any]] = []
    taken: list[range] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in span for span in taken):
                continue
            taken.append(range(match.start(), match.end()))
            offset = utf16_len(text[: match.start()])
            found.append({"type": kind, "offset": offset, "length": utf16_len(match.group())})
    return sorted(found, key=lambda entity: entity["offset"])


def command_of(text: str, entities: list[dict[str, Any]]) -> tuple[str, str | None] | None:
    """The command a message starts with and the bot it names, like ("episode", "CareBot")."""
    first = next((entity for entity in entities if entity["offset"] == 0), None)
    if first is None or first["type"] != "bot_command":
        return None
    name, _, target = text[1 : first["length"]].partition("@")
    return name, target or None


def mentions(text: str, entities: list[dict[str, Any]]) -> list[str]:
    """The @usernames mentioned in `text`, without the @."""
    encoded = text.encode("utf-16-le")
    names = []
    for entity in entities:
        if entity["type"] == "mention":
            start, end = entity["offset"] * 2, (entity["offset"] + entity["length"]) * 2
            names.append(encoded[start:end].decode("utf-16-le")[1:])
    return names
