"""Repeats of a follow-up: ``every [N] day|week|fortnight|month|year [on <weekday>]``,
``every [N] <weekday>``, ``every other monday``; and when the first one falls due."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from bot.recurrence import MAX_INTERVAL, Freq, Recurrence, next_occurrence
from bot.services.followups.dates import DEFAULT_TIME, Clock, FollowupParseError, When, when_at
from bot.services.parsing import vocab


@vocab.per_language
def _words() -> dict[str, Any]:
    return vocab.load("followups")["repeat"]


def _numbers() -> dict[str, int]:
    spelled = {
        word: int(value)
        for word, value in vocab.common()["numbers"].items()
        if isinstance(value, int) and word not in ("a", "an", "single", "couple")
    }
    return {**spelled, **_words()["counts"]}


def _units() -> dict[str, tuple[Freq, int]]:
    return {unit: (freq, factor) for unit, (freq, factor) in _words()["units"].items()}


def _alternatives(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first so ``tues`` wins over ``tue``."""
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


@vocab.per_language
def _pattern() -> re.Pattern[str]:
    weekday = _alternatives(vocab.calendar_names()[1])
    every, on = _words()["every"], _words()["on"]
    return re.compile(
        rf"{every}\s+(?:(?P<count>[0-9]{{1,6}}|{_alternatives(_numbers())})\s+)?"
        rf"(?:(?P<unit>{_alternatives(_units())})s?(?:\s+{on}\s+(?P<on_day>{weekday})s?)?"
        rf"|(?P<weekday>{weekday})s?)\b",
        re.IGNORECASE,
    )


def match(text: str) -> re.Match[str] | None:
    """The repeat at the start of ``text``, if it is one."""
    return _pattern().match(text)


def recurrence_of(found: re.Match[str]) -> Recurrence:
    """The Recurrence a matched ``every ...`` names; refuse 0 and absurd intervals."""
    count_text = (found["count"] or "1").lower()
    count = _numbers().get(count_text) or int(count_text)
    freq, factor = _units()[found["unit"].lower()] if found["unit"] else ("weekly", 1)
    interval = count * factor
    if not 1 <= interval <= MAX_INTERVAL[freq]:
        raise FollowupParseError(
            "followup_parsing.bad_interval",
            interval=interval,
            unit=f"{Recurrence(freq).unit}s",
            maximum=MAX_INTERVAL[freq],
        )
    return Recurrence(freq, interval)


def weekday_of(found: re.Match[str]) -> int | None:
    """The weekday a repeat names ("every monday", "every 2 weeks on friday"), if any."""
    name = found["on_day"] or found["weekday"]
    return vocab.calendar_names()[1][name.lower()] if name else None


def leading_start(words: list[str], clock: Clock) -> tuple[When | None, int]:
    """The start of a repeat, perhaps after ``from``/``starting``; (None, 0) when none."""
    lowered = " ".join(words).lower()
    for lead in _words()["starts"]:
        if lowered.startswith(lead + " "):
            skipped = len(lead.split())
            found = when_at(words, skipped, clock)
            if found is not None:
                return found[0], found[1] + skipped
    found = when_at(words, 0, clock) if words else None
    return found if found is not None else (None, 0)


def first_occurrence(
    recurrence: Recurrence, weekday: int | None, start: When | None, clock: Clock
) -> datetime:
    """The first due moment after now: from the start, the weekday, or one interval ahead."""
    if start is not None:
        first = start.local
    else:
        first = datetime.combine(clock.base.date(), DEFAULT_TIME)
        if weekday is None:
            first += recurrence.step()
    if weekday is not None:
        first += timedelta(days=(weekday - first.weekday()) % 7)
    if start is not None and start.local == first and start.due_at > clock.now:
        return start.due_at  # exact, even for "in 90 minutes" across a clock change
    return next_occurrence(first, recurrence, clock.timezone, clock.now)
