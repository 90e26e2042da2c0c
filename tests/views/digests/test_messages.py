"""The digest as sent: a chart with its caption, the figures after it, and the notes it leads to."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.audience import Audience
from bot.sandbox.limits import MAX_CAPTION, MAX_TEXT
from bot.sandbox.markup_core import utf16_len
from bot.sandbox.markup_html import parse_html
from bot.services.digests.period import Period
from bot.services.digests.reads import Read
from bot.views.digests.messages import figures_message, in_private, photo, read_answer, read_notice
from bot.views.digests.text import caption, message
from models import Membership, Person, Role
from tests.views.digests.sample import FIGURES, LILY, child
from tests.views.screens import all_data, labels, url

LATE = (datetime(2026, 11, 30, 8, 0, tzinfo=UTC), "Europe/London")


def test_the_chart_goes_out_as_a_photo_with_the_headline_as_its_caption() -> None:
    reply = photo(FIGURES)

    assert reply.photo is not None and reply.photo.startswith(b"\x89PNG")
    assert reply.text == caption(FIGURES)


def test_a_clinician_can_acknowledge_the_digest_or_reply_to_the_team() -> None:
    reply = figures_message(FIGURES, role=Role.CLINICIAN)

    assert reply.text == message(FIGURES).text
    assert labels(reply) == ["✅ Acknowledge", "💬 Reply to the team"]
    assert all_data(reply) == ["dg:7:ack:20261102.20261129", "dg:7:reply:20261102.20261129"]


def test_others_and_the_group_read_the_figures_without_buttons() -> None:
    assert figures_message(FIGURES, role=Role.GUARDIAN).buttons == []
    assert figures_message(FIGURES).buttons == []


def test_a_late_digest_says_when_it_was_due_on_the_readers_clock() -> None:
    text = figures_message(FIGURES, late=LATE).text

    assert text.startswith("⏰ Late: this digest was due Mon 30 Nov, 08:00.\n\n📋 <b>Lily")


NAMES = st.text(alphabet="&<>\"'xé😀", min_size=0, max_size=200)


@settings(max_examples=30, deadline=None)
@given(name=NAMES)
def test_a_late_digest_of_any_child_still_fits_one_message(name: str) -> None:
    figures = replace(FIGURES, child=child(name or "x"))

    text = figures_message(figures, role=Role.CLINICIAN, late=LATE).text

    assert len(text) <= MAX_TEXT
    assert utf16_len(parse_html(text)[0]) <= MAX_TEXT
    assert utf16_len(parse_html(caption(figures))[0]) <= MAX_CAPTION


def test_in_the_group_the_digest_points_to_the_private_chat() -> None:
    reply = in_private(LILY, "CareCircleBot")

    assert reply.text.startswith("📋 Lily's digest is private: ask me for it in our chat")
    assert url(reply, "Open our chat") == "https://t.me/CareCircleBot"


def _read(first_time: bool) -> Read:
    lee = Person(id=3, telegram_user_id=103, first_name="Dr <Lee>")
    membership = Membership(id=3, child_id=7, person_id=3, role=Role.CLINICIAN)
    period = Period(date(2026, 11, 23), date(2026, 11, 29), "Europe/London")
    return Read(lee, membership, LILY, period, first_time, Audience(7))


def test_the_team_hears_who_read_which_digest() -> None:
    assert read_notice(_read(True)).text == (
        "✅ Dr &lt;Lee&gt; (clinician) has read Lily's digest for 23 Nov – 29 Nov 2026."
    )


def test_the_reader_hears_once_that_the_team_knows() -> None:
    assert read_answer(_read(True)) == "Thanks: the team knows you've read it."
    assert read_answer(_read(False)) == "The team already knows you've read this digest."
