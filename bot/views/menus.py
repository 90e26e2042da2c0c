"""A command menu as setMyCommands takes it, described in the reader's language."""

from __future__ import annotations

from bot.texts import t

MAX_COMMANDS = 100
MAX_DESCRIPTION = 256


def commands(names: list[str], language: str | None = None) -> list[dict[str, str]]:
    """Each command with its description (``language.menu.<command>``), within Telegram's limits."""
    return [
        {"command": name, "description": t(f"language.menu.{name}", language)[:MAX_DESCRIPTION]}
        for name in names[:MAX_COMMANDS]
    ]
