"""Read one-line ``/med`` commands into start, change and stop records, without side effects."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import NoReturn, TypeVar
from zoneinfo import ZoneInfo

from bot.services.errors import DomainError
from bot.services.medications.drugs import Drug, normalise_unit, resolve

TEXTS = "medication_parsing"
NAME_LIMIT = 64  # medication.name_as_typed is String(64)
MAX_AMOUNT = Decimal(10) ** 8  # medication doses are Numeric(12, 4)
MAX_DECIMALS = 4
MAX_STEP_DAYS = 365
MAX_TITRATION_STEPS = 100
# Changes are often logged the day after; anything older is likelier a typo than a late entry.
BACKDATE_DAYS = 1
AHEAD_DAYS = 366


@dataclass(frozen=True)
class Titration:
    """Move the dose by ``step`` (negative to taper) every ``every_days`` days to ``target``."""

    step: Decimal
    every_days: int
    target: Decimal


@dataclass(frozen=True)
class MedStart:
    """Put a medicine on the regimen."""

    drug: Drug
    name_as_typed: str
    amount: Decimal
    unit: str
    times: tuple[str, ...]
    effective_at: datetime
    reason: str | None
    titration: Titration | None


@dataclass(frozen=True)
class MedChange:
    """Change a medicine's dose and/or times; None means "unchanged"."""

    drug: Drug
    name_as_typed: str
    amount: Decimal | None
    unit: str | None
    times: tuple[str, ...] | None
    effective_at: datetime
    reason: str | None
    titration: Titration | None


@dataclass(frozen=True)
class MedStop:
    """Take a medicine off the regimen."""

    drug: Drug
    name_as_typed: str
    effective_at: datetime
    reason: str | None


class MedicationParseError(DomainError):
    """A ``/med`` line that cannot be read; ``key`` names the text that says why."""


def _fail(key: str, /, **params: object) -> NoReturn:
    """Raise the parse error ``medication_parsing.<key>`` with its params as text."""
    raise MedicationParseError(f"{TEXTS}.{key}", **{k: str(v) for k, v in params.items()})


# --- vocabulary -------------------------------------------------------------------------------

VERBS = {
    **dict.fromkeys(("start", "begin", "add"), "start"),
    **dict.fromkeys(("change", "adjust", "increase", "decrease", "set"), "change"),
    **dict.fromkeys(("stop", "end", "discontinue"), "stop"),
}
REASON_MARKERS = {("because", "of"): 2, ("due", "to"): 2, ("reason",): 1, ("because",): 1}

DEFAULT_TIMES = {
    1: ("08:00",),
    2: ("08:00", "20:00"),
    3: ("08:00", "14:00", "20:00"),
    4: ("08:00", "12:00", "16:00", "20:00"),
}
# A start that names neither times nor a frequency is taken once daily, in the morning...
START_TIMES = DEFAULT_TIMES[1]
# ...except a rescue medicine, which is given when a seizure calls for it, never on a clock.
RESCUE_TIMES: tuple[str, ...] = ()

_COUNTS: dict[tuple[str, ...], int] = {
    ("once",): 1,
    ("twice",): 2,
    ("three", "times"): 3,
    ("four", "times"): 4,
    **{(str(n), "x"): n for n in DEFAULT_TIMES},
    **{(str(n), "times"): n for n in DEFAULT_TIMES},
}
_PERIODS: tuple[tuple[str, ...], ...] = (("daily",), ("a", "day"), ("per", "day"), ("every", "day"))
FREQUENCIES: dict[tuple[str, ...], int] = {
    **{count + period: n for count, n in _COUNTS.items() for period in _PERIODS},
    **{
        (word,): n
        for n, words in enumerate(("daily od", "bd bid", "tds tid", "qds qid"), 1)
        for word in words.split()
    },
}

MERIDIEM = {"am": 0, "a.m.": 0, "a.m": 0, "pm": 12, "p.m.": 12, "p.m": 12}
NAMED_TIMES = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}

FROM_MARKERS = frozenset({"from", "starting", "effective"})
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        )
    )
    for name in names.split()
}
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        1,
    )
    for name in names.split()
}

