"""Text on the PDF's pages: only characters the fonts have, wrapped without losing a word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.views.exports.pdf_page import _glyphs as glyphs
from bot.views.exports.pdf_page import plain, printable, wrap


def test_latin_greek_and_cyrillic_are_kept_as_they_are() -> None:
    for text in ("Lily Smith", "Ελένη Παπαδοπούλου", "Лилия Петрова", "Zoë Ødegård-Łukasz"):
        assert printable(text) == text


def test_emoji_are_left_out_and_other_missing_characters_marked() -> None:
    assert printable("📋 Lily ℹ️") == "Lily"
    assert printable("小明") == "??"


def test_telegram_html_becomes_plain_text() -> None:
    assert plain("📋 <b>Tom &amp; Jerry: 1 Nov</b>") == "Tom & Jerry: 1 Nov"


@given(st.text())
def test_what_is_printed_the_fonts_have(text: str) -> None:
    assert all(ord(char) in glyphs() for char in printable(text))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.integers(4, 60))
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert lines and all(len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
