"""/language: the languages as buttons (one press), for oneself or, for a guardian, the group."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.texts import escape, languages, t
from models import Child, Person


def _buttons(owner: int, action: str) -> list[list[Button]]:
    """Each language under its own name (English, Español, Русский), on one row."""
    return [
        [Button(t(f"language.name.{code}", code), Callback("lang", owner, action, code))]
        for code in languages()
    ]


def menu(person: Person, language: str | None = None) -> Reply:
    """Which language the bot should write to this person in."""
    return Reply(t("language.ask", language), _buttons(person.id, "me"))


def team_menu(child: Child, language: str | None = None) -> Reply:
    """Which language the bot should write in, in the team's group (for a guardian)."""
    return Reply(
        t("language.team_ask", language, child=escape(child.name)), _buttons(child.id, "team")
    )


def saved(language: str | None) -> Reply:
    """Said in the language just chosen."""
    return Reply(t("language.set", language))


def team_saved(child: Child) -> Reply:
    """Said in the group's new language."""
    return Reply(t("language.team_set", child.language, child=escape(child.name)))
