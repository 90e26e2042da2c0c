"""What every view shares: escaping, and team-time formatting."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo


def escape(text: str | None) -> str:
    """The only way user-provided text enters a message."""
    return html.escape(text or "", quote=False)


def local_time(moment: datetime, timezone: str, fmt: str = "%a %d %b, %H:%M") -> str:
    """Show a UTC moment in the team's time zone."""
    return moment.astimezone(ZoneInfo(timezone)).strftime(fmt)
