"""Which handler sends each kind of timed message, and what a handler is given when one is due."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from models import Reminder

# The sweep runs every 30 seconds; anything later than this was held up by downtime.
LATE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True)
class Fired:
    """A timed message whose moment has come, as its handler sees it."""

    reminder: Reminder
    now: datetime

    @property
    def payload(self) -> dict[str, Any]:
        return self.reminder.payload

    @property
    def due_at(self) -> datetime:
        return self.reminder.due_at

    @property
    def late(self) -> bool:
        """Whether it is going out well after its time (the bot was down): say so."""
        return self.now - self.reminder.due_at > LATE_AFTER


Handler = Callable[[AsyncSession, Fired], Awaitable[None]]

_HANDLERS: dict[str, Handler] = {}


def on(kind: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of ``kind``.

    The handler runs in the transaction that marks the row sent: whatever it
    enqueues in the outbox is committed with that mark, or not at all.
    """

    def decorate(handler: Handler) -> Handler:
        _HANDLERS[kind] = handler
        return handler

    return decorate


def handler_for(kind: str) -> Handler:
    """The handler registered for ``kind``; LookupError if none is (the row is retried)."""
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise LookupError(f"no handler registered for timed messages of kind {kind!r}") from None
