"""Telegram's size limits on messages and keyboards, and its flood limits (per chat, group, bot)."""

from __future__ import annotations

import json
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.markup_core import utf16_len

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_BUTTON_FIELDS = ("text", *_BUTTON_ACTIONS)


def check_text(text: str) -> None:
    if not text.strip():
        raise bad_request("message text is empty")
    if utf16_len(text) > MAX_TEXT:
        raise bad_request("message is too long")


def check_caption(caption: str) -> None:
    if utf16_len(caption) > MAX_CAPTION:
        raise bad_request("message caption is too long")


def parse_reply_markup(raw: Any) -> dict[str, Any] | None:
    """The validated reply_markup object (inline or reply keyboard, removal, force reply)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(raw, dict):
        raise bad_request("object expected as reply markup")
    if raw.get("keyboard"):
        return {**raw, "keyboard": _reply_rows(raw["keyboard"])}
    if raw.get("inline_keyboard"):
        return {"inline_keyboard": _inline_rows(raw["inline_keyboard"])}
    if raw.get("remove_keyboard") or raw.get("force_reply"):
        return raw
    return None


def _rows(rows: Any, field: str) -> list[list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        suffix = " of the InlineKeyboardMarkup" if field == "inline_keyboard" else ""
        raise bad_request(f'field "{field}"{suffix} must be an Array of Arrays')
    return rows


def _reply_rows(rows: Any) -> list[list[dict[str, Any]]]:
    parsed = []
    for row in _rows(rows, "keyboard"):
        buttons = [{"text": button} if isinstance(button, str) else button for button in row]
        if not all(isinstance(button, dict) and "text" in button for button in buttons):
            raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')
        parsed.append(buttons)
    return parsed


def _inline_rows(rows: Any) -> list[list[dict[str, Any]]]:
    parsed = [[_inline_button(button) for button in row] for row in _rows(rows, "inline_keyboard")]
    if sum(len(row) for row in parsed) > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long")
    return parsed


def _inline_button(button: Any) -> dict[str, Any]:
    def refuse(reason: str) -> ApiError:
        return bad_request(f"can't parse inline keyboard button: {reason}")

    if not isinstance(button, dict):
        raise refuse("InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise refuse('Can\'t find field "text"')
    if not isinstance(button["text"], str):
        raise refuse('Field "text" must be of type String')
    # Telegram ignores empty url/callback_data, so such a button has no action at all.
    if not any(button.get(action) not in (None, "") for action in _BUTTON_ACTIONS):
        raise refuse("Text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data and len(str(data).encode()) > MAX_CALLBACK_DATA_BYTES:
        raise bad_request("BUTTON_DATA_INVALID")
    return {key: button[key] for key in _BUTTON_FIELDS if button.get(key) not in (None, "")}


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
        while self.times and self.times[0] <= now - self.span:
            self.times.popleft()
        return 0.0 if len(self.times) < limit else self.times[0] + self.span - now


class _Bucket:
    def __init__(self, tokens: float, stamp: float):
        self.tokens = tokens
        self.stamp = stamp


class RateLimits:
    """Telegram's flood control; sends count toward all limits, edits toward the chat's only."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.settings = LimitSettings()
        self._buckets: dict[int, _Bucket] = {}
        self._groups: dict[int, _Window] = {}
        self._global = _Window(1.0)

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
        return asdict(self.settings)

    def too_late_to_answer(self, created: float) -> bool:
        """Whether a callback query made at ``created`` (on ``clock``) has expired."""
        deadline = self.settings.callback_answer_seconds
        return deadline is not None and self.clock() - created >= deadline

    def admit_send(self, chat_id: int, is_group: bool) -> None:
        """Count a message sent to `chat_id`, or raise the 429 Telegram would answer."""
        now = self.clock()
        waits = [self._bucket_wait(chat_id, now), self._global_wait(now)]
        if is_group:
            waits.append(self._group_wait(chat_id, now))
        if max(waits) > 0:
            raise _too_many(max(waits))
        self._take_token(chat_id, now)
        self._global.times.append(now)
        if is_group and self.settings.per_group_per_minute:
            self._groups[chat_id].times.append(now)

    def admit_edit(self, chat_id: int) -> None:
        now = self.clock()
        wait = self._bucket_wait(chat_id, now)
        if wait > 0:
            raise _too_many(wait)
        self._take_token(chat_id, now)

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

    def _take_token(self, chat_id: int, now: float) -> None:
        bucket = self._refill(chat_id, now)
        if bucket is not None:
            bucket.tokens -= 1

    def _group_wait(self, chat_id: int, now: float) -> float:
        limit = self.settings.per_group_per_minute
        if not limit:
            return 0.0
        return self._groups.setdefault(chat_id, _Window(60.0)).wait_needed(now, limit)

    def _global_wait(self, now: float) -> float:
        limit = self.settings.global_per_second
        return self._global.wait_needed(now, limit) if limit else 0.0
