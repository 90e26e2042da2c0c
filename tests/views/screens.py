"""Reading a view's ``Reply`` as a person would: the button labels, and what each button does."""

from __future__ import annotations

from bot import callbacks
from bot.callbacks import Callback
from bot.replies import Button, Reply


def label_rows(reply: Reply) -> list[list[str]]:
    """The button labels, row by row."""
    return [[button.text for button in row] for row in reply.buttons]


def labels(reply: Reply) -> list[str]:
    """The button labels, row after row."""
    return [button.text for row in reply.buttons for button in row]


def button(reply: Reply, label: str) -> Button:
    """The button showing ``label``; fails listing the labels there are."""
    found = [b for row in reply.buttons for b in row if b.text == label]
    assert found, f"no button {label!r}; buttons: {labels(reply)}"
    return found[0]


def sent(callback: Callback | None) -> str:
    """The callback data Telegram would carry back, checked to parse back to the same meaning."""
    assert callback is not None, "the button opens a link, it sends no data"
    data = callback.pack()
    assert len(data.encode()) <= callbacks.MAX_BYTES
    assert callbacks.parse(data) == callback
    return data


def data(reply: Reply, label: str) -> str:
    """The callback data of the button showing ``label``."""
    return sent(button(reply, label).callback)


def all_data(reply: Reply) -> list[str]:
    """The callback data of every button that sends some, row after row."""
    return [sent(b.callback) for row in reply.buttons for b in row if b.callback is not None]


def url(reply: Reply, label: str) -> str:
    """Where the link button showing ``label`` goes."""
    link = button(reply, label).url
    assert link is not None, f"{label!r} sends data, it opens no link"
    return link
