"""/language: one button per language, each under its own name, for oneself or the group."""

from __future__ import annotations

import pytest

from bot import callbacks
from bot.texts import languages, t
from bot.views.teams import languages as views
from models import Child, Person

ANNA = Person(id=7, telegram_user_id=1001, first_name="Anna", language_code="es")
LILY = Child(id=3, name="Lily <3", timezone="Europe/Madrid", language="ru")


def test_each_language_is_offered_under_its_own_name() -> None:
    reply = views.menu(ANNA, "es")

    labels = [row[0].text for row in reply.buttons]
    assert labels == [t(f"language.name.{code}", code) for code in languages()]
    assert {"English", "Español", "Русский"} <= set(labels)
    assert reply.text == t("language.ask", "es")


@pytest.mark.parametrize("code", ["en", "es", "ru"])
def test_a_press_says_which_person_and_which_language(code: str) -> None:
    presses = {row[0].callback.arg: row[0].callback for row in views.menu(ANNA, "en").buttons}

    data = presses[code].pack()
    assert callbacks.parse(data) == callbacks.Callback("lang", ANNA.id, "me", code)


def test_the_groups_menu_names_the_child_escaped_and_is_about_the_team() -> None:
    reply = views.team_menu(LILY, "en")

    assert "Lily &lt;3" in reply.text
    assert {row[0].callback.action for row in reply.buttons} == {"team"}
    assert {row[0].callback.id for row in reply.buttons} == {LILY.id}


def test_the_choice_is_confirmed_in_the_language_just_chosen() -> None:
    assert views.saved("ru").text == t("language.set", "ru") != t("language.set", "en")
    assert views.team_saved(LILY).text == t("language.team_set", "ru", child="Lily &lt;3")
