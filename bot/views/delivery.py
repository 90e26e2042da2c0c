"""Messages about delivery itself."""

from __future__ import annotations

from bot.replies import Language, Reply
from bot.texts import t
from bot.views.common import escape


def private_delivery_disabled(first_name: str, language: Language = None) -> Reply:
    return Reply(t("delivery.private_disabled", language, name=escape(first_name)))
