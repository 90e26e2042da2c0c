"""The demo's conversation as each person saw it: chat, local time, who, plain text, buttons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.sandbox.client import Chat, Message, SandboxError

INDENT = "   "


@dataclass(frozen=True)
class Seen:
    """What one message showed when it was last printed."""

    body: tuple[str, ...]


def _name(user: dict[str, Any]) -> str:
    return " ".join(part for part in (user.get("first_name"), user.get("last_name")) if part)


def buttons(markup: dict[str, Any] | None) -> list[str]:
    """Each row of a message's buttons as ``[ Label ] [ Label ]``; a reply keyboard marked ⌨."""
    if not markup:
        return []
    if "inline_keyboard" in markup:
        rows, mark = markup["inline_keyboard"], ""
    elif "keyboard" in markup:
        rows, mark = markup["keyboard"], "⌨ "
    else:
        return []
    shown = []
    for row in rows:
        labels = [button if isinstance(button, str) else button.get("text", "") for button in row]
        shown.append(mark + " ".join(f"[ {label} ]" for label in labels))
    return shown


def _service(raw: dict[str, Any], title: str) -> str:
    who, service = _name(raw["from"]), raw["service"]
    if "group_chat_created" in service or "supergroup_chat_created" in service:
        return f"· {who} created the group «{title}» ·"
    if "new_chat_members" in service:
        names = ", ".join(_name(user) for user in service["new_chat_members"])
        return f"· {who} added {names} ·"
    if "left_chat_member" in service:
        return f"· {who} removed {_name(service['left_chat_member'])} ·"
    return f"· {', '.join(service)} ·"


def body_of(raw: dict[str, Any], title: str) -> tuple[str, ...]:
    """A message as plain lines: what it carries, its text, then its buttons."""
    if "service" in raw:
        return (_service(raw, title),)
    lines: list[str] = []
    if "photo" in raw:
        lines.append("🖼 (a picture)")
    if "document" in raw:
        lines.append(f"📎 {raw['document'].get('file_name', 'a file')}")
    text = raw.get("text") if raw.get("text") is not None else raw.get("caption")
    if text:
        lines.extend(text.splitlines() or [""])
    lines.extend(buttons(raw.get("reply_markup")))
    return tuple(lines)


async def _messages(chat: Chat) -> list[Message]:
    """The chat's messages; none yet for a private chat its person has not opened."""
    try:
        return await chat.messages()
    except SandboxError as error:
        if error.status == 404:
            return []
        raise


class Transcript:
    """Prints what is new or changed in the chats it watches, in order, under chat headers."""

    def __init__(self, zone: ZoneInfo, write: Callable[[str], None], now: Callable[[], datetime]):
        self.zone, self.write, self.now = zone, write, now
        self.chats: list[tuple[Chat, str]] = []
        self.seen: dict[tuple[int, int], Seen] = {}
        self.names: dict[int, str] = {}
        self._header: tuple[str, str] | None = None
        self._day: str | None = None

    def watch(self, chat: Chat, title: str, name: str = "") -> None:
        """Print this chat from now on, headed ``title``; ``name`` is a group's own title."""
        self.chats.append((chat, title))
        self.names[chat.id] = name or title

    async def catch_up(self) -> None:
        """Print every message that appeared or changed since the last look."""
        found: list[tuple[int, int, int, str, dict[str, Any], tuple[str, ...], bool]] = []
        for order, (chat, title) in enumerate(self.chats):
            for message in await _messages(chat):
                raw = message.raw
                key = (chat.id, raw["message_id"])
                before = self.seen.get(key)
                body = body_of(raw, self.names[chat.id])
                if before is not None and before.body == body:
                    continue
                self.seen[key] = Seen(body)
                when = raw["date"] if before is None else int(self.now().timestamp())
                found.append((when, order, raw["message_id"], title, raw, body, bool(before)))
        for when, _, _, title, raw, body, edited in sorted(found, key=lambda entry: entry[:3]):
            self._entry(when, title, raw, body, edited=edited)

    def action(self, title: str, text: str) -> None:
        """A step nobody's message shows, such as a tap, under the chat it happened in."""
        self._head(int(self.now().timestamp()), title)
        self.write(f"{INDENT}{text}")

    def note(self, text: str) -> None:
        """A line of the story itself, between the chats."""
        self._header = None
        self.write(f"\n{text}")

    def _entry(
        self, when: int, title: str, raw: dict[str, Any], body: tuple[str, ...], *, edited: bool
    ) -> None:
        self._head(when, title)
        if "service" in raw:
            self.write(f"{INDENT}{body[0]}")
            return
        who = _name(raw["from"]) + (" (edited)" if edited else "")
        first, *rest = body or ("",)
        self.write(f"{INDENT}{who}: {first}")
        pad = INDENT + " " * (len(who) + 2)
        for line in rest:
            self.write(f"{pad}{line}" if line else "")

    def _head(self, when: int, title: str) -> None:
        local = datetime.fromtimestamp(when, UTC).astimezone(self.zone)
        day = f"{local:%A} {local.day} {local:%B}"
        if day != self._day:
            self._day = day
            self.write(f"\n═══ {day} ═══")
            self._header = None
        header = (title, f"{local:%H:%M}")
        if header != self._header:
            self._header = header
            self.write(f"\n{local:%H:%M} · {title}")
