"""Small pieces the digest's text and chart share: bounded names and short dates."""

from __future__ import annotations

from datetime import date


def short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def day_month(day: date) -> str:
    """A day as people say it: 3 Nov."""
    return f"{day.day} {day:%b}"
