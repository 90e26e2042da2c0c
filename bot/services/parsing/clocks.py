"""Clock times and windows: "7", "7am", "7.30 a.m.", "8:15pm", "19h30", "between 6:30 and 7:15"."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import timezone as fixed_offset

from bot.services.parsing import vocab
from bot.services.parsing.amounts import dose_units, seconds_per_unit
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token, norm_at

YEARS = range(2000, 3000)  # keeps date arithmetic far from datetime's limits
_COLON = re.compile(r"([0-9]{1,2}):([0-9]{2})(am|pm)?")
_DOTTED = re.compile(r"([0-9]{1,2})(?:[.h]([0-9]{2}))?(am|pm)?")
_HOURS = re.compile(r"([0-9]{1,2})h([0-9]{2})")
_ISH = re.compile(r"(.+?)-?ish")
_EXACT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})t([0-9]{2}):([0-9]{2})(z|[+-][0-9]{2}:[0-9]{2})"
)
_CLOCKISH = re.compile(r"[0-9]:[0-9]|[0-9](?:am|pm)$")  # what a time looks like, right or not
_DASH = re.compile(r"[-–—]")


@dataclass(frozen=True)
class Wall:
    """A wall-clock time, 24-hour."""

    hour: int
    minute: int

    def __str__(self) -> str:
        """The time as "HH:MM"."""
        return f"{self.hour:02d}:{self.minute:02d}"


@dataclass(frozen=True)
class Exact:
    """An instant written with its UTC offset ("2026-10-25T01:30+01:00")."""

    at: datetime


@dataclass(frozen=True)
class Clock:
    """A time of day, or a window; ``twelve_hour`` when an hour came without am/pm ("at 7")."""

    start: Wall | Exact
    end: Wall | Exact | None = None
    twelve_hour: bool = False
    approximate: bool = False


@dataclass(frozen=True)
class Bad:
    """Something written as a time (or date) that can't be one ("25:99", "13pm", "31/02")."""

    written: str


_Raw = tuple[int, int, str | None, bool]  # hour, minute, "am"/"pm", written as a bare hour


@vocab.per_language
def _words() -> dict[str, object]:
    return vocab.common()["clock"]


@vocab.per_language
def _leadins() -> Phrasebook[bool]:
    """Words before a time; the value says whether they make it approximate."""
    book: Phrasebook[bool] = Phrasebook()
    for pattern in _words()["exact_leadins"]:  # type: ignore[attr-defined]
        book.add(pattern, False)
    for pattern in _words()["approximate_leadins"]:  # type: ignore[attr-defined]
        book.add(pattern, True)
    return book


def meridiem(word: str) -> str | None:
    """ "am" or "pm" for "am", "a.m.", "PM", …"""
    return _words()["meridiems"].get(word.rstrip("."))  # type: ignore[attr-defined]


def amount_units() -> frozenset[str]:
    """Words after a number that make it an amount, not an hour ("at 3 min")."""
    return frozenset(seconds_per_unit()) | frozenset(dose_units())


def wall(hour: int, minute: int, half: str | None) -> Wall | None:
    """A valid 24-hour time from an hour, a minute and am/pm (None if there is none such)."""
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    return Wall(hour, minute) if 0 <= hour <= 23 and 0 <= minute <= 59 else None


def exact(norm: str) -> Exact | None:
    """An ISO time with its UTC offset, as a renderer writes one local time can't pin down."""
    found = _EXACT.fullmatch(norm)
    if not found or int(found[1]) not in YEARS:
        return None
    offset = found[6]
    try:
        shift = timedelta(hours=int(offset[1:3] or 0), minutes=int(offset[4:6] or 0))
        zone = UTC if offset == "z" else fixed_offset(-shift if offset[0] == "-" else shift)
        year, month, day, hour, minute = (int(found[n]) for n in range(1, 6))
        at = datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        return None
    return Exact(at.astimezone(UTC))


