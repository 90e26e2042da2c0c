"""Tracks when the bot last did something, so tests can wait until it has gone quiet."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from bot.sandbox.updates import UpdateQueue


class Activity:
    """Bot API calls in flight and the moment the bot last acted or took an update.

    ``bot_settled``: when the bot runs in this process (``carecircle sandbox``), a check
    that it has nothing left to do, which ``settle`` also waits for.
    """

    def __init__(self, quiet_period: float = 0.3):
        self.quiet_period = quiet_period
        self.in_flight = 0
        self.last_seen = time.monotonic()
        self.bot_settled: Callable[[], Awaitable[bool]] | None = None

    def begin(self) -> None:
        self.in_flight += 1
        self.touch()

    def end(self) -> None:
        self.in_flight -= 1
        self.touch()

    def touch(self) -> None:
        self.last_seen = time.monotonic()

    def is_quiet(self, queue: UpdateQueue) -> bool:
        return queue.all_taken() and self.is_quiet_now()

    async def settle(self, queue: UpdateQueue, timeout: float) -> bool:
        """True once every update is taken, the bot made no other call for the quiet period,
        and (when known) the bot says it has settled too."""
        deadline = time.monotonic() + timeout
        while not (self.is_quiet(queue) and await self._bot_settled()):
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(0.02)
        return True

    async def _bot_settled(self) -> bool:
        if self.bot_settled is None:
            return True
        settled = await self.bot_settled()
        # The check took time: the bot may have acted meanwhile.
        return settled and self.is_quiet_now()

    def is_quiet_now(self) -> bool:
        return self.in_flight == 0 and time.monotonic() - self.last_seen >= self.quiet_period
