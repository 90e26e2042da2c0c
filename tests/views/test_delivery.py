"""What the group is told when a member cannot get private messages."""

from __future__ import annotations

from bot.views import delivery as views


def test_the_group_is_told_who_cannot_get_private_messages_and_what_to_do() -> None:
    reply = views.private_delivery_disabled("Mr Brown")

    assert reply.text == (
        "I couldn't send Mr Brown a private message, so they'll get updates here in the group. "
        "To get them privately too, Mr Brown can open a chat with me and press <b>Start</b>."
    )
    assert reply.buttons == []


def test_the_name_is_escaped_each_time_it_appears() -> None:
    text = views.private_delivery_disabled("<b>Bo</b>").text

    assert text.count("&lt;b&gt;Bo&lt;/b&gt;") == 2 and "<b>Bo</b>" not in text
