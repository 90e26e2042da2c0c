"""What every view shares: escaping (``bot.texts.escape``), and team-time formatting."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.texts import escape
from bot.views.dates import format_moment

__all__ = ["escape", "local_time"]


def local_time(
    moment: datetime, timezone: str, style: str = "moment", language: str | None = None
) -> str:
    """Show a UTC moment in the team's time zone, in the reader's language (``dates`` styles)."""
    return format_moment(moment.astimezone(ZoneInfo(timezone)), style, language)