@vocab.per_language
def _hour_words() -> dict[str, int]:
    """ "one" … "twelve": hours said in words ("half past six", "at about ten")."""
    numbers = vocab.common()["numbers"]
    return {w: int(v) for w, v in numbers.items() if str(v).isdigit() and 1 <= int(v) <= 12}


def _raw(norm: str, half: str | None, bare: bool, words: bool = False) -> _Raw | None:
    """Hour, minute, am/pm of one word: "10:15", "7pm", "7.30", "19h30", "7" if ``bare``, and
    "six" if ``words`` (after "at", "around", "half past")."""
    if words and norm in _hour_words() and norm not in ("a", "an", "single"):
        return _hour_words()[norm], 0, half, half is None
    colon = _COLON.fullmatch(norm)
    if colon and not (colon[3] and half):
        return int(colon[1]), int(colon[2]), colon[3] or half, False
    hours = _HOURS.fullmatch(norm)
    if hours and int(hours[1]) >= 4 and not half:  # "1h30" is a duration
        return int(hours[1]), int(hours[2]), None, False
    dotted = _DOTTED.fullmatch(norm.replace("a.m", "am").replace("p.m", "pm"))
    if not dotted or (dotted[3] and half):
        return None
    written_half = dotted[3] or half
    minutes = dotted[2] is not None and "." in norm  # "11.05" is written as a time, like "11:05"
    if written_half or bare or minutes:
        return int(dotted[1]), int(dotted[2] or 0), written_half, not (written_half or minutes)
    return None


def _single(
    tokens: Sequence[Token], at: int, bare: bool, units: Collection[str], words: bool = False
) -> tuple[int, _Raw | Exact] | None:
    """One time at ``at``: "10:15", "7:30 pm", "7 o'clock", "noon", "half past 7", an ISO time."""
    norm, after = norm_at(tokens, at), norm_at(tokens, at + 1)
    named = _words()["named"].get(norm)  # type: ignore[attr-defined]
    if named:
        hour, minute = named.split(":")
        return at + 1, (int(hour), int(minute), None, False)
    if (found := exact(norm)) is not None:
        return at + 1, found
    if norm in ("half", "quarter") or (norm == "a" and after == "quarter"):
        return _past_or_to(tokens, at + (norm == "a"), units)
    oclock = after in _words()["oclock"]  # type: ignore[operator]
    half = meridiem(after)
    if half and (raw := _raw(norm, half, True)):
        return at + 2, raw
    raw = _raw(norm, None, bare or oclock, words or oclock)
    # "at 3 min", "3 jerks", "2.50 mg" are no times; "9.15 jerks" is (no count has a decimal).
    bare_amount = raw is not None and raw[3] and after in units
    amount = (bare_amount or ("." in norm and after in amount_units())) and not oclock
    if raw is None or amount:  # "at 3 min", "2.50 mg" are no times
        return None
    return at + 1 + oclock, raw


def _past_or_to(
    tokens: Sequence[Token], at: int, units: Collection[str]
) -> tuple[int, _Raw] | None:
    """ "half past 7", "quarter to 8", "half 7" (British: 7:30)."""
    minutes = 30 if norm_at(tokens, at) == "half" else 15
    word = norm_at(tokens, at + 1)
    direction = 1 if word in _words()["past"] else -1 if word in _words()["to"] else 0  # type: ignore[operator]
    if direction == -1 and minutes == 30:
        return None
    found = _single(tokens, at + 1 + bool(direction), True, units, words=True)
    if found is None or isinstance(found[1], Exact) or found[1][1]:
        return None
    hour, _, half, bare = found[1]
    if direction == -1:
        hour, minutes = (hour - 1) % 24 if half is None else (hour - 2) % 12 + 1, 60 - minutes
    return found[0], (hour, minutes, half, bare)


