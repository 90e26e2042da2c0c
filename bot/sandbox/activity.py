"""Tracks when the bot last did something, so tests can wait until it has gone quiet."""

from __future__ import annotations

import asyncio
import time

from bot.sandbox.updates import UpdateQueue


class Activity:
    """Bot API calls in flight and the moment the bot last acted or took an update."""

    def __init__(self, quiet_period: float = 0.3):
        self.quiet_period = quiet_period
        self.in_flight = 0
        self.last_seen = time.monotonic()

    def begin(self) -> None:
        self.in_flight += 1
        self.touch()

    def end(self) -> None:
        self.in_flight -= 1
        self.touch()

    def touch(self) -> None:
        self.last_seen = time.monotonic()

    def is_quiet(self, queue: UpdateQueue) -> bool:
        idle = time.monotonic() - self.last_seen >= self.quiet_period
        return queue.all_taken() and self.in_flight == 0 and idle

    async def settle(self, queue: UpdateQueue, timeout: float) -> bool:
        """True once every update is taken and the bot made no other call for the quiet period."""
        deadline = time.monotonic() + timeout
        while not self.is_quiet(queue):
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.02)
        return True
