"""What every view shares: escaping people's text, and times in the team's zone."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.views.common import escape, local_time

NOON_UTC = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def test_markup_in_peoples_text_is_shown_not_obeyed() -> None:
    assert escape("<b>Lily</b> & Tom") == "&lt;b&gt;Lily&lt;/b&gt; &amp; Tom"


def test_quotes_are_left_as_typed() -> None:
    assert escape('Tom\'s "big" day') == 'Tom\'s "big" day'


def test_no_text_escapes_to_nothing() -> None:
    assert escape(None) == "" and escape("") == ""


@given(st.text())
def test_escaped_text_has_no_tag_or_entity_of_its_own(text: str) -> None:
    escaped = escape(text)

    assert "<" not in escaped and ">" not in escaped
    assert html.unescape(escaped) == text


def test_a_moment_is_shown_on_the_teams_clock() -> None:
    assert local_time(NOON_UTC, "Europe/London") == "Wed 01 Jul, 13:00"
    assert local_time(NOON_UTC, "America/Los_Angeles", "time") == "05:00"


def test_a_reply_has_no_buttons_or_keyboard_unless_given() -> None:
    reply = Reply("Hello")

    assert (reply.buttons, reply.keyboard) == ([], [])


def test_a_button_either_sends_data_or_opens_a_link() -> None:
    press, link = Button("Go", Callback("menu", 0, "help")), Button("Open", url="https://t.me/x")

    assert (press.callback, press.url) == (Callback("menu", 0, "help"), None)
    assert (link.callback, link.url) == (None, "https://t.me/x")
