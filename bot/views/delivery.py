"""Messages about delivery itself."""

from __future__ import annotations

from bot.replies import Reply
from bot.texts import t
from bot.views.common import escape


def private_delivery_disabled(first_name: str) -> Reply:
    return Reply(t("delivery.private_disabled", name=escape(first_name)))
