"""What the bot says: a ``Reply`` of HTML text and buttons, the shape every view returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.callbacks import Callback


@dataclass(frozen=True)
class Button:
    """One inline button: it either carries a callback or opens a URL."""

    text: str
    callback: Callback | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """A message to show: HTML text and rows of inline buttons."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    # Labels of a persistent reply keyboard (each sends its label as text), shown instead.
    keyboard: list[list[str]] = field(default_factory=list)
    # A file sent with ``text`` as its caption (see ``Document``).
    document: Document | None = None


@dataclass(frozen=True)
class Document:
    """A file to send after the commit, made then: ``make`` is CPU work, run in a thread.

    The content is never stored (not in the outbox, not in a log): what cannot be sent
    now is not queued, and its sender hears ``failed`` instead; a file over Telegram's
    limit is not sent, and its sender hears ``too_large(size in bytes)``.
    """

    filename: str
    make: Callable[[], bytes]
    too_large: Callable[[int], Reply]
    failed: Reply
