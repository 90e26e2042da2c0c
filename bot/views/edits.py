"""What the bot says to an edit it does not take as a correction."""

from __future__ import annotations

from bot.replies import Reply
from bot.texts import t


def not_read(language: str | None) -> Reply:
    return Reply(t("edits.not_read", language))


def too_late(language: str | None) -> Reply:
    return Reply(t("edits.too_late", language))