def _lend(start: _Raw, end: _Raw) -> _Raw:
    """Lend the end's am/pm to a bare start: 7:00-7:30pm is 19:00-19:30; 11:30-12:15pm is not."""
    lent, finish = wall(start[0], start[1], end[2]), wall(*end[:3])
    if lent and finish and (lent.hour, lent.minute) <= (finish.hour, finish.minute):
        return start[0], start[1], end[2], False
    return start


def _clock(start: _Raw | Exact, end: _Raw | Exact | None, approx: bool) -> Clock | Bad | None:
    """A clock from its raw start and end; Bad when either can't be a time."""
    if isinstance(start, tuple) and isinstance(end, tuple) and start[2] is None and end[2]:
        start = _lend(start, end)
    begin = start if isinstance(start, Exact) else wall(*start[:3])
    finish = end if end is None or isinstance(end, Exact) else wall(*end[:3])
    if begin is None or (end is not None and finish is None):
        return None
    twelve = isinstance(start, tuple) and start[3] and (end is None or isinstance(end, tuple))
    twelve = twelve and begin.hour <= 12 if isinstance(begin, Wall) else False
    return Clock(begin, finish, bool(twelve), approx)


def _glued_window(
    tokens: Sequence[Token], at: int, norm: str, bare: bool, approx: bool
) -> tuple[int, Clock] | None:
    """ "7:00-7:30", "6:30-7:15", "7-8pm", "7-8 pm"; "2-3" is a window only after a lead-in."""
    halves = _DASH.split(norm)
    if len(halves) != 2:
        return None
    own = _raw(halves[1], None, True)
    half = None if own and own[2] else meridiem(norm_at(tokens, at + 1))
    second = _raw(halves[1], half, True)
    said_half = second is not None and second[2] is not None
    first = _raw(halves[0], None, True)
    if first is None or second is None:
        return None
    if not (bare or said_half or not (first[3] or second[3])):
        return None
    clock = _clock(first, second, approx)
    return (at + 1 + (half is not None), clock) if isinstance(clock, Clock) else None


def clock_at(
    tokens: Sequence[Token], at: int, *, bare: bool = False, units: Collection[str] = ()
) -> tuple[int, Clock] | None:
    """A time or a window at ``at``, with any lead-in: "at 7", "around 6 this evening" (the
    time part), "7.30 a.m.", "8:15pm", "19h30", "7:00-7:30", "from 7pm to 7:30pm",
    "between 6:30 and 7:15", "7ish". A bare hour ("7") needs a lead-in, ``bare``, or "o'clock";
    a number followed by one of ``units`` (and units of time and doses) is not an hour."""
    units = frozenset(units) | amount_units()
    lead = _leadins().longest([token.norm for token in tokens], at)
    start, approx = (lead[0], lead[1]) if lead else (at, False)
    bare = bare or lead is not None
    norm = norm_at(tokens, start)
    ish = _ISH.fullmatch(norm)
    if ish and (raw := _raw(ish[1], None, True)):
        clock = _clock(raw, None, True)
        return (start + 1, clock) if isinstance(clock, Clock) else None
    approx = approx or (start < len(tokens) and tokens[start].approximate)
    glued = _glued_window(tokens, start, norm, bare, approx)
    if glued:
        return glued
    found = _single(tokens, start, bare, units, words=lead is not None)
    if found is None:
        return None
    stop, first_raw = found
    if norm_at(tokens, stop) in _words()["window_separators"]:  # type: ignore[operator]
        second_found = _single(tokens, stop + 1, bare, units, words=lead is not None)
        window = _clock(first_raw, second_found[1], approx) if second_found else None
        if second_found and isinstance(window, Clock):
            return second_found[0], window
    clock = _clock(first_raw, None, approx)
    return (stop, clock) if isinstance(clock, Clock) else None


def looks_like_clock(norm: str, following: str = "") -> bool:
    """Whether a word is written like a time, right or not ("25:99", "13pm", "13 pm")."""
    clock = norm.replace(".", "")
    return bool(_CLOCKISH.search(clock)) or (clock.isdigit() and meridiem(following) is not None)
