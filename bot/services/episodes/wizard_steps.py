"""The guided report's steps: what each asks, the answers each takes, the record they describe."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from typing import Any

from bot import clock
from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.parsing import EpisodeParseError, ParsedEpisode, parse_episode
from bot.services.errors import DomainError
from models import EpisodeKind, Intensity, WizardState
from models.episode import DurationBound, TimePrecision


class ReportStep(enum.StrEnum):
    WHEN = "when"
    TYPED_TIME = "typed_time"
    DURATION = "duration"
    KIND = "kind"
    BODY = "body"
    INTENSITY = "intensity"
    SETTING = "setting"
    TRIGGERS = "triggers"
    RESCUE = "rescue"
    NOTES = "notes"
    STOPPED = "stopped"


DETAILS = (
    ReportStep.KIND,
    ReportStep.BODY,
    ReportStep.INTENSITY,
    ReportStep.SETTING,
    ReportStep.TRIGGERS,
    ReportStep.RESCUE,
)
GUIDED = (ReportStep.WHEN, ReportStep.DURATION, *DETAILS, ReportStep.NOTES)
TIMED = (ReportStep.STOPPED, *DETAILS, ReportStep.NOTES)
OPTIONAL = frozenset({*DETAILS[1:], ReportStep.NOTES})

WHEN_AGO = {"now": 0, "5m": 5, "15m": 15, "1h": 60}  # minutes back
# The answer kept while the flow runs is a typical length inside each range (its label shows
# it); the record keeps the range itself ("under 10 s", "10–30 s", …, "over 5 min").
DURATIONS = {"lt10": 5, "10_30": 20, "30_60": 45, "1_5": 180, "gt5": 300, "unknown": None}
RANGES: dict[int, tuple[int | None, int | None, DurationBound]] = {
    5: (None, 10, DurationBound.UNDER),
    20: (10, 30, DurationBound.RANGE),
    45: (30, 60, DurationBound.RANGE),
    180: (60, 300, DurationBound.RANGE),
    300: (300, None, DurationBound.OVER),
}
KINDS = tuple(kind.value for kind in EpisodeKind)
BODY_PARTS = ("face", "head_neck", "arms", "legs", "trunk", "whole_body", "left_side", "right_side")
INTENSITIES = tuple(intensity.value for intensity in Intensity)
SETTINGS = ("home", "school", "outside", "car", "sleep", "waking")
TRIGGERS = ("fatigue", "poor_sleep", "illness", "missed_dose", "stress", "excitement",
            "startle", "flashing_lights")  # fmt: skip
RESCUES = {"none": None, "midazolam": "midazolam", "clonazepam": "clonazepam",
           "diazepam": "diazepam", "other": vocab.UNSPECIFIED_RESCUE}  # fmt: skip
NOTE_LIMIT = 1000


# A button answer: the step it is shown on, the values it may carry, the answer it sets.
CHOICES: dict[str, tuple[ReportStep, tuple[str, ...], str]] = {
    "when": (ReportStep.WHEN, tuple(WHEN_AGO), "when"),
    "dur": (ReportStep.DURATION, tuple(DURATIONS), "duration_seconds"),
    "kind": (ReportStep.KIND, KINDS, "kind"),
    "body": (ReportStep.BODY, BODY_PARTS, "body_parts"),
    "int": (ReportStep.INTENSITY, INTENSITIES, "intensity"),
    "set": (ReportStep.SETTING, SETTINGS, "setting"),
    "trig": (ReportStep.TRIGGERS, TRIGGERS, "triggers"),
    "resc": (ReportStep.RESCUE, tuple(RESCUES), "rescue"),
}
FIELDS = {step: field for step, _, field in CHOICES.values()}
MANY = frozenset({ReportStep.BODY, ReportStep.TRIGGERS})  # tap several, then Done
# The steps each navigation button is shown on.
NAVIGATION: dict[str, frozenset[ReportStep]] = {
    "typed": frozenset({ReportStep.WHEN}),
    "timer": frozenset({ReportStep.WHEN}),
    "back": frozenset(set(ReportStep) - {ReportStep.WHEN, ReportStep.STOPPED}),
    "skip": OPTIONAL,
    "done": MANY,
    "save": frozenset({ReportStep.NOTES, ReportStep.STOPPED}),
    "more": frozenset({ReportStep.STOPPED}),
}


def parsed(data: dict[str, Any]) -> ParsedEpisode:
    """The record a flow's answers describe."""
    end = data.get("window_end_at")
    seconds = data.get("duration_seconds")
    guided = data.get("origin") != "timer" and seconds in RANGES
    low, high, bound = RANGES[seconds] if guided else (seconds, None, None)
    return ParsedEpisode(
        occurred_at=datetime.fromisoformat(data["occurred_at"]),
        window_end_at=datetime.fromisoformat(end) if end else None,
        duration_seconds=low,
        duration_max_seconds=high,
        duration_bound=bound,
        kind=EpisodeKind(data["kind"]) if data.get("kind") else None,
        body_parts=tuple(data.get("body_parts") or ()),
        intensity=Intensity(data["intensity"]) if data.get("intensity") else None,
        setting=data.get("setting"),
        triggers=tuple(data.get("triggers") or ()),
        rescue_medication=RESCUES.get(data.get("rescue") or "none"),
        notes=data.get("notes"),
        time_given=bool(data.get("time_given")),
        time_precision=TimePrecision(data.get("time_precision") or TimePrecision.EXACT),
    )


def step_of(action: str, arg: str | None) -> ReportStep | None:
    """The step a button was shown on: its choice's, or the one it names."""
    if action in CHOICES:
        return CHOICES[action][0]
    if action in ("typed", "timer"):
        return ReportStep.WHEN
    named = [step for step in ReportStep if step == arg]
    return named[0] if action in NAVIGATION and named else None


def sequence(state: WizardState) -> tuple[ReportStep, ...]:
    return TIMED if state.data.get("origin") == "timer" else GUIDED


def previous(state: WizardState) -> ReportStep:
    if state.step == ReportStep.TYPED_TIME:
        return ReportStep.WHEN
    steps = sequence(state)
    return steps[max(steps.index(ReportStep(state.step)) - 1, 0)]


def note(text: str | None) -> str | None:
    return " ".join((text or "").split())[:NOTE_LIMIT] or None


def ago(minutes: int) -> dict[str, Any]:
    now = clock.now()
    if not minutes:
        return {"occurred_at": now.isoformat(), "time_given": False, "window_end_at": None,
                "time_precision": None}  # fmt: skip
    start = (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0)
    return {"occurred_at": start.isoformat(), "time_given": True, "window_end_at": None,
            "time_precision": None}  # fmt: skip


def typed_time(text: str, timezone: str) -> dict[str, Any]:
    """The start (and end of a window) a typed time names; refuse anything else."""
    try:
        found = parse_episode(text, now=clock.now(), timezone=timezone)
    except EpisodeParseError:
        found = None
    if found is None or not found.time_given:
        raise DomainError("episode_wizard.bad_time")
    end = found.window_end_at.isoformat() if found.window_end_at else None
    return {"occurred_at": found.occurred_at.isoformat(), "time_given": True, "window_end_at": end,
            "time_precision": found.time_precision.value}  # fmt: skip
