"""Reads one line of /followup or /remind text into a title, a due time, a kind and a repeat."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from bot.recurrence import (
    MAX_INTERVAL,
    Freq,
    Recurrence,
    local_to_utc,
    next_occurrence,
    utc_to_local,
    whole_minute,
)
from bot.services.errors import DomainError
from models.reminder import ReminderKind

DEFAULT_TIME = time(9, 0)
MAX_DATE_WORDS = 8
MAX_YEARS_AHEAD = 10


@dataclass(frozen=True)
class ParsedFollowup:
    """What a /followup or /remind line asked for."""

    title: str
    due_at: datetime
    kind: ReminderKind
    recurrence: Recurrence | None
    time_given: bool


class FollowupParseError(DomainError):
    """The line could not be read; ``key`` names the text that says why."""

    key = "followup_parsing.no_date"


@dataclass(frozen=True)
class _Clock:
    """The moment of parsing, in UTC and on the child's wall clock."""

    now: datetime
    timezone: str
    base: datetime

    @classmethod
    def at(cls, now: datetime, timezone: str) -> _Clock:
        """Pin ``now`` (aware) in ``timezone``; the wall time drops microseconds for dateparser."""
        if now.tzinfo is None:
            raise ValueError("now must be an aware datetime")
        base = utc_to_local(now, timezone).replace(microsecond=0)
        return cls(now.astimezone(UTC), timezone, base)


@dataclass(frozen=True)
class _When:
    """A parsed date phrase: the wall time, its UTC instant, and whether a time was said."""

    local: datetime
    due_at: datetime
    time_given: bool


def parse_followup(text: str, *, now: datetime, timezone: str) -> ParsedFollowup:
    """Read ``<when> <what>`` or ``every ... <what>``; raise FollowupParseError if unreadable.

    ``now`` is aware; wall times are read in ``timezone`` and ``due_at`` is aware UTC, on a
    whole minute.

    - The date phrase is the longest run of leading words dateparser understands (English,
      future dates preferred); the rest is the title.
    - Numeric dates are day first: ``3/12`` is 3 December. ISO dates and month names are
      unambiguous.
    - A date without a time falls due at 09:00 local, with ``time_given=False``.
    - ``in 2 hours`` is elapsed time from now, even across a clock change, on the minute the
      clock shows: at 10:00:40, ``in 10 minutes`` is 10:10 (a few seconds is the next minute).
    - Seconds of a typed time are dropped: follow-ups fall due on whole minutes.
    - Dates more than ten years ahead are refused (``12/25`` reads as the year 2125).
    - A repeat is ``every [N] day|week|fortnight|month|year [on <weekday>]`` or
      ``every [N] <weekday>``, optionally followed by a start (``every day 8:00 ...``,
      ``every 3 months from 3 Dec ...``). Without a start it first falls due one interval
      from today at 09:00, or on the next such weekday at 09:00; a start already past rolls
      on to its next occurrence. ``due_at`` is then the first occurrence after now.
    """
    clock = _Clock.at(now, timezone)
    words = text.split()
    if words and words[0].lower() == "every":
        return _parse_recurring(" ".join(words), clock)
    return _parse_once(words, clock)


def _parse_once(words: list[str], clock: _Clock) -> ParsedFollowup:
    """A one-off: a date phrase, then the title."""
    found = _leading_when(words, clock)
    if found is None:
        raise FollowupParseError("followup_parsing.no_date")
    when, used = found
    if when.due_at <= clock.now:
        raise FollowupParseError("followup_parsing.in_the_past", when=_describe(when.local))
    title = _title(words[used:])
    return ParsedFollowup(title, when.due_at, kind_of(title), None, when.time_given)


# ---------------------------------------------------------------- repeats

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "other": 2,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
_UNITS: dict[str, tuple[Freq, int]] = {
    "day": ("daily", 1), "week": ("weekly", 1), "fortnight": ("weekly", 2),
    "month": ("monthly", 1), "year": ("yearly", 1),
}  # fmt: skip


def _alternatives(names: Iterable[str]) -> str:
    """A regex alternation of ``names``, longest first so ``tues`` wins over ``tue``."""
    return "|".join(sorted(names, key=len, reverse=True))


_WEEKDAY = _alternatives(_WEEKDAYS)
_REPEAT = re.compile(
    rf"every\s+(?:(?P<count>[0-9]{{1,6}}|{_alternatives(_NUMBER_WORDS)})\s+)?"
    rf"(?:(?P<unit>{_alternatives(_UNITS)})s?(?:\s+on\s+(?P<on_day>{_WEEKDAY})s?)?"
    rf"|(?P<weekday>{_WEEKDAY})s?)\b",
    re.IGNORECASE,
)
_START_WORDS = ("starting from", "starting on", "starting", "from", "beginning")


