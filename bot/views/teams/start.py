"""Welcome, help and the bot's hello in a new group."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.teams.permissions import Command
from bot.texts import t
from bot.views.common import escape


def welcome(first_name: str, language: str | None) -> Reply:
    return Reply(
        t("start.welcome", language, name=escape(first_name)),
        [
            [Button(t("start.button_new_team", language), Callback("menu", 0, "newchild"))],
            [Button(t("start.button_invitation", language), Callback("menu", 0, "invitation"))],
            [Button(t("start.button_help", language), Callback("menu", 0, "help"))],
        ],
    )


def invitation_hint(language: str | None) -> Reply:
    return Reply(t("start.invitation_hint", language))


def help_text(commands: list[Command], language: str | None) -> Reply:
    """The commands this person may use here, one line each."""
    lines = [t("help.title", language), t("help.common", language)]
    lines += [t(command.text, language) for command in commands]
    return Reply("\n".join(lines))


def group_hello() -> Reply:
    return Reply(t("start.group_hello"))
