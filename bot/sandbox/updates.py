"""The bot's update queue: allowed_updates filtering, confirmation by offset and long polling."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bot.sandbox.errors import ApiError

# Without an explicit allowed_updates list Telegram leaves these out.
OPT_IN_KINDS = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_POLLING = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class _Poll:
    def __init__(self) -> None:
        self.terminated = False


class UpdateQueue:
    """Updates waiting for the bot, confirmed by getUpdates offsets or webhook deliveries."""

    def __init__(self, first_id: int = 1) -> None:
        """Number updates from ``first_id`` (above every id a bot saw before, for a restart)."""
        self.pending: list[dict[str, Any]] = []
        self.allowed: frozenset[str] | None = None
        self.closed = False
        self.taken_upto = 0
        self._next_id = first_id
        self._changed = asyncio.Event()
        self._poll: _Poll | None = None

    @property
    def polling(self) -> bool:
        """Whether a getUpdates long poll is waiting now (so tests can wait for one)."""
        return self._poll is not None

    def allows(self, kind: str) -> bool:
        if self.allowed is None:
            return kind not in OPT_IN_KINDS
        return kind in self.allowed

    def set_allowed(self, kinds: list[str] | None) -> None:
        self.allowed = frozenset(kinds) if kinds else None

    def push(self, kind: str, payload: dict[str, Any]) -> bool:
        """Queue an update unless allowed_updates excludes its kind; True when queued."""
        if not self.allows(kind):
            return False
        self.pending.append({"update_id": self._next_id, kind: payload})
        self._next_id += 1
        self._notify()
        return True

    def confirm(self, offset: int) -> None:
        if offset < 0:
            self.pending = self.pending[offset:]
        elif offset > 0:
            self.pending = [update for update in self.pending if update["update_id"] >= offset]
        self._notify()

    def drop_all(self) -> None:
        self.pending.clear()
        self._notify()

    def mark_taken(self, updates: list[dict[str, Any]]) -> None:
        if updates:
            self.taken_upto = max(self.taken_upto, updates[-1]["update_id"])

    def all_taken(self) -> bool:
        return all(update["update_id"] <= self.taken_upto for update in self.pending)

    def close(self) -> None:
        """Answer every waiting long poll now, and any later one at once, until reopened."""
        self.closed = True
        self._notify()

    def reopen(self) -> None:
        self.closed = False

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for_change(self, timeout: float) -> None:
        changed = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), timeout)

    async def long_poll(self, limit: int, timeout: float) -> list[dict[str, Any]]:
        """Pending updates, waiting up to `timeout` for one; a newer poll ends this one (409)."""
        if self._poll is not None:
            self._poll.terminated = True
        poll = self._poll = _Poll()
        self._notify()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                if poll.terminated:
                    raise ApiError(409, CONFLICT_POLLING)
                remaining = deadline - loop.time()
                if self.pending or self.closed or remaining <= 0:
                    return self.pending[:limit]
                await self.wait_for_change(remaining)
        finally:
            if self._poll is poll:
                self._poll = None
