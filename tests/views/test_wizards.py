"""What the bot says to a message that answers no question."""

from __future__ import annotations

from bot.views import wizards as views


def test_a_message_nobody_asked_for_points_to_help() -> None:
    reply = views.nothing_waiting(None)

    assert reply.text == (
        "I'm not waiting for an answer from you right now. Send /help to see what I can do."
    )
    assert reply.buttons == []


def test_an_unknown_language_falls_back_to_english() -> None:
    assert views.nothing_waiting("xx").text == views.nothing_waiting(None).text
