"""Waiting for an event rather than for time: a condition polled until it holds or a deadline."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
POLL = 0.02


async def eventually(
    check: Callable[[], T | Awaitable[T]], *, timeout: float = 15.0, what: str = "the condition"
) -> T:
    """The first truthy value of ``check()`` (sync or async); fails naming ``what`` at the deadline.

    For events no one can await directly: a bot in another process, a row in the database,
    a call the emulator records.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"waited {timeout}s for {what}")
        await asyncio.sleep(POLL)
