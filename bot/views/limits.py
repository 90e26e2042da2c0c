"""Telegram's limit on a message's length, and cutting what people typed so a message keeps to it.

Telegram counts a text in UTF-16 code units after parsing its HTML (tags dropped, entities
decoded) and refuses a message over 4096 with "message is too long". The views build HTML
from templates and from people's words; ``fit`` gives those words the room that is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable

MAX_TEXT = 4096  # UTF-16 code units of a message's text, after entity parsing
ELLIPSIS = "…"
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot);")  # what escape() writes; any other stays long


def units(text: str) -> int:
    """The length of ``text`` as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def shown_length(html_text: str) -> int:
    """How long the views' HTML reads once Telegram has parsed it (never less than that)."""
    return units(_ENTITY.sub("&", _TAG.sub("", html_text)))


def clip(text: str, room: int) -> str:
    """``text`` if it takes at most ``room`` units, else its start and "…" within ``room``."""
    if units(text) <= room:
        return text
    kept, used = [], units(ELLIPSIS)
    for char in text:
        used += units(char)
        if used > room:
            break
        kept.append(char)
    return "".join(kept).rstrip() + ELLIPSIS


def room(words: str | None, most: int) -> int:
    """The room people's ``words`` take in a message, at most ``most`` units."""
    return min(most, units(words or ""))


def fit(compose: Callable[..., str], *rooms: int) -> str:
    """The message ``compose(*rooms)`` writes, cut until it fits in one Telegram message.

    Each room is how much of someone's words ``compose`` shows (see ``room`` and ``clip``).
    While the message is too long the first room shrinks, then the next, each down to "…".
    """
    sizes = list(rooms)
    message = compose(*sizes)
    for index in range(len(sizes)):
        while (over := shown_length(message) - MAX_TEXT) > 0 and sizes[index] > 1:
            sizes[index] = max(sizes[index] - over, 1)
            message = compose(*sizes)
    return message
