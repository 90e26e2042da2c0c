"""Command menus as setMyCommands takes them: described in the reader's language, within limits."""

from __future__ import annotations

from bot.texts import t
from bot.views.menus import MAX_COMMANDS, MAX_DESCRIPTION, commands


def test_each_command_is_described_in_the_readers_language() -> None:
    menu = commands(["e", "digest"], "ru")

    assert [item["command"] for item in menu] == ["e", "digest"]
    assert menu[0]["description"] == t("language.menu.e", "ru")
    assert menu[0]["description"] != t("language.menu.e", "en")


def test_a_menu_never_passes_telegrams_limits() -> None:
    menu = commands(["e"] * (MAX_COMMANDS + 5), "es")

    assert len(menu) == MAX_COMMANDS
    assert all(0 < len(item["description"]) <= MAX_DESCRIPTION for item in menu)
