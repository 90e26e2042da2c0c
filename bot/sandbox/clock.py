"""The emulator's clock: real monotonic time, plus however far a test has moved it on."""

from __future__ import annotations

import time


class SandboxClock:
    """Seconds on the emulator's own clock; `advance` makes time pass for its limits and faults.

    Only Telegram's side moves: the bot's own clock and timeouts keep real time.
    """

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset

    def advance(self, seconds: float) -> float:
        """Move the clock `seconds` on (never back); returns how far it has been moved in all."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self.offset += seconds
        return self.offset
