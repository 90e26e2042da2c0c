"""The digest's small pieces: names cut with an ellipsis, escaped after the cut; short dates."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.views.digests.words import NAME_LIMIT, bounded, day_month, short


def test_a_long_name_is_cut_with_an_ellipsis_and_a_short_one_kept() -> None:
    assert short("levetiracetam", 16) == "levetiracetam"
    assert short("valproate sodium extended", 16) == "valproate sodiu…"


@given(st.text(max_size=40))
def test_a_bounded_name_is_cut_before_it_is_escaped(text: str) -> None:
    shown = bounded(text)

    plain = shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert len(plain) <= NAME_LIMIT
    assert "<" not in shown and ">" not in shown


def test_a_day_is_written_in_the_readers_language() -> None:
    assert day_month(date(2026, 11, 3), "en") == "3 Nov"
    assert day_month(date(2026, 11, 3), "es") != day_month(date(2026, 11, 3), "ru")
