"""What every view shares: the ``Reply`` shape, buttons, escaping, and team-time formatting."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.callbacks import Callback


@dataclass(frozen=True)
class Button:
    """One inline button: it either carries a callback or opens a URL."""

    text: str
    callback: Callback | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """A message to show: HTML text and rows of inline buttons."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    # Labels of a persistent reply keyboard (each sends its label as text), shown instead.
    keyboard: list[list[str]] = field(default_factory=list)


def escape(text: str | None) -> str:
    """The only way user-provided text enters a message."""
    return html.escape(text or "", quote=False)


def local_time(moment: datetime, timezone: str, fmt: str = "%a %d %b, %H:%M") -> str:
    """Show a UTC moment in the team's time zone."""
    return moment.astimezone(ZoneInfo(timezone)).strftime(fmt)
