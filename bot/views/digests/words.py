"""Small pieces the digest's text and chart share: names cut to size, short dates."""

from __future__ import annotations

from datetime import date

from bot.views.common import escape
from bot.views.dates import format_day

NAME_LIMIT = 16  # a medicine's name: "levetiracetam", "valproate sodium"


def short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def day_month(day: date, language: str | None = None) -> str:
    """A day as people say it: 3 Nov."""
    return format_day(day, "day_month", language)


def bounded(text: str, limit: int = NAME_LIMIT) -> str:
    """User text made safe for HTML and cut to ``limit`` characters first."""
    return escape(short(text, limit))
