"""What a running bot shares with its handlers and jobs: settings, database, delivery wake-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.settings import Settings
from models.session import Database

if TYPE_CHECKING:
    from bot.delivery.sender import Sender
    from bot.polling import DurablePoller

RUNTIME_KEY = "carecircle.runtime"


@dataclass
class Runtime:
    """Process-wide services; one per Application, kept in ``bot_data``."""

    settings: Settings
    db: Database
    sender: Sender | None = None
    poller: DurablePoller | None = None
    wake_sender: Callable[[], None] = field(default=lambda: None)
    # Chats Telegram told to wait (a 429 to the timer's edits), until when (UTC).
    paused_chats: dict[int, datetime] = field(default_factory=dict)


def runtime_of(context: Any) -> Runtime:
    """The runtime of the Application behind a PTB context."""
    return context.bot_data[RUNTIME_KEY]
