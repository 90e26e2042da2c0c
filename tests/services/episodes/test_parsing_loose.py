"""Lines as people write them (issue 13): saved with what was understood, at most one question.

The first table holds the lines the parser refused before and now saves (they were rows of the
refusal table in test_parsing.py).
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.parsing import (
    EpisodeParseError,
    ParsedEpisode,
    answer,
    parse_episode,
    render_episode_line,
)
from bot.services.episodes.report import fields, is_urgent
from bot.texts import has, t
from models import Child, Episode
from models.episode import DurationBound as B
from models.episode import EpisodeKind as K
from models.episode import Intensity as I
from models.episode import TimePrecision as P
from tests.services.episodes.test_parsing import (
    ANY_TEXT,
    EVENING,
    LONDON,
    NOW,
    NOWS,
    SETTINGS,
    ZONES,
    local,
    numbers_in,
    numbery_lines,
    readings,
)

MORNING = local("2026-11-25 10:00")


def case(text: str, *, now: datetime = NOW, ask: str | None = None, **expected: Any) -> Any:
    """A row: ``text`` read at ``now`` in London has these fields and asks ``ask``."""
    for name in ("at", "until"):
        if name in expected:
            expected["occurred_at" if name == "at" else "window_end_at"] = local(expected.pop(name))
    return pytest.param(text, now, expected, ask, id=text)


def check(text: str, now: datetime, expected: dict[str, Any], ask: str | None) -> ParsedEpisode:
    episode = parse_episode(text, now=now, timezone=LONDON)
    assert {name: getattr(episode, name) for name in expected} == expected
    assert (episode.question.kind if episode.question else None) == ask
    assert episode.text_as_typed == text
    return episode


REFUSED_BEFORE = [
    case("at 7", at="2026-11-25 07:00", time_given=True),  # 19:00 is still to come
    case("yesterday", at="2026-11-24 12:00", time_precision=P.DAY, ask="time_of_day"),
    case(
        "2026-11-20 cluster",
        at="2026-11-20 12:00",
        time_precision=P.DAY,
        kind=K.CLUSTER,
        ask="time_of_day",
    ),  # fmt: skip
    case("2m 3m", duration_seconds=180, ask="which_duration"),  # the longer one, to be safe
    case("30s cluster 45 sec", duration_seconds=45, kind=K.CLUSTER, ask="which_duration"),
    case("10:15 11:00", at="2026-11-25 10:15", ask="which_time"),
    case("10:15 20 min ago", at="2026-11-25 10:15", ask="which_time"),
    case("yesterday 20 min ago", at="2026-11-25 14:40", ask="which_time"),
    case("yesterday today 10:00", at="2026-11-24 10:00", ask="which_time"),
    case("5 jerks x3", jerk_count=5, kind=K.CLUSTER, ask="which_count"),
    case("1,000 s", duration_seconds=None, ask="number"),  # 1 s or 16 min 40 s: nothing urgent
    case("1.500 min", duration_seconds=90),  # 1500 minutes is longer than a day: 1.5 it is
]

ISSUE_EXAMPLES = [
    case(
        "this morning around 7 several jerks in both arms when waking up, lasted maybe a minute",
        at="2026-11-25 07:00",
        time_precision=P.ABOUT,
        kind=K.CLUSTER,
        jerk_count=None,
        body_parts=("arms",),
        setting="waking",
        duration_seconds=60,
        notes=None,
    ),  # fmt: skip
    case(
        "5 min clonic, gave buccal midazolam 5mg at 3 min",
        duration_seconds=300,
        kind=K.GENERALIZED,
        rescue_medication="buccal midazolam 5 mg at 3 min",
        ask="rescue_time",
    ),  # fmt: skip
    case(
        "yesterday evening 2 myoclonic jerks, very tired, late bedtime",
        at="2026-11-24 20:00",
        time_precision=P.PART_OF_DAY,
        jerk_count=2,
        triggers=("fatigue", "poor_sleep"),
        notes=None,
        ask="time_of_day",
    ),  # fmt: skip
    case(
        "twelve jerks this morning before school",
        jerk_count=12,
        at="2026-11-25 07:30",
        time_precision=P.PART_OF_DAY,
        notes=None,
        ask="time_of_day",
    ),  # fmt: skip
    case("at 7.30 a.m. 3 jerks", at="2026-11-25 07:30", time_precision=P.EXACT, jerk_count=3),
    case(
        "approx. 2-3 min", duration_seconds=120, duration_max_seconds=180, duration_bound=B.RANGE
    ),  # fmt: skip
    case(
        "had 3 jerks at breakfast, dropped her spoon",
        jerk_count=3,
        at="2026-11-25 07:30",
        notes="dropped her spoon",
        ask="time_of_day",
    ),  # fmt: skip
]

FORMS = [
    case("7am x2", at="2026-11-25 07:00", jerk_count=2),
    case("8:15pm fall", now=EVENING, at="2026-11-25 20:15", kind=K.FALL),
    case("19h30 single jerk", now=EVENING, at="2026-11-25 19:30", kind=K.SINGLE_JERK),
    case(
        "around 6 this evening twitches",
        now=EVENING,
        at="2026-11-25 18:00",
        time_precision=P.ABOUT,
        kind=K.CLUSTER,
    ),  # fmt: skip
    case("half an hour ago jerk", at="2026-11-25 14:30", kind=K.SINGLE_JERK),
    case("10 min ago 4x", at="2026-11-25 14:50", jerk_count=4),
    case("just now big jerk", at="2026-11-25 15:00", time_precision=P.ABOUT, intensity=I.SEVERE),
    case("at 11 cluster", at="2026-11-25 11:00", kind=K.CLUSTER),
    case("at 11 jerks", jerk_count=11),  # "11 jerks" is a count: the longer reading wins
    case(
        "around 2am jerks in her sleep",
        at="2026-11-25 02:00",
        time_precision=P.ABOUT,
        setting="sleep",
    ),  # fmt: skip
    case("at 7 fall", now=EVENING, at="2026-11-25 19:00", ask="am_pm"),  # 07:00 or 19:00
    case("Tuesday 19:00 x4", at="2026-11-24 19:00", jerk_count=4),  # the last Tuesday
    case("monday 8am x2", at="2026-11-23 08:00"),
    case("yesterday at 21:15 fit 2 mins", at="2026-11-24 21:15", duration_seconds=120),
    case("24.11. 21:00 fall", at="2026-11-24 21:00", kind=K.FALL),
    case("24 Nov 21:00 fall", at="2026-11-24 21:00", kind=K.FALL),
    case(
        "between 6:30 and 7:15 about 20 jerks",
        at="2026-11-25 06:30",
        until="2026-11-25 07:15",
        jerk_count=20,
        count_approximate=True,
    ),  # fmt: skip
    case("6:30-7:15 x15", at="2026-11-25 06:30", until="2026-11-25 07:15", jerk_count=15),
    case(
        "last night jerks", at="2026-11-25 01:00", time_precision=P.PART_OF_DAY, ask="time_of_day"
    ),  # fmt: skip
    case(
        "after lunch 8-10 jerks",
        at="2026-11-25 13:30",
        jerk_count=8,
        count_max=10,
        kind=K.CLUSTER,
        ask="time_of_day",
    ),  # fmt: skip
    case("at nap time twitches", setting="sleep", time_precision=P.PART_OF_DAY, ask="time_of_day"),
    case(
        "this evening jerks",
        now=local("2026-11-25 19:10"),
        at="2026-11-25 19:10",
        time_precision=P.PART_OF_DAY,
        ask="time_of_day",
    ),  # not 20:00 yet: saved as sent
    case("1,5 min", duration_seconds=90),
    case("90 sec", duration_seconds=90),
    case("~2 minutes", duration_seconds=120, duration_bound=None),
    case(
        "under 10 s jerk", duration_seconds=None, duration_max_seconds=10, duration_bound=B.UNDER
    ),  # fmt: skip
    case("more than 5 min", duration_seconds=300, duration_bound=B.OVER),
    case("an hour and a half", duration_seconds=5400),
    case("x4", jerk_count=4),
    case("4x", jerk_count=4),
    case("jerked 5 times", jerk_count=5, kind=K.CLUSTER),
    case("8-10 jerks", jerk_count=8, count_max=10, count_approximate=False),
    case("about 10 jerks", jerk_count=10, count_approximate=True),
    case("a couple of jerks", jerk_count=2, count_approximate=True),
    case("a few jerks", jerk_count=None, kind=K.CLUSTER),  # not counted: no number invented
    case("in class", setting="school"),
    case("during the lesson", setting="school"),
    case("in PE", setting="school"),
    case("playground", setting="outside"),
    case("on the school bus", setting="car"),
    case("in the bath", setting="home"),
    case("at grandma's seizure", setting="home"),
    case("falling asleep", setting="sleep"),
    case("on waking", setting="waking"),
    case("late bedtime", triggers=("poor_sleep",)),
    case("exam stress", triggers=("stress",)),
    case("maths test", triggers=("stress",)),
    case("high fever", triggers=("illness",)),
    case("missed her evening dose", triggers=("missed_dose",)),
    case("screens", triggers=("flashing_lights",)),
    case("after PE", triggers=("exertion",)),
    case("gave Epistatus", rescue_medication="midazolam"),
    case("Stesolid 5mg", rescue_medication="diazepam 5 mg"),
    case("Diastat given", rescue_medication="diazepam"),
    case("valtoco", rescue_medication="diazepam"),
    case("nayzilam", rescue_medication="midazolam"),
    case("gave nothing, 2 min", no_rescue=True, rescue_medication=None),
    case("no meds given", no_rescue=True),
    case("no rescue needed", no_rescue=True),
    case("very tierd, sezure 1,5 min", triggers=("fatigue",), duration_seconds=90, notes=None),
    case("myclonic jerks, exhuasted", kind=K.CLUSTER, triggers=("fatigue",), notes=None),
]


@pytest.mark.parametrize(("text", "now", "expected", "ask"), REFUSED_BEFORE)
def test_a_line_refused_before_is_now_saved(
    text: str, now: datetime, expected: dict[str, Any], ask: str | None
) -> None:
    check(text, now, expected, ask)


@pytest.mark.parametrize(("text", "now", "expected", "ask"), ISSUE_EXAMPLES + FORMS)
def test_a_loose_line_reads_as_meant(
    text: str, now: datetime, expected: dict[str, Any], ask: str | None
) -> None:
    check(text, now, expected, ask)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("tomorrow evening jerks", "future_time"),
        ("this evening jerks", "future_time"),  # at 15:00 the evening has not begun
        ("around 6 this evening jerks", "later_today"),
        ("28/11 19h30 fall", "future_time"),
        ("lasted 2 days", "duration_too_long"),
        ("25:99 jerks", "bad_clock"),
        ("31/11 jerks", "bad_date"),
        ("banana smoothie", "nothing_recognised"),
    ],
)
def test_only_what_cant_be_true_or_says_nothing_is_refused(text: str, key: str) -> None:
    with pytest.raises(EpisodeParseError) as refused:
        parse_episode(text, now=NOW, timezone=LONDON)
    assert refused.value.key == f"episode_parsing.{key}"


def test_a_part_of_the_day_asks_about_what_time_with_its_likely_times() -> None:
    episode = parse_episode("yesterday evening 2 jerks", now=NOW, timezone=LONDON)
    question = episode.question
    assert question is not None and question.type_it
    assert (question.kind, question.phrase) == ("time_of_day", "evening")
    assert [option.label for option in question.options] == [
        "2026-11-24 18:00", "2026-11-24 20:00", "2026-11-24 22:00",
    ]  # fmt: skip
    chosen = answer(episode, question.options[2])
    assert (chosen.occurred_at, chosen.time_precision) == (local("2026-11-24 22:00"), P.ABOUT)
    assert chosen.question is None and chosen.jerk_count == 2
    assert t(f"episode_parsing.question.{question.kind}", phrase=question.phrase)


def test_only_times_that_have_passed_are_offered() -> None:
    episode = parse_episode("this morning jerks", now=MORNING, timezone=LONDON)
    assert episode.question is not None
    assert [option.label for option in episode.question.options] == ["07:00", "09:00"]


def test_a_medicine_given_at_a_minute_asks_whether_that_is_how_long_it_lasted() -> None:
    episode = parse_episode("5 min clonic, gave buccal midazolam 5mg at 3 min", now=NOW,
                            timezone=LONDON)  # fmt: skip
    question = episode.question
    assert question is not None
    assert (question.phrase, question.params) == ("3 min", {"medicine": "midazolam"})
    kept, lasted = question.options
    assert answer(episode, kept) == episode
    shorter = answer(episode, lasted)
    assert (shorter.duration_seconds, shorter.rescue_medication) == (180, "buccal midazolam 5 mg")


def test_an_ambiguous_number_saves_no_duration_and_asks() -> None:
    episode = parse_episode("1,000 s arms", now=NOW, timezone=LONDON)
    assert episode.duration_seconds is None and episode.body_parts == ("arms",)
    assert episode.question is not None
    assert [o.fields["duration_seconds"] for o in episode.question.options] == [1, 1000]


def test_every_question_has_a_text() -> None:
    for kind in ("time_of_day", "am_pm", "which_time", "which_duration", "which_count",
                 "number", "rescue_time", "type_it"):  # fmt: skip
        assert has(f"episode_parsing.question.{kind}")


def test_the_line_is_kept_verbatim_and_the_note_is_never_a_mangled_remainder() -> None:
    text = "had 3 jerks at breakfast, dropped her spoon"
    episode = parse_episode(text, now=NOW, timezone=LONDON)
    assert fields(episode)["text_as_typed"] == text
    assert episode.notes == "dropped her spoon"


# Properties

SPAN = re.compile(r"(?<![0-9.,:/-])([0-9]+(?:[.,][0-9]+)?)[-–—]([0-9]+(?:[.,][0-9]+)?)(?![0-9:/-])")


def numbers_with_ranges(text: str) -> list[Decimal]:
    """The numbers written whole, and both ends of a range written "2-3"."""
    ends = [Decimal(n.replace(",", ".")) for found in SPAN.finditer(text) for n in found.groups()]
    return numbers_in(text) + ends


WHOLE = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+|[0-9]+")


def counts_in(text: str) -> set[int]:
    """Every whole number written in ``text``: digits (1,000 as a thousand) and number words."""
    numbers = {int(re.sub("[.,]", "", found)) for found in WHOLE.findall(text)}
    words = re.findall(r"[^\W\d_]+", text.lower())
    known = {**vocab.NUMBER_WORDS, **vocab.COUNT_WORDS}
    return numbers | {int(known[w]) for w in words if w in known and known[w] == int(known[w])}


LOOSE_PHRASES = [
    "this morning", "around 7", "yesterday evening", "after lunch", "at nap time", "last night",
    "2-3 min", "approx. 2-3 min", "under 10 s", "over 5 min", "~2 minutes", "8-10 jerks",
    "about 5 jerks", "a couple of jerks", "jerked 5 times", "x4", "gave nothing",
    "gave buccal midazolam 5mg at 3 min", "Buccolam", "very tierd", "sezure", "at 7",
    "half an hour ago", "just now", "Tuesday", "24.11.", "19h30", "7.30 a.m.", "1,000 s",
    "at grandma's", "school bus", "late bedtime", "after PE", "no meds given",
]  # fmt: skip
LOOSE_TEXT = st.lists(st.sampled_from(LOOSE_PHRASES + ["and", "then", "cried", "5"]),
                      max_size=6).map(" ".join)  # fmt: skip
TEXTS = st.one_of(ANY_TEXT, LOOSE_TEXT, numbery_lines())


@SETTINGS
@given(text=TEXTS, now=NOWS, zone=ZONES)
def test_no_line_makes_the_parser_raise(text: str, now: datetime, zone: str) -> None:
    try:
        episode = parse_episode(text, now=now, timezone=zone)
    except EpisodeParseError as refused:
        assert has(refused.key)
        t(refused.key, **refused.params)
        return
    assert episode.text_as_typed == text
    if episode.question is not None:
        assert has(f"episode_parsing.question.{episode.question.kind}")
        assert 1 <= len(episode.question.options) <= 4
        for option in episode.question.options:
            answer(episode, option)  # every option applies


@SETTINGS
@given(text=TEXTS, now=NOWS, zone=ZONES)
def test_a_saved_duration_and_count_are_numbers_written_in_the_line(
    text: str, now: datetime, zone: str
) -> None:
    try:
        episode = parse_episode(text, now=now, timezone=zone)
    except EpisodeParseError:
        return
    seconds = readings(numbers_with_ranges(text))
    for value in (episode.duration_seconds, episode.duration_max_seconds):
        assert value is None or value in seconds, text
    for value in (episode.jerk_count, episode.count_max):
        assert value is None or value in counts_in(text), text


@SETTINGS
@given(text=TEXTS, now=NOWS, zone=ZONES, threshold=st.sampled_from([60, 120, 180, 300, 600]))
def test_an_urgent_relay_never_comes_from_a_half_read_number(
    text: str, now: datetime, zone: str, threshold: int
) -> None:
    """Urgent for its length only if a number written whole, times a unit, reaches the plan."""
    try:
        episode = parse_episode(text, now=now, timezone=zone)
    except EpisodeParseError:
        return
    record = Episode(**fields(episode))
    if is_urgent(record, Child(emergency_threshold_seconds=threshold)) and not (
        episode.intensity == I.SEVERE and episode.injury
    ):
        whole = {s for s in readings(numbers_with_ranges(text)) if s >= threshold}
        assert whole and (episode.longest_seconds or 0) in whole, text


@SETTINGS
@given(text=TEXTS, now=NOWS, zone=ZONES)
def test_a_loose_line_renders_and_reads_back_to_the_same_record(
    text: str, now: datetime, zone: str
) -> None:
    try:
        episode = parse_episode(text, now=now, timezone=zone)
    except EpisodeParseError:
        return
    line = render_episode_line(episode, now=now, timezone=zone)
    assert parse_episode(line, now=now, timezone=zone) == episode, line


def test_the_property_reads_a_thousand_as_a_count() -> None:
    assert {1000, 5} <= counts_in("1,000 jerks x5") and 12 in counts_in("twelve")
    assert Decimal(90) in {Decimal(s) for s in readings(numbers_in("1,5 min"))}
