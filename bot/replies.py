"""What the bot says: a ``Reply`` of HTML text and buttons, the shape every view returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.callbacks import Callback

# A reader's language: a Telegram language code ("en", "pt-br"), or None for the default.
Language = str | None


@dataclass(frozen=True)
class Button:
    """One inline button: it either carries a callback or opens a URL."""

    text: str
    callback: Callback | None = None
    url: str | None = None


@dataclass(frozen=True)
class Reply:
    """A message to show: HTML text and rows of inline buttons.

    With ``photo`` (PNG bytes) it is a photo, and ``text`` is its caption.
    """

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    # Labels of a persistent reply keyboard (each sends its label as text), shown instead.
    keyboard: list[list[str]] = field(default_factory=list)
    photo: bytes | None = field(default=None, repr=False)
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


# How to say one thing in a given language: what ``announce`` calls once per language heard.
Render = Callable[[Language], Reply]
