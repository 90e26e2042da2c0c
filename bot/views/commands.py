"""What the bot says to a command it does not know, or one that does not work where it was sent."""

from __future__ import annotations

import difflib

from bot.replies import Reply
from bot.texts import escape, has, t


def unknown(name: str, suggestion: str | None, language: str | None = None) -> Reply:
    """ "I don't know /summary — did you mean /digest?" (or where to look, with no guess)."""
    if suggestion is None:
        return Reply(t("commands.unknown_plain", language, name=escape(name)))
    return Reply(t("commands.unknown", language, name=escape(name), suggestion=suggestion))


def not_here(name: str, language: str | None = None) -> Reply:
    """A command the bot knows, sent where or how it does not work."""
    return Reply(t("commands.not_here", language, name=escape(name)))


def nearest(name: str, known: list[str], language: str | None = None) -> str | None:
    """The registered command ``name`` most likely meant: a word people use for it, or the
    closest spelling (``/histroy`` → ``/history``), or None."""
    word = name.lower()
    meant = f"commands.means.{word}"
    if has(meant) and t(meant, language) in known:
        return t(meant, language)
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return close[0] if close else None