def _parse_recurring(text: str, clock: _Clock) -> ParsedFollowup:
    """A repeat: ``every ...``, an optional start, then the title."""
    match = _REPEAT.match(text)
    if match is None:
        raise FollowupParseError("followup_parsing.unknown_repeat")
    recurrence = _recurrence(match)
    weekday_name = match["on_day"] or match["weekday"]
    weekday = _WEEKDAYS[weekday_name.lower()] if weekday_name else None
    words = text[match.end() :].split()
    start, used = _leading_start(words, clock)
    title = _title(words[used:])
    first = _first_occurrence(recurrence, weekday, start, clock)
    time_given = start is not None and start.time_given
    return ParsedFollowup(title, first, kind_of(title), recurrence, time_given)


def _recurrence(match: re.Match[str]) -> Recurrence:
    """The Recurrence a matched ``every ...`` names; refuse 0 and absurd intervals."""
    count_text = (match["count"] or "1").lower()
    count = _NUMBER_WORDS.get(count_text) or int(count_text)
    freq, factor = _UNITS[match["unit"].lower()] if match["unit"] else ("weekly", 1)
    interval = count * factor
    if not 1 <= interval <= MAX_INTERVAL[freq]:
        raise FollowupParseError(
            "followup_parsing.bad_interval",
            interval=interval,
            unit=f"{Recurrence(freq).unit}s",
            maximum=MAX_INTERVAL[freq],
        )
    return Recurrence(freq, interval)


def _leading_start(words: list[str], clock: _Clock) -> tuple[_When | None, int]:
    """The start of a repeat, perhaps after ``from``/``starting``; (None, 0) when none."""
    lowered = " ".join(words).lower()
    for lead in _START_WORDS:
        if lowered.startswith(lead + " "):
            skipped = len(lead.split())
            found = _leading_when(words[skipped:], clock)
            if found is not None:
                return found[0], found[1] + skipped
    found = _leading_when(words, clock)
    return found if found is not None else (None, 0)


def _first_occurrence(
    recurrence: Recurrence, weekday: int | None, start: _When | None, clock: _Clock
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


# ---------------------------------------------------------------- date phrases

# Words dateparser silently skips or misreads at the end of a phrase ("tomorrow 8am a" loses
# its 8am); a date phrase never ends on one, so they stay in the title.
_FILLER_WORDS = frozenset({
    "a", "an", "the", "at", "on", "in", "of", "and", "to", "for", "with", "by", "from", "or",
    "my", "our", "his", "her", "their",
})  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = frozenset(
    {name.lower() for name in _MONTH_NAMES} | {name[:3].lower() for name in _MONTH_NAMES} | {"sept"}
)
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_BARE_NUMBER = re.compile(r"[0-9]+(?:st|nd|rd|th)?", re.IGNORECASE)


def _leading_when(words: list[str], clock: _Clock) -> tuple[_When, int] | None:
    """The longest leading run of words that reads as a date, and how many words it used."""
    best: tuple[tuple[datetime, str], int] | None = None
    for count in range(min(len(words), MAX_DATE_WORDS), 0, -1):
        phrase = _for_dateparser(words[:count])
        if not _could_be_date(phrase):
            continue
        parsed = _dateparse(" ".join(phrase), clock.base)
        if parsed is None:
            continue
        if best is not None and parsed != best[0]:
            break
        # dateparser ignores some trailing words ("tomorrow 8" is tomorrow): when a shorter
        # run means the same, the extra words belong to the title.
        best = (parsed, count)
    if best is None:
        return None
    (local, period), count = best
    return _when(local, period, " ".join(_for_dateparser(words[:count])), clock), count


def _for_dateparser(words: list[str]) -> list[str]:
    """Words as dateparser reads them best, one for one."""
    fixed: list[str] = []
    for word in words:
        lowered = word.lower()
        # dateparser reads "at 10" as the 10th of the month, and does not know "thurs".
        if fixed and fixed[-1].lower() == "at" and lowered.isascii() and lowered.isdigit():
            word = f"{word}:00" if int(word) <= 23 else word
        elif lowered in ("thurs", "thur"):
            word = "thu"
        fixed.append(word)
    return fixed


def _could_be_date(words: list[str]) -> bool:
    """Rule out runs dateparser over-reads: a lone number or month, a trailing filler word."""
    last = words[-1].lower().strip(",.;:")
    if last in _FILLER_WORDS:
        return False
    if len(words) == 1 and (last in _MONTHS or last.isnumeric() or _BARE_NUMBER.fullmatch(last)):
        return False  # "2 puffs", "may need...", "1st dose": not dates
    if _BARE_NUMBER.fullmatch(last):
        # "friday 10:00 2" becomes the 2nd of the month; a trailing number is only a day
        # or year next to a month name ("Dec 3", "3 Dec 2026") or after "the" ("the 3rd").
        after_the = words[-2].lower() == "the" and not last.isdigit()
        return after_the or any(word.lower().strip(",.") in _MONTHS for word in words)
    return True


def _dateparse(phrase: str, base: datetime) -> tuple[datetime, str] | None:
    """dateparser's naive wall time and period ('day', 'time', ...) for ``phrase``, or None."""
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RETURN_TIME_AS_PERIOD": True,
    }
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    except Exception:  # dateparser raises assorted errors on odd input: that is "not a date"
        return None
    # Years before 1900 are typos, and keep datetime arithmetic away from the calendar's edge.
    if data.date_obj is None or data.date_obj.year < 1900:
        return None
    return data.date_obj.replace(tzinfo=None, microsecond=0), data.period or "day"