DIRECTIONS = {"increase": 1, "decrease": -1}
PERIOD_DAYS = {"day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7}
UNTIL = frozenset({"to", "until", "till"})
FILLERS = frozenset({"at", "and", "&"})

# Words that end a medicine's name: everything that can follow it.
RESERVED = frozenset(
    {*FROM_MARKERS, *DIRECTIONS, *FILLERS, *NAMED_TIMES, "by", "every"}
    | {phrase[0] for phrase in FREQUENCIES}
)

_GLUED = re.compile(r"(-?[0-9.,:]*[0-9])([^\W\d_].*)")  # "250mg", "8am", "3x", "2,5ml"
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_VALUE_START = re.compile(r"-?[.,]?[0-9]")
_NUMBER = re.compile(r"-?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_ONE_OR_TWO_DIGITS = re.compile(r"[0-9]{1,2}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")
_COUNT = re.compile(r"[0-9]{1,3}")

V = TypeVar("V")


# --- words ------------------------------------------------------------------------------------


def _phrase_at(words: Sequence[str], table: Mapping[tuple[str, ...], V]) -> tuple[V, int] | None:
    """The longest phrase of ``table`` that ``words`` begins with, and its length."""
    for length in range(min(len(words), max(map(len, table))), 0, -1):
        phrase = tuple(words[:length])
        if phrase in table:
            return table[phrase], length
    return None


def _split_reason(text: str) -> tuple[str, str | None]:
    """Cut ``reason ...`` / ``because ...`` / ``due to ...`` (rest of line) off the command."""
    spans = list(re.finditer(r"\S+", text))
    lowered = [span[0].lower().rstrip(":") for span in spans]
    for index in range(1, len(spans)):
        found = _phrase_at(lowered[index:], REASON_MARKERS)
        if found:
            reason = text[spans[index + found[1] - 1].end() :].strip()
            return text[: spans[index].start()], reason or None
    return text, None


def _words(text: str) -> list[str]:
    """Split on spaces, unglue numbers from what follows ("250mg", "8am") and drop list commas."""
    words: list[str] = []
    for raw in text.split():
        word = raw.rstrip(",;")
        glued = _GLUED.fullmatch(word)
        if glued and glued[2].lower() not in _ORDINALS:
            words.extend(glued.groups())
        elif word:
            words.append(word)
    return words


def _is_value(word: str) -> bool:
    """Whether ``word`` starts like a number or a clock time rather than a name."""
    return _VALUE_START.match(word) is not None


def _split_name(words: list[str]) -> tuple[str, list[str]]:
    """Split the medicine name (words before the first number or keyword) from the rest."""
    count = next(
        (i for i, word in enumerate(words) if _is_value(word) or word.lower() in RESERVED),
        len(words),
    )
    name = " ".join(words[:count])
    if not name:
        _fail("no_name")
    if len(name) > NAME_LIMIT:
        _fail("name_too_long", limit=NAME_LIMIT)
    return name, words[count:]


class _Cursor:
    """The words after the medicine name, read left to right."""

    def __init__(self, words: list[str]) -> None:
        self._words = words
        self.pos = 0

    @property
    def done(self) -> bool:
        return self.pos >= len(self._words)

    def raw(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self._words[index] if index < len(self._words) else ""

    def peek(self, ahead: int = 0) -> str:
        return self.raw(ahead).lower()

    def ahead(self, count: int | None = None) -> list[str]:
        end = None if count is None else self.pos + count
        return [word.lower() for word in self._words[self.pos : end]]

    def take(self, count: int = 1) -> None:
        self.pos += count


@dataclass
class _PlannedTitration:
    step: Decimal
    every_days: int
    target: Decimal
    units: frozenset[str]


@dataclass
class _Draft:
    """What has been read so far."""

    today: date
    dose: tuple[Decimal, str] | None = None
    times: list[str] = field(default_factory=list)
    per_day: int | None = None
    day: date | None = None
    titration: _PlannedTitration | None = None


# --- numbers and doses ------------------------------------------------------------------------


def _amount(word: str) -> Decimal | None:
    """The number ``word`` spells ("2,5" is 2.5), refusing forms that risk a thousandfold error."""
    if not _NUMBER.fullmatch(word):
        return None
    whole, _, fraction = word.replace(",", ".").partition(".")
    if len(fraction) == 3 and whole.strip("-0"):
        # "1,000" / "1.000" is one thousand in much of the world and one elsewhere.
        _fail(
            "dose_ambiguous",
            amount=word,
            thousands=whole + fraction,
            decimal=f"{whole}.{fraction}0",
        )
    value = Decimal(word.replace(",", "."))
    if abs(value) >= MAX_AMOUNT or len(fraction) > MAX_DECIMALS:
        _fail("dose_out_of_range", amount=word)
    return value


def _unit(amount: str, word: str, typed: str) -> str:
    """The unit ``word`` names after ``amount``, or the error saying it is missing or unknown."""
    unit = normalise_unit(word)
    if unit is not None:
        return unit
    if not word or word in RESERVED or _is_value(word):
        _fail("unit_missing", amount=amount)
    _fail("unknown_unit", unit=typed)


def _read_dose(cur: _Cursor, draft: _Draft) -> bool:
    """Read an amount and its unit ("250 mg", "2,5 ml")."""
    if draft.dose is not None or not _is_value(cur.peek()):
        return False
    amount = _amount(cur.peek())
    if amount is None:
        return False
    if amount <= 0:
        _fail("dose_not_positive", amount=cur.raw())
    draft.dose = amount, _unit(cur.raw(), cur.peek(1), cur.raw(1))
    cur.take(2)
    return True


# --- times of day -----------------------------------------------------------------------------


def default_times(per_day: int) -> tuple[str, ...]:
    """The usual times of day for ``per_day`` doses (1 to 4)."""
    if per_day not in DEFAULT_TIMES:
        raise ValueError(f"no default times for {per_day} doses a day")
    return DEFAULT_TIMES[per_day]


def _clock_text(hour: int, minute: int, offset: int | None, typed: str) -> str:
    """The time as HH:MM; ``offset`` is 0 for am, 12 for pm, None for a 24-hour clock."""
    valid = minute <= 59 and (hour <= 23 if offset is None else 1 <= hour <= 12)
    if not valid:
        _fail("bad_time", time=typed)
    if offset is not None:
        hour = hour % 12 + offset
    return f"{hour:02d}:{minute:02d}"


def _read_time(cur: _Cursor, draft: _Draft) -> bool:
    """Read a time of day ("08:00", "8am", "8:30 pm", "noon")."""
    word, offset = cur.peek(), MERIDIEM.get(cur.peek(1))
    if word in NAMED_TIMES:
        draft.times.append(NAMED_TIMES[word])
        cur.take()
        return True
    clock = _CLOCK.fullmatch(word)
    if clock is None and not (offset is not None and _ONE_OR_TWO_DIGITS.fullmatch(word)):
        return False
    hour, minute = (int(clock[1]), int(clock[2])) if clock else (int(word), 0)
    typed = cur.raw() if offset is None else cur.raw() + cur.raw(1)
    draft.times.append(_clock_text(hour, minute, offset, typed))
    cur.take(1 if offset is None else 2)
    return True


def _read_frequency(cur: _Cursor, draft: _Draft) -> bool:
    """Read a frequency ("twice daily", "3x a day", "tds")."""
    found = _phrase_at(cur.ahead(), FREQUENCIES)
    if found is None or draft.per_day is not None:
        return False
    draft.per_day, length = found
    cur.take(length)
    return True


def _read_filler(cur: _Cursor, draft: _Draft) -> bool:
    """Skip words that only join others ("at 8am and 8pm")."""
    if cur.peek() not in FILLERS:
        return False
    cur.take()
    return True


def _schedule(draft: _Draft) -> tuple[str, ...] | None:
    """The times of day read, sorted; a frequency gives its defaults; None when neither."""
    times = tuple(sorted(set(draft.times)))
    if times and draft.per_day is not None and len(times) != draft.per_day:
        _fail("times_conflict", count=len(times), per_day=draft.per_day)
    if times:
        return times
    return default_times(draft.per_day) if draft.per_day is not None else None


# --- dates ------------------------------------------------------------------------------------


def _weekday(word: str, today: date) -> date | None:
    """The next ``word`` day after today (saying "from monday" on a Monday means next week)."""
    if word not in WEEKDAYS:
        return None
    return today + timedelta(days=(WEEKDAYS[word] - today.weekday() - 1) % 7 + 1)


def _single_word_day(word: str, today: date) -> date | None:
    """The day named by one word: "today", "tomorrow", "monday" or "2026-12-01"."""
    if word in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[word])
    if _ISO_DATE.fullmatch(word):
        try:
            return date.fromisoformat(word)
        except ValueError:
            return None
    return _weekday(word, today)


def _nearest(month: int, day: int, today: date) -> date | None:
    """The date with this month and day closest to today (so "1 jan" in December is next year)."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda candidate: abs(candidate - today), default=None)


def _calendar_day(words: Sequence[str], today: date) -> date | None:
    """The day named by "1 december [2026]" or "december 1 [2026]"."""
    first, second, *year = words
    month, number = (MONTHS.get(first), second) if first in MONTHS else (MONTHS.get(second), first)
    number = number[:-2] if number[-2:] in _ORDINALS else number
    if month is None or not _ONE_OR_TWO_DIGITS.fullmatch(number):
        return None
    if not year:
        return _nearest(month, int(number), today)
    if not _YEAR.fullmatch(year[0]):
        return None
    try:
        return date(int(year[0]), month, int(number))
    except ValueError:
        return None


def _day_from(words: Sequence[str], today: date) -> date | None:
    """The day ``words`` name exactly, or None."""
    if len(words) == 1:
        return _single_word_day(words[0], today)
    if len(words) == 2 and words[0] == "next":
        return _weekday(words[1], today)
    return _calendar_day(words, today)


def _check_day(day: date, today: date) -> date:
    """``day`` if it is neither too far back nor too far ahead to be a real change."""
    if day < today - timedelta(days=BACKDATE_DAYS):
        _fail("date_too_far_back", date=day.isoformat())
    if day > today + timedelta(days=AHEAD_DAYS):
        _fail("date_too_far_ahead", date=day.isoformat())
    return day


def _read_from(cur: _Cursor, draft: _Draft) -> bool:
    """Read "from tomorrow", "from monday", "from 2026-12-01", "from 1 december"."""
    if cur.peek() not in FROM_MARKERS or draft.day is not None:
        return False
    cur.take()
    for length in (3, 2, 1):
        words = cur.ahead(length)
        day = _day_from(words, draft.today) if len(words) == length else None
        if day is not None:
            draft.day = _check_day(day, draft.today)
            cur.take(length)
            return True
    _fail("bad_date", date=cur.raw())


def _effective_at(day: date | None, now: datetime, zone: ZoneInfo) -> datetime:
    """Local midnight at the start of ``day`` as aware UTC, or ``now`` when no day was named."""
    if day is None:
        return now.astimezone(UTC)
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


# --- titration --------------------------------------------------------------------------------


def _expect(cur: _Cursor, words: frozenset[str]) -> None:
    """Step over one of ``words``, or fail: the titration is not in its one accepted shape."""
    if cur.peek() not in words:
        _fail("titration_malformed")
    cur.take()


def _quantity(cur: _Cursor) -> tuple[Decimal, str | None]:
    """An amount with an optional unit inside a titration."""
    amount = _amount(cur.peek())
    if amount is None or amount < 0:
        _fail("titration_malformed")
    cur.take()
    unit = normalise_unit(cur.peek())
    if unit is not None:
        cur.take()
    return amount, unit


def _interval(cur: _Cursor) -> int:
    """The days in "every 7 days", "every 2 weeks", "every day"."""
    count = 1
    if _COUNT.fullmatch(cur.peek()):
        count = int(cur.peek())
        cur.take()
    days = count * PERIOD_DAYS.get(cur.peek(), 0)
    if not 1 <= days <= MAX_STEP_DAYS:
        _fail("titration_malformed")
    cur.take()
    return days


def _read_titration(cur: _Cursor, draft: _Draft) -> bool:
    """Read "increase by 250 mg every 7 days to 1000 mg" (or "decrease by ...")."""
    sign = DIRECTIONS.get(cur.peek())
    if sign is None:
        return False
    if draft.titration is not None:
        _fail("titration_malformed")
    cur.take()
    _expect(cur, frozenset({"by"}))
    step, step_unit = _quantity(cur)
    _expect(cur, frozenset({"every"}))
    every_days = _interval(cur)
    if cur.peek() in ("up", "down"):
        cur.take()
    _expect(cur, UNTIL)
    target, target_unit = _quantity(cur)
    units = frozenset(unit for unit in (step_unit, target_unit) if unit)
    draft.titration = _PlannedTitration(sign * step, every_days, target, units)
    return True


def _titration(draft: _Draft) -> Titration | None:
    """The titration read, checked against the dose it starts from."""
    plan = draft.titration
    if plan is None:
        return None
    if draft.dose is None:
        _fail("titration_needs_dose")
    amount, unit = draft.dose
    if plan.units - {unit}:
        _fail("titration_unit_mismatch", unit=unit, other=", ".join(sorted(plan.units - {unit})))
    if plan.step == 0:
        _fail("titration_malformed")
    gap = plan.target - amount
    if gap == 0:
        _fail("titration_target_reached", target=f"{plan.target} {unit}")
    if gap * plan.step < 0:
        direction = "increase" if plan.step > 0 else "decrease"
        _fail(
            "titration_direction",
            direction=direction,
            amount=f"{amount} {unit}",
            target=f"{plan.target} {unit}",
        )
    if gap / plan.step > MAX_TITRATION_STEPS:
        _fail("titration_too_many_steps", limit=MAX_TITRATION_STEPS)
    return Titration(step=plan.step, every_days=plan.every_days, target=plan.target)


def titration_steps(
    current: Decimal, plan: Titration, first_step_on: date
) -> list[tuple[date, Decimal]]:
    """Each (day, new dose) of ``plan`` from ``current``; the last step lands on the target."""
    if plan.step == 0 or plan.every_days < 1:
        raise ValueError("a titration needs a non-zero step and at least a day between steps")
    clamp = min if plan.step > 0 else max
    steps: list[tuple[date, Decimal]] = []
    amount, day = current, first_step_on
    while (plan.target - amount) * plan.step > 0:
        amount = clamp(amount + plan.step, plan.target)
        steps.append((day, amount))
        day += timedelta(days=plan.every_days)
    return steps


def needs_dose_confirmation(old_amount: Decimal, new_amount: Decimal) -> bool:
    """Whether the new dose is more than double or less than half the old (tenfold typos)."""
    return new_amount > old_amount * 2 or new_amount * 2 < old_amount


# --- commands ---------------------------------------------------------------------------------

Reader = Callable[[_Cursor, _Draft], bool]
_DOSING_READERS: tuple[Reader, ...] = (
    _read_filler,
    _read_frequency,
    _read_time,
    _read_from,
    _read_titration,
    _read_dose,
)
READERS: dict[str, tuple[Reader, ...]] = {
    "start": _DOSING_READERS,
    "change": _DOSING_READERS,
    "stop": (_read_filler, _read_from),
}


def _read_rest(cur: _Cursor, draft: _Draft, readers: tuple[Reader, ...]) -> None:
    """Read every word after the name with the first reader that accepts it."""
    while not cur.done:
        if not any(read(cur, draft) for read in readers):
            _fail("not_understood", word=cur.raw())


def _start(drug: Drug, name: str, draft: _Draft, when: datetime, reason: str | None) -> MedStart:
    """A start: a dose is required; no times means the morning (rescue medicines: none)."""
    if draft.dose is None:
        _fail("dose_missing", name=name)
    amount, unit = draft.dose
    times = _schedule(draft) or (RESCUE_TIMES if drug.is_rescue else START_TIMES)
    return MedStart(drug, name, amount, unit, times, when, reason, _titration(draft))


def _change(drug: Drug, name: str, draft: _Draft, when: datetime, reason: str | None) -> MedChange:
    """A change: a new dose, new times, or both."""
    times = _schedule(draft)
    if draft.dose is None and times is None and draft.titration is None:
        _fail("nothing_to_change", name=name)
    amount, unit = draft.dose or (None, None)
    return MedChange(drug, name, amount, unit, times, when, reason, _titration(draft))


def _stop(drug: Drug, name: str, draft: _Draft, when: datetime, reason: str | None) -> MedStop:
    """A stop."""
    return MedStop(drug, name, when, reason)


BUILDERS: dict[str, Callable[..., MedStart | MedChange | MedStop]] = {
    "start": _start,
    "change": _change,
    "stop": _stop,
}


def parse_med_command(
    text: str, *, now: datetime, timezone: str, bedtime: str = "20:00"
) -> MedStart | MedChange | MedStop:
    """Read the words after ``/med``; a named day takes effect at that day's local midnight."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    command, reason = _split_reason(text)
    words = _words(command)
    if not words:
        _fail("empty")
    action = VERBS.get(words[0].lower())
    if action is None:
        _fail("unknown_verb", verb=words[0])
    name, rest = _split_name(words[1:])
    zone = ZoneInfo(timezone)
    draft = _Draft(today=now.astimezone(zone).date())
    _read_rest(_Cursor(rest), draft, READERS[action])
    when = _effective_at(draft.day, now, zone)
    return BUILDERS[action](resolve(name), name, draft, when, reason)
