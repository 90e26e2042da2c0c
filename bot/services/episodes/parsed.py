"""What the one-line parser makes of a report: the record, and at most one question about it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from bot.services.errors import DomainError
from models.episode import DurationBound, EpisodeKind, Intensity, TimePrecision

TEXTS = "episode_parsing."
SKEW = timedelta(minutes=2)  # a phone's clock and ours may disagree a little about "now"
MAX_DURATION_SECONDS = 24 * 3600
MAX_COUNT = 1000
MAX_AGO = timedelta(days=31)
QUOTE_LIMIT = 60  # a refusal quotes at most this much of what was typed


@dataclass(frozen=True)
class Option:
    """One likely answer to a question: its label ("20:00", "3 min") and what it sets.

    ``fields`` maps ParsedEpisode field names to values in JSON form (datetimes as ISO 8601
    in UTC, enums as their values), so a flow can keep it and ``answer`` can apply it.
    """

    label: str
    fields: dict[str, Any]


@dataclass(frozen=True)
class Question:
    """The one thing a report left open, to ask its reporter with buttons.

    ``kind`` names the text (``episode_parsing.question.<kind>``): "time_of_day" (a part of
    the day or a day: about what time?), "am_pm" (7 — morning or evening?), "which_time",
    "which_duration", "which_count", "number" ("1,000 s": 1 s or 1000 s?) and "rescue_time"
    (3 min — when the medicine was given?). ``phrase`` is the words it is about, as typed;
    ``params`` fill the text's other placeholders. The first option is what was saved, except
    for "number", where nothing was. ``type_it`` offers typing the answer instead.
    """

    kind: str
    phrase: str
    options: tuple[Option, ...]
    type_it: bool = False
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedEpisode:
    """One episode read from a line; times are aware and in UTC.

    body_parts: arms, left_arm, right_arm, legs, left_leg, right_leg, face, head_neck, trunk,
    whole_body, left_side, right_side ("arms" means an arm or both, side unknown).
    setting: home, school, outside, car, sleep, waking.
    triggers: fatigue, stress, poor_sleep, illness, missed_dose, flashing_lights, startle,
    excitement, exertion.

    A duration is one value (``duration_seconds``; "about 2 min" is 2 min: a typed length is
    an estimate anyway), or with ``duration_bound`` a range (seconds to max seconds), "under"
    (max only) or "over" (seconds only). A count is ``jerk_count``, with ``count_max`` for a
    range ("8-10 jerks") or "under N", and ``count_approximate`` for "about 10" or "a couple";
    "several jerks" has no count at all (a series, not counted). ``time_precision`` says how
    the start was given; ``time_given`` whether it was at all (else it is the time of sending).
    ``text_as_typed`` and ``question`` describe the reading, not the record: they are left
    out of comparisons, so a line and its rendering read as equal records.
    """

    occurred_at: datetime
    window_end_at: datetime | None = None
    duration_seconds: int | None = None
    jerk_count: int | None = None
    kind: EpisodeKind | None = None
    body_parts: tuple[str, ...] = ()
    intensity: Intensity | None = None
    setting: str | None = None
    triggers: tuple[str, ...] = ()
    rescue_medication: str | None = None
    injury: bool = False
    observer: str | None = None
    notes: str | None = None
    time_given: bool = False
    time_precision: TimePrecision = TimePrecision.EXACT
    duration_max_seconds: int | None = None
    duration_bound: DurationBound | None = None
    count_max: int | None = None
    count_approximate: bool = False
    no_rescue: bool = False
    text_as_typed: str = field(default="", compare=False)
    question: Question | None = field(default=None, compare=False)

    @property
    def longest_seconds(self) -> int | None:
        """The longest the episode may have lasted as read: a range's upper end counts."""
        values = [v for v in (self.duration_seconds, self.duration_max_seconds) if v is not None]
        return max(values, default=None)


_DATETIMES = frozenset({"occurred_at", "window_end_at"})
_ENUMS = {"time_precision": TimePrecision, "duration_bound": DurationBound}


def answer(parsed: ParsedEpisode, option: Option) -> ParsedEpisode:
    """The record with a chosen option's values in place, and no question left."""
    values: dict[str, Any] = {}
    for name, value in option.fields.items():
        if name in _DATETIMES and value is not None:
            value = datetime.fromisoformat(value)
        elif name in _ENUMS and value is not None:
            value = _ENUMS[name](value)
        values[name] = value
    return replace(parsed, **values, question=None)


class EpisodeParseError(DomainError):
    """A line that can't be saved as it stands; nothing was recorded."""

    key = "episode_parsing.nothing_recognised"

    def __init__(self, reason: str, **params: Any) -> None:
        """Refuse for ``reason`` ("future_time" or "episode_parsing.future_time")."""
        # As typed (the handler kit escapes every refusal's params for HTML), a long word
        # quoted in part so that the refusal always fits in a message.
        key = reason if reason.startswith(TEXTS) else f"{TEXTS}{reason}"
        super().__init__(key, **{name: _quote(str(v)) for name, v in params.items()})


def _quote(words: str) -> str:
    """At most QUOTE_LIMIT characters of ``words``, ending in "…" if cut."""
    return words if len(words) <= QUOTE_LIMIT else words[: QUOTE_LIMIT - 1] + "…"