def _when(local: datetime, period: str, phrase: str, clock: _Clock) -> _When:
    """Turn dateparser's answer into a due moment; refuse dates absurdly far ahead."""
    time_given = period in ("time", "part_of_day")
    if local > clock.base + relativedelta(years=MAX_YEARS_AHEAD):
        when = _describe(local, with_time=time_given)
        raise FollowupParseError("followup_parsing.too_far", when=when, years=MAX_YEARS_AHEAD)
    if not time_given:
        # "tomorrow", "in 3 days", "3 Dec": dateparser fills in the current time or midnight.
        day = datetime.combine(local.date(), DEFAULT_TIME)
        return _When(day, local_to_utc(day, clock.timezone), time_given=False)
    if _moves_with_clock(phrase, local, clock):
        # "in 2 hours" is elapsed time: add it to the instant, not the wall clock (DST).
        due_at = _on_minute(clock.now + (local - clock.base), clock.now)
        return _When(utc_to_local(due_at, clock.timezone), due_at, time_given=True)
    wall = whole_minute(local)  # "8:00:45" is 08:00
    return _When(wall, local_to_utc(wall, clock.timezone), time_given=True)


def _on_minute(due_at: datetime, now: datetime) -> datetime:
    """A moment from now on the minute it falls in; seconds ahead round up to the next minute."""
    minute = whole_minute(due_at)
    if due_at > now >= minute:
        return minute + timedelta(minutes=1)
    return minute


def _moves_with_clock(phrase: str, local: datetime, clock: _Clock) -> bool:
    """Whether the phrase is a duration from now: its answer shifts with the current time."""
    shifted = _dateparse(phrase, clock.base + timedelta(minutes=1))
    return shifted is not None and shifted[0] - local == timedelta(minutes=1)


def _title(words: list[str]) -> str:
    """The words after the date, trimmed of separators; refuse an empty one."""
    title = " ".join(words).strip(" ,;:-–—")
    if not title:
        raise FollowupParseError("followup_parsing.no_title")
    return title


# ---------------------------------------------------------------- kind and wording

_TEST_WORDS = re.compile(
    r"\b(eeg|ecg|ekg|mri|ct|scan|x-?ray|blood\s*(test|work)s?|bloods|levels?|labs?|tests?)\b",
    re.IGNORECASE,
)
_FOLLOWUP_WORDS = re.compile(
    r"\b(review|appointment|appt|clinic|dr|doctor|consultation|consult|visit"
    r"|check-?up|follow-?up|neurologist|gp)\b",
    re.IGNORECASE,
)


def kind_of(title: str) -> ReminderKind:
    """Guess the kind from the title: a test (EEG, bloods...) wins over a follow-up visit."""
    if _TEST_WORDS.search(title):
        return ReminderKind.TEST
    if _FOLLOWUP_WORDS.search(title):
        return ReminderKind.FOLLOWUP
    return ReminderKind.CUSTOM


def _describe(local: datetime, *, with_time: bool = True) -> str:
    """A wall time in English whatever the locale: ``Tuesday 24 November 2026, 09:00``."""
    month = _MONTH_NAMES[local.month - 1]
    day = f"{_DAY_NAMES[local.weekday()]} {local.day} {month} {local.year}"
    return f"{day}, {local:%H:%M}" if with_time else day
