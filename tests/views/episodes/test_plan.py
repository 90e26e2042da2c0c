"""The seizure action plan: the plan, its emergency threshold, and how to change them."""

from __future__ import annotations

from bot.services.episodes.plan import Plan
from bot.views.episodes import plan as views
from models import Child


def test_the_plan_shows_its_threshold_and_how_to_change_it_to_who_may() -> None:
    lily = Child(
        id=7, name="Lily", timezone="UTC", action_plan="Time it.", emergency_threshold_seconds=180
    )

    editor, reader = views.plan(Plan(lily, True)), views.plan(Plan(lily, False))

    assert editor.text.splitlines()[:4] == [
        "<b>Lily's seizure action plan</b>",
        "Time it.",
        "",
        "🚨 Reports of 3 min or more, or severe with an injury, are urgent and carry this plan.",
    ]
    assert "/plan set" in editor.text and "/plan set" not in reader.text


def test_without_a_plan_it_says_none_is_written_yet() -> None:
    lily = Child(id=7, name="Lily", timezone="UTC", emergency_threshold_seconds=300)

    lines = views.plan(Plan(lily, False)).text.splitlines()

    assert lines == [
        "<b>Lily's seizure action plan</b>",
        "No plan written yet.",
        "",
        "🚨 Reports of 5 min or more, or severe with an injury, are urgent and carry this plan.",
    ]


def test_the_plan_and_the_name_are_escaped() -> None:
    lily = Child(
        id=7,
        name="Lily & Tom",
        timezone="UTC",
        action_plan="<b>call</b> 999",
        emergency_threshold_seconds=90,
    )

    lines = views.plan(Plan(lily, False)).text.splitlines()

    assert lines[:2] == [
        "<b>Lily &amp; Tom's seizure action plan</b>",
        "&lt;b&gt;call&lt;/b&gt; 999",
    ]
    assert "1 min 30 s or more" in lines[3]


def test_a_change_just_saved_is_confirmed_above_the_plan() -> None:
    lily = Child(
        id=7, name="Lily", timezone="UTC", action_plan="Time it.", emergency_threshold_seconds=180
    )

    saved_plan = views.plan(Plan(lily, True, changed="plan")).text.splitlines()
    saved_threshold = views.plan(Plan(lily, True, changed="threshold")).text.splitlines()

    assert saved_plan[:3] == [
        "✅ Saved. The plan is shown with every urgent report.",
        "",
        "<b>Lily's seizure action plan</b>",
    ]
    assert saved_threshold[0] == "✅ Saved. The new threshold counts from the next report."
    assert saved_plan[-1] == (
        "To change it: <code>/plan set</code> and the plan, or <code>/plan threshold 3m</code>."
    )
