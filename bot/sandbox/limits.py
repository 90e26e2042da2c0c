"""Telegram's size limits on messages and keyboards (flood limits are in ``flood``)."""

from __future__ import annotations

import json
from typing import Any

from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.markup_core import utf16_len

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_INLINE_BUTTONS = 100
_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_BUTTON_FIELDS = ("text", *_BUTTON_ACTIONS)


def check_text(text: str) -> None:
    if not text.strip():
        raise bad_request("message text is empty")
    if utf16_len(text) > MAX_TEXT:
        raise bad_request("message is too long")


def check_caption(caption: str) -> None:
    if utf16_len(caption) > MAX_CAPTION:
        raise bad_request("message caption is too long")


def parse_reply_markup(raw: Any) -> dict[str, Any] | None:
    """The validated reply_markup object (inline or reply keyboard, removal, force reply)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raise bad_request("can't parse reply keyboard markup JSON object") from None
    if not isinstance(raw, dict):
        raise bad_request("object expected as reply markup")
    if raw.get("keyboard"):
        return {**raw, "keyboard": _reply_rows(raw["keyboard"])}
    if raw.get("inline_keyboard"):
        return {"inline_keyboard": _inline_rows(raw["inline_keyboard"])}
    if raw.get("remove_keyboard") or raw.get("force_reply"):
        return raw
    return None


def _rows(rows: Any, field: str) -> list[list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        suffix = " of the InlineKeyboardMarkup" if field == "inline_keyboard" else ""
        raise bad_request(f'field "{field}"{suffix} must be an Array of Arrays')
    return rows


def _reply_rows(rows: Any) -> list[list[dict[str, Any]]]:
    parsed = []
    for row in _rows(rows, "keyboard"):
        buttons = [{"text": button} if isinstance(button, str) else button for button in row]
        if not all(isinstance(button, dict) and "text" in button for button in buttons):
            raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')
        parsed.append(buttons)
    return parsed


def _inline_rows(rows: Any) -> list[list[dict[str, Any]]]:
    parsed = [[_inline_button(button) for button in row] for row in _rows(rows, "inline_keyboard")]
    if sum(len(row) for row in parsed) > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long")
    return parsed


def _inline_button(button: Any) -> dict[str, Any]:
    def refuse(reason: str) -> ApiError:
        return bad_request(f"can't parse inline keyboard button: {reason}")

    if not isinstance(button, dict):
        raise refuse("InlineKeyboardButton must be an Object")
    if "text" not in button:
        raise refuse('Can\'t find field "text"')
    if not isinstance(button["text"], str):
        raise refuse('Field "text" must be of type String')
    if not button["text"].strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    # Telegram ignores empty url/callback_data, so such a button has no action at all.
    if not any(button.get(action) not in (None, "") for action in _BUTTON_ACTIONS):
        raise refuse("Text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data and len(str(data).encode()) > MAX_CALLBACK_DATA_BYTES:
        raise bad_request("BUTTON_DATA_INVALID")
    return {key: button[key] for key in _BUTTON_FIELDS if button.get(key) not in (None, "")}
