"""Cleaning what enters from Telegram: nothing a database refuses, nothing a person wrote lost."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from telegram import Bot, Update

from bot.incoming import clean_json, clean_text, clean_update

FORBIDDEN = {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}


@given(st.text())
def test_cleaned_text_holds_no_control_but_newline_and_tab_and_encodes_as_utf8(text: str) -> None:
    cleaned = clean_text(text)

    assert not FORBIDDEN & set(cleaned)
    cleaned.encode("utf-8")  # no lone surrogate left
    assert clean_text(cleaned) == cleaned


@given(st.text(st.characters(blacklist_categories=["Cc", "Cs"]) | st.sampled_from("\n\t")))
def test_text_without_controls_is_kept_exactly(text: str) -> None:
    assert clean_text(text) == text


def test_controls_go_line_breaks_stay() -> None:
    assert clean_text("30s\x00 fa\x1bce\r\nright\rarm\tnap\x7f") == "30s face\nright\narm\tnap\x7f"
    assert clean_text("\ud83d") == "\ufffd"


@given(
    st.recursive(
        st.text() | st.integers() | st.none(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_every_string_in_json_is_cleaned_and_nothing_else_changes_shape(value: object) -> None:
    cleaned = clean_json(value)

    assert "\\u0000" not in json.dumps(cleaned)
    assert clean_json(cleaned) == cleaned


def test_an_update_is_rebuilt_only_when_it_needs_cleaning() -> None:
    bot = Bot("123:ABC")
    raw = {
        "update_id": 7,
        "message": {
            "message_id": 1,
            "date": 1_700_000_000,
            "chat": {"id": 5, "type": "private"},
            "from": {"id": 5, "is_bot": False, "first_name": "An\x00na"},
            "text": "/e 30s\x00",
        },
    }
    dirty = Update.de_json(raw, bot)
    assert dirty is not None

    cleaned = clean_update(dirty, bot)

    assert cleaned.message is not None and cleaned.message.text == "/e 30s"
    assert cleaned.effective_user is not None and cleaned.effective_user.first_name == "Anna"
    assert cleaned.get_bot() is bot
    assert clean_update(cleaned, bot) is cleaned
