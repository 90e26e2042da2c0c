"""A message as a person sees it through the control API, with what tests read off it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Message:
    """A message as a person sees it; `buttons` are rows of (text, callback data or URL)."""

    message_id: int
    text: str | None
    buttons: list[list[tuple[str, str]]]
    from_bot: bool
    raw: dict[str, Any] = field(repr=False)

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Message:
        rows = (raw.get("reply_markup") or {}).get("inline_keyboard", [])
        buttons = [
            [
                (button["text"], button.get("callback_data") or button.get("url", ""))
                for button in row
            ]
            for row in rows
        ]
        text = raw.get("text", raw.get("caption"))
        return cls(raw["message_id"], text, buttons, raw["from"]["is_bot"], raw)

    @property
    def labels(self) -> list[str]:
        """The text of every inline button, row after row."""
        return [text for row in self.buttons for text, _ in row]

    def button_data(self, label: str) -> str:
        """The callback data of the button showing `label`; fails listing the buttons there are."""
        for row in self.buttons:
            for text, data in row:
                if text == label:
                    return data
        raise AssertionError(
            f"no button {label!r} on message {self.message_id} ({self.text!r}); "
            f"buttons: {self.labels}"
        )
