"""Date phrases of a follow-up, read by dateparser: "next tuesday 9:00", "in 2 weeks", "3/12".

dateparser knows many more forms than we would write by hand (relative days and weeks,
month names with and without years, "the 3rd of December", "in 36 hours", parts of the day),
so it reads each candidate run of words; this module keeps it to what people mean: the
future preferred, day first, whole minutes, a day of the month alone taken as the next one,
and nothing absurdly far ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from dateparser.date import DateDataParser
from dateutil.relativedelta import relativedelta

from bot.recurrence import local_to_utc, utc_to_local, whole_minute
from bot.services.errors import DomainError
from bot.services.parsing import vocab

DEFAULT_TIME = time(9, 0)
MAX_DATE_WORDS = 8
MAX_YEARS_AHEAD = 10
# "at 3" with no am/pm: nobody is booked at 3 in the night, nor sure it means the afternoon.
AMBIGUOUS_HOURS = range(1, 7)
_BARE_NUMBER = re.compile(r"[0-9]+(?:st|nd|rd|th)?", re.IGNORECASE)
_DAY_OF_MONTH = re.compile(
    r"(?:^|\s)(?:the\s+)?[0-9]{1,2}(?:st|nd|rd|th)(?:\s|$)|\bthe\s+[0-9]{1,2}\b"
)


class FollowupParseError(DomainError):
    """The line could not be read; ``key`` names the text that says why."""

    key = "followup_parsing.no_date"


@dataclass(frozen=True)
class Clock:
    """The moment of parsing, in UTC and on the child's wall clock."""

    now: datetime
    timezone: str
    base: datetime

    @classmethod
    def at(cls, now: datetime, timezone: str) -> Clock:
        """Pin ``now`` (aware) in ``timezone``; the wall time drops microseconds for dateparser."""
        if now.tzinfo is None:
            raise ValueError("now must be an aware datetime")
        base = utc_to_local(now, timezone).replace(microsecond=0)
        return cls(now.astimezone(UTC), timezone, base)


@dataclass(frozen=True)
class When:
    """A parsed date phrase: the wall time, its UTC instant, and whether a time was said."""

    local: datetime
    due_at: datetime
    time_given: bool
    elapsed: bool = False  # "in 2 hours": counted from now, not a day and a time


def _months() -> frozenset[str]:
    return frozenset(vocab.calendar_names()[0]) | {"sept"}


def _fillers() -> frozenset[str]:
    return frozenset(vocab.load("followups")["title"]["fillers"])


def when_at(words: list[str], start: int, clock: Clock) -> tuple[When, int] | None:
    """The longest run of words from ``start`` that reads as a date, and how many it used."""
    best: tuple[tuple[datetime, str], int] | None = None
    for count in range(min(len(words) - start, MAX_DATE_WORDS), 0, -1):
        run = for_dateparser(words[start : start + count])
        if not could_be_date(run):
            continue
        parsed = dateparse(" ".join(run), clock.base)
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
    refuse_a_bare_hour(words[start : start + count])
    phrase = " ".join(for_dateparser(words[start : start + count]))
    local = _next_day_of_month(phrase, local, clock.base)
    return when(local, period, phrase, clock), count


def refuse_a_bare_hour(words: list[str]) -> None:
    """Refuse "at 3": morning or afternoon? (The hours 7 to 12 are read as written.)"""
    for before, word in zip(words, words[1:], strict=False):
        if before.lower() == "at" and word.isascii() and word.isdigit():
            ambiguous_hour(int(word))


def ambiguous_hour(hour: int) -> None:
    """Refuse a bare ``hour`` that could be in the night or the afternoon."""
    if hour in AMBIGUOUS_HOURS:
        raise FollowupParseError("followup_parsing.ambiguous_hour", hour=hour, afternoon=hour + 12)


def for_dateparser(words: list[str]) -> list[str]:
    """Words as dateparser reads them best, one for one."""
    fixed: list[str] = []
    for word in words:
        lowered = word.lower()
        # dateparser reads "at 10" as the 10th of the month.
        if fixed and fixed[-1].lower() == "at" and lowered.isascii() and lowered.isdigit():
            word = f"{word}:00" if int(word) <= 23 else word
        fixed.append(word)
    return fixed


