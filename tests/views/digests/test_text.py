"""The digest text: what a neurologist reads on a phone, within Telegram's limits always."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.sandbox.limits import MAX_CAPTION, MAX_TEXT
from bot.sandbox.markup_core import utf16_len
from bot.sandbox.markup_html import parse_html
from bot.services.digests.episodes import Compared
from bot.services.digests.medicines import Window
from bot.services.doses.adherence import Tally
from bot.services.followups.agenda import Upcoming
from bot.services.medications.regimen import Dosing
from bot.views.digests.text import caption, message
from models import ChangeAction, Followup, ReminderKind
from tests.views.digests.sample import CHANGE, FIGURES, LILY, child, empty, nov


def _section(text: str, title: str) -> list[str]:
    """The lines of the section that starts with ``title``."""
    [found] = [part for part in text.split("\n\n") if part.startswith(title)]
    return found.splitlines()[1:]


def test_the_month_reads_as_a_neurologist_asks() -> None:
    text = message(FIGURES).text

    assert text.split("\n\n")[0].splitlines() == [
        "📋 <b>Lily: 2 Nov – 29 Nov 2026</b>",
        "28 days, compared with the 28 days before (5 Oct – 1 Nov).",
    ]
    assert _section(text, "<b>Better or worse?</b>") == [
        "Episodes: 10 (before 7, +43%)",
        "Days with episodes: 8 of 28 (before 6, +33%)",
        "ℹ️ Small numbers: a change this size can be chance.",
        "Seizure-free days: 20 (longest run 4 in a row)",
        "Jerks a day, on the 2 days with a count: median 9, most 12",
        "Clusters (3+ in 24 h): 1 · 5 min or longer: 1 · rescue medicine: 1",
    ]
    assert _section(text, "<b>Where and when</b>") == [
        "🏠 home 4 · 🏫 school 3 · other 1 · place not said 2",
        "night 1 · morning 5 · afternoon 1 · evening 3 · on waking 1 · in sleep 1",
        "Triggers: tired 2, ill 2, missed dose 1",
        "Within 24 h after a dose not given: 1 (4 doses not given)",
    ]
    assert _section(text, "<b>Is the new dose working?</b>") == [
        "16 Nov <b>levetiracetam</b> 250 mg → 500 mg",
        "   Per 28 days: 11.0 in the 28 days before, 8.0 in the 14 after",
        "   Less than 28 days after it: too soon to judge.",
    ]
    assert _section(text, "<b>Are doses being given?</b>") == [
        "<b>levetiracetam</b>: 93% given · 50 on time, 2 late, 1 skipped, 3 missed",
    ]
    assert _section(text, "<b>How complete is the record?</b>") == [
        "Days with nothing recorded by anyone: 1 of 28",
        "Witnessed (timed, seen by someone named, or reported twice): 3 of 10",
        "Median time from episode to entry: 10 min",
        "Reported by parents 8 · school 3 · others 1",
    ]
    assert _section(text, "<b>Next follow-ups</b>") == [
        "Thu 03 Dec 14:30 neurology review with Dr Lee",
    ]


def test_the_caption_under_the_chart_gives_the_headline() -> None:
    assert caption(FIGURES).splitlines() == [
        "📋 <b>Lily: 2 Nov – 29 Nov 2026</b>",
        "Episodes 10 (before 7, +43%) · days with episodes 8 (before 6, +33%)",
        "Clusters 1 · 5 min or longer 1 · rescue medicine 1",
        "Doses given 93% · days with nothing recorded 1",
    ]


@pytest.mark.parametrize(
    ("episodes", "line"),
    [
        (Compared(5, 5), "Episodes: 5 (before 5, no change)"),
        (Compared(3, 12), "Episodes: 3 (before 12, −75%)"),
        (Compared(4, 0), "Episodes: 4 (none before)"),
    ],
)
def test_the_change_is_said_in_plain_words(episodes: Compared, line: str) -> None:
    figures = replace(FIGURES, frequency=replace(FIGURES.frequency, episodes=episodes))

    assert _section(message(figures).text, "<b>Better or worse?</b>")[0] == line


def test_a_record_younger_than_both_periods_is_flagged() -> None:
    text = message(replace(FIGURES, record_start=date(2026, 10, 20))).text

    assert "ℹ️ The record starts on 20 Oct: the period before is not complete." in text


def test_a_quiet_period_says_so_without_empty_sections() -> None:
    text = message(empty()).text

    assert "<b>Where and when</b>" not in text
    assert _section(text, "<b>Better or worse?</b>")[:3] == [
        "Episodes: 0 (none before)",
        "Days with episodes: 0 of 28 (none before)",
        "Seizure-free days: 28 (longest run 28 in a row)",
    ]
    assert _section(text, "<b>Is the new dose working?</b>") == [
        "No medication changes in this period."
    ]
    assert _section(text, "<b>Next follow-ups</b>") == ["None planned."]


def _window(days: float, episodes: int, end: datetime = nov(16)) -> Window:
    return Window(end - timedelta(days=days), end, days, episodes)


def test_each_kind_of_change_gets_its_verdict() -> None:
    responder = replace(CHANGE, window_after=_window(28, 5, nov(29)))
    titrating = replace(
        CHANGE, steps=2, under_way=True, window_after=None, after=Dosing(Decimal(1000), "mg", ())
    )
    stopped = replace(
        CHANGE,
        medication="clobazam",
        action=ChangeAction.STOP,
        after=None,
        window_before=_window(9.6, 2),
        window_after=_window(28, 2, nov(29)),
    )
    started = replace(
        CHANGE,
        medication="valproate",
        action=ChangeAction.START,
        before=None,
        after=Dosing(Decimal("2.5"), "ml", ()),
        window_before=_window(28, 0),
    )
    cut = replace(started, window_after=_window(7, 1, nov(23)))
    figures = replace(FIGURES, changes=[responder, titrating, stopped, cut, started])

    assert _section(message(figures).text, "<b>Is the new dose working?</b>") == [
        "16 Nov <b>levetiracetam</b> 250 mg → 500 mg",
        "   Per 28 days: 11.0 in the 28 days before, 5.0 in the 28 after",
        "   ✅ Half as many or fewer: a 50% responder.",
        "16 Nov <b>levetiracetam</b> 250 mg → 1000 mg",
        "   Per 28 days: 11.0 in the 28 days before",
        "   Titration under way (2 steps so far): not judged yet.",
        "16 Nov <b>clobazam</b> stopped",
        "   Per 28 days: 5.8 in the 10 days before, 2.0 in the 28 after",
        "   Less than 28 days on the dose before: not judged.",
        "16 Nov <b>valproate</b> started at 2.5 ml",
        "   Per 28 days: 0.0 in the 28 days before, 4.0 in the 7 after",
        "   Another change came within 28 days: not judged.",
        "… and 1 more not shown.",
    ]


def test_beyond_four_medicines_the_rest_are_summed_up() -> None:
    tallies = [Tally(f"medicine {n}", given=3, missed=1) for n in range(6)]

    lines = _section(message(replace(FIGURES, adherence=tallies)).text, "<b>Are doses being")

    assert len(lines) == 5
    assert lines[-1] == "… and 2 more not shown: 75% of their doses given."


def test_what_people_typed_is_escaped_and_cut() -> None:
    lily = child("<Lily> & the <b>very</b> long surname of hers")
    followup = Followup(title="<i>EEG</i> " + "x" * 60, due_at=nov(30, 9), timezone=LILY.timezone)
    figures = replace(
        FIGURES,
        child=lily,
        adherence=[Tally("<script>", given=1)],
        followups=[Upcoming(followup, [datetime(2026, 12, 3, 9, tzinfo=UTC)])],
    )

    text = message(figures).text

    assert text.startswith("📋 <b>&lt;Lily&gt; &amp; the &lt;b&gt;very&lt;/b&gt; long s…: ")
    assert "<b>&lt;script&gt;</b>: 100% given" in text
    assert _section(text, "<b>Next follow-ups</b>") == [
        "Thu 03 Dec 09:00 &lt;i&gt;EEG&lt;/i&gt; " + "x" * 20 + "…"
    ]
    parse_html(text)


WORST = st.text(alphabet="&<>\"'xé😀", min_size=0, max_size=120)
AMPERSANDS = "&" * 120  # each one becomes five characters once escaped


@settings(max_examples=60, deadline=None)
@example(
    **dict.fromkeys(("name", "medicine", "unit", "title", "trigger"), AMPERSANDS),
    changes=12,
    medicines=12,
    followups=6,
    big=10**6,
)
@given(
    name=WORST,
    medicine=WORST,
    unit=WORST,
    title=WORST,
    trigger=WORST,
    changes=st.integers(0, 12),
    medicines=st.integers(0, 12),
    followups=st.integers(0, 6),
    big=st.integers(0, 10**6),
)
def test_any_digest_fits_one_message_and_one_caption(
    name, medicine, unit, title, trigger, changes, medicines, followups, big
) -> None:
    dosing = Dosing((Decimal(big) / 7).quantize(Decimal("0.0001")), unit or "mg", ())
    change = replace(CHANGE, medication=medicine or "x", before=dosing, after=dosing, steps=big)
    upcoming = Upcoming(
        Followup(kind=ReminderKind.CUSTOM, title=title, due_at=nov(30), timezone="UTC"),
        [nov(30)],
    )
    pattern = replace(FIGURES.pattern, triggers=((trigger or "x", big),) * 3)
    figures = replace(
        FIGURES,
        child=child(name),
        pattern=pattern,
        changes=[change] * changes,
        adherence=[Tally(medicine, big, big, big, big)] * medicines,
        followups=[upcoming] * followups,
    )

    text, under = message(figures).text, caption(figures)

    assert len(text) <= MAX_TEXT and len(under) <= MAX_CAPTION
    plain, _ = parse_html(text)
    assert utf16_len(plain) <= MAX_TEXT
    assert utf16_len(parse_html(under)[0]) <= MAX_CAPTION
