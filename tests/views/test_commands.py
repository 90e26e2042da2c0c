"""Unknown commands: a guess at what was meant, from the commands the bot has registered."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.views.commands import nearest, not_here, unknown

KNOWN = ["start", "help", "digest", "history", "today", "e", "episode", "timer"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("summary", "digest"), ("Summary", "digest"), ("histroy", "history"), ("digets", "digest")],
)
def test_the_nearest_registered_command_is_suggested(typed: str, meant: str) -> None:
    assert nearest(typed, KNOWN) == meant


def test_a_word_for_a_command_that_is_not_registered_suggests_nothing() -> None:
    assert nearest("summary", ["start", "help"]) is None


def test_the_answer_names_the_command_and_the_guess() -> None:
    assert unknown("summary", "digest").text == "I don't know /summary — did you mean /digest?"
    assert unknown("xyzzy", None).text == "I don't know /xyzzy. /help lists what I can do."
    assert not_here("child").text.startswith("/child doesn't work like that here.")


@given(st.text(min_size=1, max_size=64))
def test_any_command_gets_an_answer_and_a_guess_only_from_the_known(typed: str) -> None:
    guess = nearest(typed, KNOWN)

    assert guess is None or guess in KNOWN
    assert unknown(typed, guess).text.startswith("I don't know /")
