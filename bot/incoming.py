"""Text that enters from Telegram, made storable before anything is saved.

PostgreSQL cannot store a NUL in text or in jsonb (``\\u0000``), and no UTF-8
database can store a lone surrogate. Other C0 controls are invisible noise
that would end up in records and relays. So every string in an update is
cleaned where the update enters (the poller, and the handler kit for webhook
updates): C0 controls go except newline and tab, a carriage return becomes a
newline, and a lone surrogate becomes U+FFFD.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import Bot, Update

_NEWLINES = re.compile(r"\r\n?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without what a database cannot store or a person cannot see."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def clean_json(value: Any) -> Any:
    """``value`` (decoded JSON) with every string in it cleaned, keys included."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean_json(key): clean_json(item) for key, item in value.items()}
    return value


def clean_update(update: Update, bot: Bot) -> Update:
    """``update`` itself if it is clean, else the same update with its strings cleaned."""
    data = update.to_dict()
    cleaned = clean_json(data)
    if cleaned == data:
        return update
    fresh = Update.de_json(cleaned, bot)
    assert fresh is not None
    return fresh
