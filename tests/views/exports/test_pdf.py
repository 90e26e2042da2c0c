"""The PDF report reads back: the child and the period on every page, in any alphabet."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from pypdf import PdfReader

from bot.services.digests.period import Period
from bot.views.exports.pdf import render
from tests.views.exports.sample import PERIOD, episode, export, nov


def _pages(content: bytes) -> list[str]:
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    """The page's words with the table's line breaks and padding taken out."""
    return re.sub(r"\s+", " ", text)


def test_every_page_names_the_child_and_the_period_and_is_numbered() -> None:
    pages = _pages(render(export()))
    assert len(pages) >= 3
    for n, text in enumerate(pages, 1):
        assert "Lily · 02 Nov 2026 – 29 Nov 2026" in text
        assert f"Page {n} of {len(pages)}" in text
        assert "Made by CareCircle on 30 Nov 2026 09:00 (Europe/London)" in text


def test_page_one_is_the_digest() -> None:
    first = _flat(_pages(render(export()))[0])
    assert "Digest" in first
    assert "Episodes: 10 (before 7, +43%)" in first
    assert "Is the new dose working?" in first
    assert "📋" not in first  # the fonts have no emoji: they are left out, not shown as boxes


def test_the_episodes_are_listed_with_their_notes_in_full() -> None:
    text = _flat(" ".join(_pages(render(export()))))
    assert "Episodes (3)" in text
    assert "2026-11-03 07:00–07:30 12 jerks" in text
    assert "on waking; poor sleep" in text
    assert "Ms Park (educator)" in text
    assert "midazolam" in text
    note = "Went pale, then slept for an hour in the nurse's room; parents called at 11:20."
    assert f"Notes: {note}" in text


def test_the_medication_history_says_old_new_when_why_who() -> None:
    text = _flat(" ".join(_pages(render(export()))))
    assert "Medication changes (1)" in text  # the start on 1 September is before the period
    row = "2026-11-16 levetiracetam 250 mg at 08:00, 20:00 more jerks Dr Lee (clinician)"
    assert f"{row} → 500 mg at 08:00, 20:00" in text
    since_september = Period(date(2026, 9, 1), PERIOD.last, PERIOD.timezone)
    text = _flat(" ".join(_pages(render(export(period=since_september)))))
    assert "Medication changes (2)" in text
    assert "2026-09-01 08:00 levetiracetam started: 250 mg at 08:00, 20:00" in text


def test_the_adherence_table() -> None:
    text = _flat(_pages(render(export()))[-1])
    assert "Doses given" in text
    assert "levetiracetam 56 50 2 1 3 93" in text


def test_a_cyrillic_or_greek_name_survives() -> None:
    for name in ("Лилия Петрова", "Ελένη"):
        pages = _pages(render(export(name=name)))
        assert all(name in text for text in pages)


def test_a_character_the_fonts_lack_shows_as_a_question_mark() -> None:
    pages = _pages(render(export(name="小明 Ли 🙂")))
    assert all(text.startswith("?? Ли") for text in pages)


def test_a_long_record_runs_over_pages_with_its_header_on_each() -> None:
    many = [episode(n, nov(2) + timedelta(minutes=30 * n), duration_seconds=20) for n in range(400)]
    pages = _pages(render(export(episodes=many)))
    listed = [p for p in pages if "Episodes (400)" in p or "What was seen" in p]
    assert len(listed) >= 4
    assert all("What was seen" in page for page in listed)
    rows = sum(len(re.findall(r"^2026-11-\d\d \d\d:\d\d ", p, re.M)) for p in listed)
    assert rows == 400


def test_no_episodes_says_so() -> None:
    text = _flat(" ".join(_pages(render(export(episodes=[])))))
    assert "Episodes (0) No episodes recorded in this period." in text
