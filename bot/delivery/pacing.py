"""One pacing for everything the bot sends: Telegram's flood limits kept as Telegram counts them.

``Pacing`` is the Application's rate limiter, so every call that posts or edits a
message — the outbox sender's, a handler's direct reply, the timer's redraw — waits
for its turn in the same windows: per chat, per group and overall. A window allows at
most ``count`` calls in any ``span`` seconds, and a call holds its place from the
moment it is made until ``span`` after its answer came back. Telegram counts a call
when it arrives, which is somewhere in between, so however long a call takes on the
way the bot never goes over a limit it knows, and still sends as fast as the limit
allows. A 429 that comes anyway (another bot on the same token, a limit lower than
published) pauses its chat for ``retry_after`` here too, and is raised to the caller,
who knows what to do with the message (the sender retries its row, a direct reply goes
to the outbox).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot import clock

if TYPE_CHECKING:
    from bot.settings import Settings


@dataclass(frozen=True)
class Limits:
    """Calls per window the bot allows itself: Telegram's published limits."""

    per_chat: tuple[int, float] = (3, 3.0)  # about one a second, a short burst allowed
    per_group: tuple[int, float] = (20, 60.0)
    overall: tuple[int, float] = (30, 1.0)
    max_backoff: float = 60.0

    @classmethod
    def lifted(cls) -> Limits:
        """No pacing to speak of: for a Bot API that enforces no limits."""
        unlimited = (1_000_000, 1.0)
        return cls(per_chat=unlimited, per_group=unlimited, overall=unlimited)

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        """Telegram's limits, unless the settings turn them off."""
        return cls() if settings.telegram_limits else cls.lifted()


# Bot API methods that post or edit a message: the ones Telegram's flood limits count.
PACED_PREFIXES = ("send", "edit", "copyMessage", "forwardMessage", "stopPoll")
UNPACED = frozenset({"sendChatAction"})
PAUSE_STEP = 1.0  # seconds: how long a wait for a paused chat sleeps before looking again


def retry_after_seconds(error: RetryAfter) -> float:
    """PTB 22 may give ``retry_after`` as seconds or as a timedelta."""
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class Window:
    """At most ``count`` calls in any ``span`` seconds, counted from each answer's return."""

    def __init__(self, count: int, span: float) -> None:
        self.count, self.span = count, span
        self.answered: deque[float] = deque()
        self.flying = 0

    def wait(self, now: float) -> float:
        """Seconds until one more call fits (a small poll while only calls in flight fill it)."""
        while self.answered and self.answered[0] <= now - self.span:
            self.answered.popleft()
        over = self.flying + len(self.answered) - self.count
        if over < 0:
            return 0.0
        if over >= len(self.answered):
            return 0.01  # full of calls still on the way: one of them must come back first
        return self.answered[over] + self.span - now

    def take(self) -> None:
        self.flying += 1

    def give_back(self, now: float) -> None:
        self.flying -= 1
        self.answered.append(now)


async def _until(wait: Callable[[], float]) -> None:
    """Sleep until ``wait`` says no more waiting is needed."""
    while True:
        seconds = wait()
        if seconds <= 0:
            return
        await asyncio.sleep(seconds)


def chat_of(data: dict[str, Any]) -> int | None:
    value = data.get("chat_id")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return None


class Pacing(BaseRateLimiter[None]):
    """The windows every message the bot sends goes through (see the module docstring)."""

    def __init__(self, limits: Limits = Limits(), clock: Callable[[], float] = time.monotonic):
        self.limits, self.clock = limits, clock
        self.overall = Window(*limits.overall)
        self._chats: dict[int, Window] = {}
        self._groups: dict[int, Window] = {}
        self._paused_until: dict[int, datetime] = {}
        self._turn = asyncio.Lock()  # the overall window is taken in order of arrival
        self.refused = 0  # 429s Telegram answered, for observers

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def _windows(self, chat_id: int) -> list[Window]:
        windows = [self._chats.setdefault(chat_id, Window(*self.limits.per_chat))]
        if chat_id < 0:
            windows.append(self._groups.setdefault(chat_id, Window(*self.limits.per_group)))
        return windows

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until ``chat_id`` may get a message (its pause after a 429 included).

        A pause is kept on the bot's clock (``bot.clock``, which tests move), so a wait
        for one is given in steps of at most a second.
        """
        now = self.clock()
        paused = 0.0
        if (until := self._paused_until.get(chat_id)) is not None:
            paused = min((until - clock.now()).total_seconds(), PAUSE_STEP)
        return max([paused, *(w.wait(now) for w in self._windows(chat_id))])

    async def chat_turn(self, chat_id: int) -> None:
        """Wait until ``chat_id`` may get a message."""
        await _until(lambda: self.chat_wait(chat_id))

    def pause(self, chat_id: int, seconds: float) -> None:
        until = clock.now() + timedelta(seconds=seconds)
        self._paused_until[chat_id] = max(until, self._paused_until.get(chat_id, until))

    async def _take(self, chat_id: int | None) -> list[Window]:
        """Wait for a place in every window of the call, then hold it."""
        while True:
            if chat_id is not None and (wait := self.chat_wait(chat_id)) > 0:
                await asyncio.sleep(wait)
                continue
            async with self._turn:
                await _until(lambda: self.overall.wait(self.clock()))
                if chat_id is not None and self.chat_wait(chat_id) > 0:
                    continue  # the chat's place went to another call meanwhile
                windows = [self.overall, *(self._windows(chat_id) if chat_id is not None else [])]
                for window in windows:
                    window.take()
                return windows

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if not endpoint.startswith(PACED_PREFIXES) or endpoint in UNPACED:
            return await callback(*args, **kwargs)
        chat_id = chat_of(data)
        windows = await self._take(chat_id)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as error:
            self.refused += 1
            if chat_id is not None:
                self.pause(chat_id, retry_after_seconds(error))
            raise
        finally:
            now = self.clock()
            for window in windows:
                window.give_back(now)
