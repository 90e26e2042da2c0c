"""What every view shares: escaping (``bot.texts.escape``), and team-time formatting."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.texts import escape

__all__ = ["escape", "local_time"]


def local_time(moment: datetime, timezone: str, fmt: str = "%a %d %b, %H:%M") -> str:
    """Show a UTC moment in the team's time zone."""
    return moment.astimezone(ZoneInfo(timezone)).strftime(fmt)
