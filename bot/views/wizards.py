"""What the text router says when no question is waiting for an answer."""

from __future__ import annotations

from bot.replies import Reply
from bot.texts import t


def nothing_waiting(language: str | None) -> Reply:
    return Reply(t("wizards.nothing_waiting", language))
