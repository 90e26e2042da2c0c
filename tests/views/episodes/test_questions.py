"""A report's one question under its receipt, times and ranges as said, the line as typed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.callbacks import parse
from bot.services.episodes.asked import Asked
from bot.services.episodes.history import OpenedEpisode
from bot.services.episodes.parsed import Option, Question
from bot.views.episodes import card as card_views
from bot.views.episodes import history as history_views
from bot.views.episodes import questions as views
from bot.views.episodes import report as report_views
from models.episode import DurationBound, TimePrecision
from tests.views.episode_data import LILY, NOW, card, episode, receipt
from tests.views.screens import labels

LONDON = "Europe/London"
YESTERDAY_EVENING = Question(
    "time_of_day",
    "yesterday evening",
    tuple(
        Option(
            f"2026-11-24 {hour}:00",
            {
                "occurred_at": datetime(2026, 11, 24, hour, tzinfo=UTC).isoformat(),
                "window_end_at": None,
                "time_precision": "about",
            },
        )  # fmt: skip
        for hour in (18, 20, 22)
    ),
    type_it=True,
)
RESCUE = Question(
    "rescue_time",
    "3 min",
    (
        Option("at 3 min", {}),
        Option(
            "3 min",
            {
                "duration_seconds": 180,
                "duration_max_seconds": None,
                "duration_bound": None,
                "rescue_medication": "midazolam",
            },
        ),
    ),  # fmt: skip
    params={"medicine": "<midazolam>"},
)


def test_a_time_question_offers_its_likely_times_and_typing() -> None:
    evening = episode(
        occurred_at=datetime(2026, 11, 24, 20, tzinfo=UTC), time_precision="part_of_day"
    )

    reply = report_views.receipt(receipt(evening, question=Asked(3, YESTERDAY_EVENING)))

    assert reply.text.startswith("⚡ <b>Lily</b> — episode yesterday evening")
    assert reply.text.endswith("\n\n“yesterday evening” — about what time?")
    assert labels(reply)[:4] == ["18:00", "20:00", "22:00", "✍️ Type it"]
    rows = reply.buttons
    assert [b.callback.pack() for b in rows[0]] == [
        "ep:42:ans:3.0",
        "ep:42:ans:3.1",
        "ep:42:ans:3.2",
    ]
    assert rows[1][0].callback.pack() == "ep:42:typeit:3"


def test_the_rescue_question_says_both_readings_and_escapes_the_medicine_in_the_text() -> None:
    reply = report_views.receipt(receipt(episode(duration_seconds=300), question=Asked(1, RESCUE)))

    assert "is that when the &lt;midazolam&gt; was given" in reply.text
    assert labels(reply)[:2] == ["💊 <midazolam> given at 3 min", "⏱ It lasted 3 min"]


def test_typing_is_asked_for_in_private_and_as_a_reply_in_a_group() -> None:
    found = receipt(episode(), question=Asked(1, YESTERDAY_EVENING))

    private = views.typing_prompt(found, in_private=True)
    group = views.typing_prompt(found, in_private=False)

    assert private.text.endswith("Type the time it started, e.g. 20:15 or around 8.")
    assert group.text.endswith(
        "Reply to this message with the time it started, e.g. 20:15 or around 8."
    )
    assert "✍️ Type it" not in labels(private)


def test_an_urgent_report_asks_same_episode_after_it_was_alerted() -> None:
    other = card(episode(id=41, occurred_at=NOW - timedelta(minutes=3)))
    found = receipt(episode(duration_seconds=360), urgent=True, duplicate=other)

    reply = report_views.receipt(found)

    assert "🚨 Saved. The team and every guardian have been alerted." in reply.text
    assert reply.text.endswith("Ms Park reported an episode at 08:57 too. Is it the same one?")
    assert labels(reply)[:2] == ["Yes, the same one", "No, another one"]


def test_approximate_times_are_shown_as_approximate() -> None:
    seven = datetime(2026, 11, 25, 7, tzinfo=UTC)
    moment = card_views.moment

    assert moment(seven, LONDON, NOW, precision=TimePrecision.ABOUT) == "at about 07:00"
    assert moment(seven, LONDON, NOW, precision=TimePrecision.PART_OF_DAY) == "this morning"
    evening = seven - timedelta(hours=11)
    assert moment(evening, LONDON, NOW, precision=TimePrecision.PART_OF_DAY) == "yesterday evening"
    assert (
        moment(seven - timedelta(days=1), LONDON, NOW, precision=TimePrecision.DAY) == "yesterday"
    )
    older = seven - timedelta(days=3)
    assert (
        moment(older, LONDON, NOW, precision=TimePrecision.ABOUT) == "on Sun 22 Nov at about 07:00"
    )


def test_the_history_list_marks_approximate_times() -> None:
    seven = datetime(2026, 11, 25, 7, tzinfo=UTC)

    assert card_views.stamp(episode(occurred_at=seven), LONDON) == "Wed 25 Nov 07:00"
    assert card_views.stamp(episode(occurred_at=seven, time_precision="about"), LONDON) == (
        "Wed 25 Nov ~07:00"
    )
    assert card_views.stamp(episode(occurred_at=seven, time_precision="part_of_day"), LONDON) == (
        "Wed 25 Nov, morning"
    )


def test_ranges_are_shown_as_ranges() -> None:
    lasted = card_views.lasted

    assert lasted(120, 180, DurationBound.RANGE) == "2–3 min"
    assert lasted(10, 30, DurationBound.RANGE) == "10–30 s"
    assert lasted(45, 120, DurationBound.RANGE) == "45 s–2 min"
    assert lasted(None, 10, DurationBound.UNDER) == "under 10 s"
    assert lasted(300, None, DurationBound.OVER) == "over 5 min"


def test_the_detail_view_shows_the_line_as_typed_escaped() -> None:
    typed = "had 3 jerks at breakfast, dropped her <spoon>"
    found = episode(jerk_count=3, notes="dropped her <spoon>", text_as_typed=typed)

    reply = history_views.episode(OpenedEpisode(card(found), LILY, True, NOW), None)

    assert "💬 As typed: “had 3 jerks at breakfast, dropped her &lt;spoon&gt;”" in reply.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(
        [
            "time_of_day",
            "am_pm",
            "which_time",
            "which_duration",
            "number",
            "which_count",
            "rescue_time",
        ]
    ),  # fmt: skip
    fields=st.dictionaries(
        st.sampled_from(["occurred_at", "duration_seconds", "jerk_count", "count_max"]),
        st.one_of(st.none(), st.integers(-5, 10**6), st.text(max_size=30)),
    ),
    label=st.text(max_size=200),
    number=st.integers(1, 10**6),
)
def test_any_question_renders_with_buttons_that_parse(
    kind: str, fields: dict, label: str, number: int
) -> None:
    question = Question(kind, label, (Option(label, fields), Option(label, {})), type_it=True)

    reply = report_views.receipt(receipt(episode(), question=Asked(number, question)))

    assert all(parse(b.callback.pack()) == b.callback for row in reply.buttons for b in row)
    assert all(len(b.text) > 0 for row in reply.buttons for b in row)
