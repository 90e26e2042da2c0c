"""The demo's clock: still while the story moves it, then running on from where the story ended."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class StoryClock:
    """Stands still until the story sets it; after ``run_on`` it keeps real pace from there.

    A fortnight passes in seconds while the story sets the time; whoever carries on by hand
    afterwards finds the bot's time moving as a clock does, starting at the story's end.
    """

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("StoryClock needs an aware datetime")
        self._at = start.astimezone(UTC)
        self._since: float | None = None

    def now(self) -> datetime:
        if self._since is None:
            return self._at
        return self._at + timedelta(seconds=time.monotonic() - self._since)

    def set(self, when: datetime) -> None:
        """Move to ``when``; the story only moves forward."""
        self._at = max(self._at, when.astimezone(UTC))

    def advance(self, delta: timedelta) -> None:
        self.set(self._at + delta)

    def run_on(self) -> None:
        """From now on, let time pass at real speed."""
        self._at, self._since = self.now(), time.monotonic()