def could_be_date(words: list[str]) -> bool:
    """Rule out runs dateparser over-reads: a lone number or month, a trailing filler word."""
    first = words[0].lower().strip(",.;:")
    last = words[-1].lower().strip(",.;:")
    if last in _fillers() or first in ("and", "or"):
        return False
    if len(words) == 1 and (last in _months() or last.isnumeric() or _BARE_NUMBER.fullmatch(last)):
        return False  # "2 puffs", "may need...", "1st dose": not dates
    if _BARE_NUMBER.fullmatch(last):
        # "friday 10:00 2" becomes the 2nd of the month; a trailing number is only a day
        # or year next to a month name ("Dec 3", "3 Dec 2026") or after "the" ("the 3rd").
        after_the = words[-2].lower() == "the" and not last.isdigit()
        return after_the or any(word.lower().strip(",.") in _months() for word in words)
    return True


def _languages() -> list[str]:
    """The languages dateparser reads: the writer's, then English."""
    language = vocab.current()
    return [language] if language == vocab.DEFAULT_LANGUAGE else [language, vocab.DEFAULT_LANGUAGE]


def dateparse(phrase: str, base: datetime) -> tuple[datetime, str] | None:
    """dateparser's naive wall time and period ('day', 'time', ...) for ``phrase``, or None."""
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "RETURN_TIME_AS_PERIOD": True,
    }
    try:
        data = DateDataParser(languages=_languages(), settings=settings).get_date_data(phrase)
    except Exception:  # dateparser raises assorted errors on odd input: that is "not a date"
        return None
    # Years before 1900 are typos, and keep datetime arithmetic away from the calendar's edge.
    if data.date_obj is None or data.date_obj.year < 1900:
        return None
    return data.date_obj.replace(tzinfo=None, microsecond=0), data.period or "day"


def _next_day_of_month(phrase: str, local: datetime, base: datetime) -> datetime:
    """ "the 20th" on the 25th is next month's 20th (dateparser gives this month's)."""
    lowered = phrase.lower()
    named_month = any(word.strip(",.") in _months() for word in lowered.split())
    if local.date() >= base.date() or named_month or not _DAY_OF_MONTH.search(lowered):
        return local
    for months in range(1, 13):
        moved = local + relativedelta(months=months)
        if moved.day == local.day:
            return moved
    return local


def when(local: datetime, period: str, phrase: str, clock: Clock) -> When:
    """Turn dateparser's answer into a due moment; refuse dates absurdly far ahead."""
    time_given = period in ("time", "part_of_day")
    if local > clock.base + relativedelta(years=MAX_YEARS_AHEAD):
        text = describe(local, with_time=time_given)
        raise FollowupParseError("followup_parsing.too_far", when=text, years=MAX_YEARS_AHEAD)
    if not time_given:
        # "tomorrow", "in 3 days", "3 Dec": dateparser fills in the current time or midnight.
        day = datetime.combine(local.date(), DEFAULT_TIME)
        return When(day, local_to_utc(day, clock.timezone), time_given=False)
    if _moves_with_clock(phrase, local, clock):
        # "in 2 hours" is elapsed time: add it to the instant, not the wall clock (DST).
        due_at = _on_minute(clock.now + (local - clock.base), clock.now)
        return When(utc_to_local(due_at, clock.timezone), due_at, True, elapsed=True)
    wall = whole_minute(local)  # "8:00:45" is 08:00
    return When(wall, local_to_utc(wall, clock.timezone), time_given=True)


def at_wall(day: datetime, wall: time, clock: Clock) -> When:
    """The day of ``day`` at the wall time ``wall`` (a date and a time said apart)."""
    local = datetime.combine(day.date(), wall)
    return When(local, local_to_utc(local, clock.timezone), time_given=True)


def _on_minute(due_at: datetime, now: datetime) -> datetime:
    """A moment from now on the minute it falls in; seconds ahead round up to the next minute."""
    minute = whole_minute(due_at)
    if due_at > now >= minute:
        return minute + timedelta(minutes=1)
    return minute


def _moves_with_clock(phrase: str, local: datetime, clock: Clock) -> bool:
    """Whether the phrase is a duration from now: its answer shifts with the current time."""
    shifted = dateparse(phrase, clock.base + timedelta(minutes=1))
    return shifted is not None and shifted[0] - local == timedelta(minutes=1)


def describe(local: datetime, *, with_time: bool = True) -> datetime | date:
    """The wall time (or only its day) a refusal shows; the kit writes it in the reader's words."""
    return local if with_time else local.date()
