"""Which handler sends each kind of timed message, and what a handler is given when one is due."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
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

# Filled by ``install`` when the Application is built (each feature's ``register``).
_HANDLERS: dict[str, Handler] = {}


def install(handlers: Mapping[str, Handler]) -> None:
    """Make each handler the one that sends timed messages of its kind.

    A handler runs in the transaction that marks the row sent: whatever it
    enqueues in the outbox is committed with that mark, or not at all. Installing
    the same handler again changes nothing; a second handler for a kind is a bug.
    """
    for kind, handler in handlers.items():
        if _HANDLERS.setdefault(kind, handler) is not handler:
            raise ValueError(f"timed messages of kind {kind!r} already have a handler")


def kinds() -> frozenset[str]:
    """The kinds that have a handler."""
    return frozenset(_HANDLERS)


def handler_for(kind: str) -> Handler:
    """The handler installed for ``kind``; LookupError if none is (the row is retried)."""
    try:
        return _HANDLERS[kind]
    except KeyError:
        raise LookupError(f"no handler registered for timed messages of kind {kind!r}") from None
