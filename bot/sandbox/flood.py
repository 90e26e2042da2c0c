"""Telegram's flood control: per chat, per group, overall, and the pause a 429 starts.

Sends and edits count alike. Over a chat's limit the answer is 429 with the wait still
needed, and the chat is paused for it: every call to that chat until then is refused
too, and each one counts as a further message over the limit, so ``retry_after`` grows
the further over the bot keeps going. A bot that waits ``retry_after`` gets through.
The overall limit refuses without pausing any chat.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from bot.sandbox.errors import ApiError


@dataclass
class LimitSettings:
    """Flood limits; None switches one off. Telegram's documented figures are the defaults.

    ``callback_answer_seconds``: how long a callback query can be answered (Telegram
    gives about 10-15 s); None never expires, 0 expires at once.
    """

    per_chat_per_second: float | None = 1.0
    chat_burst: int | None = 3
    per_group_per_minute: int | None = 20
    global_per_second: int | None = 30
    callback_answer_seconds: float | None = 15.0


def _too_many(seconds: float) -> ApiError:
    retry_after = max(1, math.ceil(seconds))
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


class _Window:
    """Events in a rolling window of `span` seconds."""

    def __init__(self, span: float):
        self.span = span
        self.times: deque[float] = deque()

    def wait_needed(self, now: float, limit: int) -> float:
        """How long until one more event fits; refused calls kept here make it longer."""
        while self.times and self.times[0] <= now - self.span:
            self.times.popleft()
        over = len(self.times) - limit
        return 0.0 if over < 0 else self.times[over] + self.span - now


class _Bucket:
    def __init__(self, tokens: float, stamp: float):
        self.tokens = tokens
        self.stamp = stamp


class RateLimits:
    """Telegram's flood control for sends and edits; ``clock`` may be replaced in tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.settings = LimitSettings()
        self._buckets: dict[int, _Bucket] = {}
        self._groups: dict[int, _Window] = {}
        self._global = _Window(1.0)
        self._paused_until: dict[int, float] = {}

    def configure(self, **changes: float | None) -> dict[str, Any]:
        for name, value in changes.items():
            if not hasattr(self.settings, name):
                raise ValueError(f"unknown limit {name!r}")
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            if value is not None and not numeric:
                raise ValueError(f"{name} must be a number or null")
            if name != "callback_answer_seconds":
                value = value or None
            elif value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")
            setattr(self.settings, name, value)
        self._buckets.clear()
        self._paused_until.clear()
        return asdict(self.settings)

    def too_late_to_answer(self, created: float) -> bool:
        """Whether a callback query made at ``created`` (on ``clock``) has expired."""
        deadline = self.settings.callback_answer_seconds
        return deadline is not None and self.clock() - created >= deadline

    def paused_for(self, chat_id: int) -> float:
        """Seconds left of the chat's pause after a 429 (0 when it is not paused)."""
        return max(0.0, self._paused_until.get(chat_id, 0.0) - self.clock())

    def admit(self, chat_id: int, is_group: bool) -> None:
        """Count a message sent or edited in `chat_id`, or raise the 429 Telegram would answer."""
        now = self.clock()
        if self._paused_until.get(chat_id, 0.0) > now:
            self._count(chat_id, is_group, now)  # hammering a paused chat: further over
            self._refuse(chat_id, is_group, now)
        if max(self._chat_wait(chat_id, is_group, now), self._global_wait(now)) > 0:
            self._refuse(chat_id, is_group, now)
        self._count(chat_id, is_group, now)
        self._global.times.append(now)

    def _refuse(self, chat_id: int, is_group: bool, now: float) -> None:
        chat_wait = self._chat_wait(chat_id, is_group, now)
        pause = max(chat_wait, self._paused_until.get(chat_id, 0.0) - now)
        error = _too_many(max(pause, self._global_wait(now)))
        if chat_wait > 0:  # the chat waits the whole seconds the answer names
            self._paused_until[chat_id] = now + max(1, math.ceil(pause))
        raise error

    def _count(self, chat_id: int, is_group: bool, now: float) -> None:
        bucket = self._refill(chat_id, now)
        if bucket is not None:
            bucket.tokens -= 1
        if is_group and self.settings.per_group_per_minute:
            self._groups.setdefault(chat_id, _Window(60.0)).times.append(now)

    def _chat_wait(self, chat_id: int, is_group: bool, now: float) -> float:
        waits = [self._bucket_wait(chat_id, now)]
        if is_group:
            waits.append(self._group_wait(chat_id, now))
        return max(waits)

    def _refill(self, chat_id: int, now: float) -> _Bucket | None:
        rate, burst = self.settings.per_chat_per_second, self.settings.chat_burst or 1
        if not rate:
            return None
        bucket = self._buckets.setdefault(chat_id, _Bucket(float(burst), now))
        bucket.tokens = min(float(burst), bucket.tokens + (now - bucket.stamp) * rate)
        bucket.stamp = now
        return bucket

    def _bucket_wait(self, chat_id: int, now: float) -> float:
        bucket = self._refill(chat_id, now)
        if bucket is None or bucket.tokens >= 1:
            return 0.0
        return (1 - bucket.tokens) / (self.settings.per_chat_per_second or 1)

    def _group_wait(self, chat_id: int, now: float) -> float:
        limit = self.settings.per_group_per_minute
        if not limit:
            return 0.0
        return self._groups.setdefault(chat_id, _Window(60.0)).wait_needed(now, limit)

    def _global_wait(self, now: float) -> float:
        limit = self.settings.global_per_second
        return self._global.wait_needed(now, limit) if limit else 0.0
