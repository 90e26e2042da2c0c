"""Read a one-line episode report such as "2m cluster arms school tired" into a record and back."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from datetime import timezone as fixed_offset
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.episodes import vocabulary as vocab
from bot.services.errors import DomainError
from bot.services.medications import drugs
from models.episode import EpisodeKind, Intensity

_TEXTS = "episode_parsing."
SKEW = timedelta(minutes=2)  # a phone's clock and ours may disagree a little about "now"
MAX_DURATION_SECONDS = 24 * 3600
MAX_COUNT = 1000
MAX_AGO = timedelta(days=31)
YEARS = range(2000, 3000)  # keeps date arithmetic far from datetime's limits
QUOTE_LIMIT = 60  # a refusal quotes at most this much of what was typed


@dataclass(frozen=True)
class ParsedEpisode:
    """One episode read from a line; times are aware and in UTC.

    body_parts: arms, left_arm, right_arm, legs, left_leg, right_leg, face, head_neck, trunk,
    whole_body, left_side, right_side ("arms" means an arm or both, side unknown).
    setting: home, school, outside, car, sleep, waking.
    triggers: fatigue, stress, poor_sleep, illness, missed_dose, flashing_lights, startle,
    excitement.
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


class EpisodeParseError(DomainError):
    """A line that can't be saved as it stands; nothing was recorded."""

    key = "episode_parsing.nothing_recognised"

    def __init__(self, reason: str, **params: Any) -> None:
        """Refuse for ``reason`` ("future_time" or "episode_parsing.future_time")."""
        key = reason if reason.startswith(_TEXTS) else f"{_TEXTS}{reason}"
        # As typed (the handler kit escapes every refusal's params for HTML), a long word
        # quoted in part so that the refusal always fits in a message.
        super().__init__(key, **{name: _quote(str(value)) for name, value in params.items()})


def _quote(words: str) -> str:
    """At most QUOTE_LIMIT characters of ``words``, ending in "…" if cut."""
    return words if len(words) <= QUOTE_LIMIT else words[: QUOTE_LIMIT - 1] + "…"


@dataclass(frozen=True)
class _Token:
    text: str  # as typed
    bare: str  # without surrounding punctuation, case kept
    norm: str  # bare, in lower case


@dataclass(frozen=True)
class _Fact:
    field: str
    value: Any


@dataclass(frozen=True)
class _Match:
    start: int
    stop: int
    fact: _Fact


@dataclass(frozen=True)
class _Wall:
    hour: int
    minute: int

    def __str__(self) -> str:
        """The time as "HH:MM"."""
        return f"{self.hour:02d}:{self.minute:02d}"


@dataclass(frozen=True)
class _Exact:
    at: datetime


@dataclass(frozen=True)
class _Clock:
    start: _Wall | _Exact
    end: _Wall | _Exact | None


@dataclass(frozen=True)
class _DayMonth:
    """A date written without its year ("24/11")."""

    day: int
    month: int


@dataclass(frozen=True)
class _Refusal:
    """A phrase that reads as a time, a date or an amount that can't be right."""

    reason: str
    params: tuple[tuple[str, str], ...]


_Raw = tuple[int, int, str | None]  # hour, minute, "am"/"pm" as written
_Core = Callable[[Sequence[_Token], int], tuple[int, _Fact] | None]

_BREAK = re.compile(r"[\s,;]")
# A comma before a digit is a decimal comma ("1,5", ",5"), unless it follows a letter ("arms,5").
_DECIMAL_COMMA = re.compile(r"(?<![^\W\d_]),(?=[0-9])")
_EDGE = ".,;:!?\"'()[]{}“”‘’«»~*"
_NOTE = re.compile(r"(?:^|(?<=[\s,;]))notes?:", re.IGNORECASE)
_NUMBER = r"(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)"  # a decimal comma or point: 1,5 = 1.5
_DIGITS = re.compile(_NUMBER)
_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+")  # 1,000 jerks
_GROUPED = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")  # 1,000 s: one second or a thousand?
_CLOCK = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?(am|pm)?")
_CLOCKISH = re.compile(r"[0-9]:[0-9]|[0-9](?:am|pm)$")  # what a time looks like, right or not
_DASH = re.compile(r"[-–—]")
_ISO_DAY = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})(?:\2([0-9]{2}|[0-9]{4}))?")
_DATEISH = re.compile(r"[0-9]+(?:/[0-9]+)+|[0-9]+(?:-[0-9]+){2,}|[0-9]+(?:\.[0-9]+){2,}")
_EXACT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})t([0-9]{2}):([0-9]{2})(z|[+-][0-9]{2}:[0-9]{2})"
)
_COMPACT = re.compile(rf"(?:({_NUMBER})h)?(?:({_NUMBER})m)?(?:({_NUMBER})s)?")
_AMOUNT = re.compile(rf"({_NUMBER})([a-zµ]+)")
_TIMES = re.compile(r"[x×]([0-9]+)|([0-9]+)[x×]")
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")


def parse_episode(text: str, *, now: datetime, timezone: str) -> ParsedEpisode:
    """Read one line of a report into an episode, or raise EpisodeParseError and save nothing."""
    now, zone = _utc(now), ZoneInfo(timezone)
    head, note = _split_note(text)
    tokens = _tokenize(head)
    matches = _scan(tokens)
    _refuse_unreadable(tokens, matches)
    if tokens and not matches and note is None:
        raise EpisodeParseError("nothing_recognised")
    facts: dict[str, list[_Match]] = defaultdict(list)
    for match in matches:
        facts[match.fact.field].append(match)
    occurred_at, window_end_at, time_given = _when(facts, tokens, now, zone)
    duration, count = _duration_seconds(facts, tokens), _jerk_count(facts, tokens)
    chosen, losers = _settle(facts)
    return ParsedEpisode(
        occurred_at=occurred_at,
        window_end_at=window_end_at,
        duration_seconds=duration,
        jerk_count=count,
        kind=chosen.get("kind") or _kind_of_count(count),
        body_parts=_collect(facts, "body_part"),
        intensity=chosen.get("intensity"),
        setting=chosen.get("setting"),
        triggers=_collect(facts, "trigger"),
        rescue_medication=chosen.get("rescue"),
        injury=chosen.get("injury", False),
        observer=chosen.get("observer"),
        notes=_notes(tokens, matches, losers, note),
        time_given=time_given,
    )


def render_episode_line(episode: ParsedEpisode, *, now: datetime, timezone: str) -> str:
    """The canonical line for an episode: parse_episode reads it back to the same record."""
    now, zone = _utc(now), ZoneInfo(timezone)
    implied_kind = episode.kind == _kind_of_count(episode.jerk_count)
    parts = [
        _render_time(episode, now, zone) if episode.time_given else "",
        _render_duration(episode.duration_seconds),
        _render_count(episode.jerk_count),
        "" if implied_kind else _say("kind", episode.kind),
        *(_say("body_part", part) for part in episode.body_parts),
        _say("intensity", episode.intensity),
        _say("setting", episode.setting),
        *(_say("trigger", trigger) for trigger in episode.triggers),
        _render_rescue(episode.rescue_medication),
        _say("injury", True) if episode.injury else "",
        f"seen by {episode.observer}" if episode.observer else "",
        f"note: {episode.notes}" if episode.notes else "",
    ]
    return " ".join(part for part in parts if part)


# Reading the words


def _utc(now: datetime) -> datetime:
    """``now`` in UTC; a naive time is a programming error."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


def _split_note(text: str) -> tuple[str, str | None]:
    """The text before "note:" and, verbatim, the note after it (None without a marker)."""
    marker = _NOTE.search(text)
    if marker is None:
        return text, None
    return text[: marker.start()], text[marker.end() :].strip()


def _pieces(text: str) -> list[str]:
    """The text split at spaces, commas and semicolons, but not at a decimal comma."""
    kept = {found.start() for found in _DECIMAL_COMMA.finditer(text)}
    pieces, start = [], 0
    for gap in _BREAK.finditer(text):
        if gap.start() not in kept:
            pieces.append(text[start : gap.start()])
            start = gap.end()
    return [piece for piece in [*pieces, text[start:]] if piece]


def _bare(piece: str) -> str:
    """A word without the punctuation around it; a decimal mark before digits stays (".5")."""
    bare, left = piece.strip(_EDGE), piece.lstrip(_EDGE)
    mark = piece[: len(piece) - len(left)][-1:]
    return mark + bare if mark in (".", ",") and bare[:1].isdigit() else bare


def _tokenize(text: str) -> list[_Token]:
    """Words split at spaces, commas and semicolons; a lone full stop is not a word."""
    tokens = []
    for piece in _pieces(text):
        if piece.strip(".…"):
            bare = _bare(piece)
            tokens.append(_Token(piece, bare, bare.lower()))
    return tokens


def _norm(tokens: Sequence[_Token], index: int) -> str:
    """The normalised word at ``index``, or "" past the end."""
    return tokens[index].norm if index < len(tokens) else ""


def _norms(tokens: Sequence[_Token], start: int, size: int) -> tuple[str, ...]:
    """The normalised words from ``start``, ``size`` of them."""
    return tuple(token.norm for token in tokens[start : start + size])


def _words(tokens: Sequence[_Token], match: _Match) -> str:
    """What the user typed for a phrase."""
    return " ".join(token.text for token in tokens[match.start : match.stop])


def _refuse_unreadable(tokens: Sequence[_Token], matches: list[_Match]) -> None:
    """Refuse a time, date or amount that can't be right rather than keep it as a note."""
    used = {index for match in matches for index in range(match.start, match.stop)}
    problems = [
        (match.start, match.fact.value.reason, dict(match.fact.value.params))
        for match in matches
        if match.fact.field == "refusal"
    ]
    for index, token in enumerate(tokens):
        if index in used or _longest(tokens, index) is not None:  # unread, even as negated
            continue
        clock, after = token.norm.replace(".", ""), _norm(tokens, index + 1).replace(".", "")
        if _CLOCKISH.search(clock):
            problems.append((index, "bad_clock", {"time": token.bare}))
        elif clock.isdigit() and after in vocab.MERIDIEMS and index + 1 not in used:
            written = f"{token.bare} {tokens[index + 1].bare}"  # "13 pm"
            problems.append((index, "bad_clock", {"time": written}))
    if problems:
        _, reason, params = min(problems, key=lambda problem: problem[0])
        raise EpisodeParseError(reason, **params)


def _scan(tokens: Sequence[_Token]) -> list[_Match]:
    """Read left to right, taking the longest phrase at each place; a negated one stays text."""
    matches, index = [], 0
    while index < len(tokens):
        found = _longest(tokens, index)
        if found is None and tokens[index].norm in vocab.NEGATORS:
            negated = _longest(tokens, index + 1)  # "no fever" is a note, not a fever
            index = negated.stop if negated else index + 1
        elif found is None:
            index += 1
        else:
            matches.append(found)
            index = found.stop
    return matches


def _longest(tokens: Sequence[_Token], start: int) -> _Match | None:
    """The longest phrase starting at ``start``; grammar wins a tie with the phrasebook."""
    best: _Match | None = None
    for leads, core in _GRAMMAR:
        for lead in leads:
            if _norms(tokens, start, len(lead)) == lead:
                found = core(tokens, start + len(lead))
                if found and (best is None or found[0] > best.stop):
                    best = _Match(start, found[0], found[1])
    for size in range(min(_LONGEST_PHRASE, len(tokens) - start), 0, -1):
        fact = _PHRASEBOOK.get(_norms(tokens, start, size))
        if fact is not None:
            if best is None or start + size > best.stop:
                best = _Match(start, start + size, fact)
            break
    return best


# The grammar: numbers, times, medicines and people


def _decimal(digits: str) -> Decimal:
    """A number in digits, with a decimal comma or point."""
    return Decimal(digits.replace(",", "."))


def _number(norm: str) -> Decimal | None:
    """A number written in digits or as a word ("two", "an")."""
    if _DIGITS.fullmatch(norm):
        return _decimal(norm)
    word = vocab.NUMBER_WORDS.get(norm)
    return None if word is None else Decimal(word)


def _whole(norm: str) -> Decimal | None:
    """A whole number, as a count is written: "12", "1,000", "1.000" or a word ("two")."""
    if _WHOLE.fullmatch(norm):
        return Decimal(re.sub("[.,]", "", norm))
    word = vocab.NUMBER_WORDS.get(norm)
    return None if word is None else Decimal(word)


def _refusal(reason: str, **params: Any) -> _Fact:
    """A phrase that can't be saved as it stands; parse_episode refuses the line for it."""
    return _Fact("refusal", _Refusal(reason, tuple((k, str(v)) for k, v in params.items())))


def _raw_clock(norm: str, meridiem: str | None = None) -> _Raw | None:
    """Hour, minute and am/pm of "10:15", "7pm", "7:30 p.m."; a bare number is not a time."""
    found = _CLOCK.fullmatch(norm.replace(".", ""))
    if not found or (found[3] and meridiem) or not (found[2] or found[3] or meridiem):
        return None
    return int(found[1]), int(found[2] or 0), found[3] or meridiem


def _wall(hour: int, minute: int, meridiem: str | None) -> _Wall | None:
    """A valid 24-hour wall-clock time."""
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "pm" else 0)
    return _Wall(hour, minute) if hour <= 23 and minute <= 59 else None


def _exact(norm: str) -> _Exact | None:
    """An ISO time with its UTC offset, as the renderer writes one the local time can't pin down."""
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
    return _Exact(at.astimezone(UTC))


def _clock_at(tokens: Sequence[_Token], at: int) -> tuple[int, _Raw | _Exact] | None:
    """A clock time at ``at``: "10:15", "7:30pm", "7 pm", "noon" or an ISO time with offset."""
    norm = _norm(tokens, at)
    if norm in vocab.NAMED_TIMES:
        return at + 1, (*vocab.NAMED_TIMES[norm], None)
    exact = _exact(norm)
    if exact:
        return at + 1, exact
    after = _norm(tokens, at + 1).replace(".", "")
    if after in vocab.MERIDIEMS and (raw := _raw_clock(norm, after)):
        return at + 2, raw
    raw = _raw_clock(norm)
    return (at + 1, raw) if raw else None


def _lend_meridiem(start: _Raw, end: _Raw) -> _Raw:
    """Lend the end's am/pm to a bare start: 7:00-7:30pm is 19:00-19:30; 11:30-12:15pm is not."""
    lent, finish = _wall(start[0], start[1], end[2]), _wall(*end)
    if lent and finish and (lent.hour, lent.minute) <= (finish.hour, finish.minute):
        return start[0], start[1], end[2]
    return start


def _window(start: _Raw | _Exact, end: _Raw | _Exact | None) -> _Clock | None:
    """A clock phrase from its raw start and (for a window) end; None if either is invalid."""
    if isinstance(start, tuple) and isinstance(end, tuple) and start[2] is None:
        start = _lend_meridiem(start, end)
    begin = start if isinstance(start, _Exact) else _wall(*start)
    finish = end if end is None or isinstance(end, _Exact) else _wall(*end)
    if begin is None or (end is not None and finish is None):
        return None
    return _Clock(begin, finish)


def _time_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """A clock time, or a window: "7:00-7:30", "7:00 to 7:30", "7pm - 8pm"."""
    halves = _DASH.split(_norm(tokens, at))
    if len(halves) == 2 and (start := _raw_clock(halves[0])) and (end := _raw_clock(halves[1])):
        glued = _window(start, end)
        if glued:
            return at + 1, _Fact("clock", glued)
    first = _clock_at(tokens, at)
    if first is None:
        return None
    stop, start_raw = first
    if _norm(tokens, stop) in vocab.WINDOW_SEPARATORS:
        second = _clock_at(tokens, stop + 1)
        window = _window(start_raw, second[1]) if second else None
        if second and window:
            return second[0], _Fact("clock", window)
    clock = _window(start_raw, None)
    return (stop, _Fact("clock", clock)) if clock else None


def _calendar_day(year: int, month: int, day: int) -> date | None:
    """The date, if there is one (and it is in YEARS)."""
    try:
        return date(year, month, day) if year in YEARS else None
    except ValueError:
        return None


def _day_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """A date: 2026-11-24, or day first as 24/11, 24/11/2026 or 24.11.2026; a wrong one refused.

    Something shaped like a date followed by a unit ("1/2 min") is not taken for one.
    """
    norm, bare = _norm(tokens, at), tokens[at].bare if at < len(tokens) else ""
    if not _DATEISH.fullmatch(norm) or _norm(tokens, at + 1) in vocab.SECONDS_PER_UNIT:
        return None
    iso, day_first = _ISO_DAY.fullmatch(norm), _DAY_FIRST.fullmatch(norm)
    value: date | _DayMonth | None = None
    if iso:
        value = _calendar_day(int(iso[1]), int(iso[2]), int(iso[3]))
    elif day_first:
        day, separator, month, year = day_first.groups()
        if year:
            full_year = int(year) + (2000 if len(year) == 2 else 0)
            value = _calendar_day(full_year, int(month), int(day))
        elif separator == "/" and _calendar_day(2000, int(month), int(day)):  # a leap year
            value = _DayMonth(int(day), int(month))
    if value is None:
        return at + 1, _refusal("bad_date", date=bare)
    return at + 1, _Fact("day", value)


_Amount = tuple[str, Decimal, int]  # a number as written, its value, its unit in seconds


def _amounts(tokens: Sequence[_Token], at: int) -> tuple[int, list[_Amount]] | None:
    """One reading of "number unit": "1h30m", "45sec" or "2 minutes"."""
    norm = _norm(tokens, at)
    compact = _COMPACT.fullmatch(norm)
    if compact and any(compact.groups()):
        units = zip(compact.groups(), (3600, 60, 1), strict=True)
        return at + 1, [(value, _decimal(value), unit) for value, unit in units if value]
    glued = _AMOUNT.fullmatch(norm)
    if glued and glued[2] in vocab.SECONDS_PER_UNIT:
        return at + 1, [(glued[1], _decimal(glued[1]), vocab.SECONDS_PER_UNIT[glued[2]])]
    number, unit = _number(norm), vocab.SECONDS_PER_UNIT.get(_norm(tokens, at + 1))
    return (at + 2, [(norm, number, unit)]) if number is not None and unit else None


def _duration(tokens: Sequence[_Token], at: int) -> tuple[int, Decimal, list[str]] | None:
    """Amounts with falling units read as one sum: "1 min 30 s", "1 hour and 20 minutes"."""
    total, smallest, stop, written = Decimal(0), 0, at, []
    while True:
        part = _amounts(tokens, stop)
        if part is None and smallest and _norm(tokens, stop) == "and":
            part = _amounts(tokens, stop + 1)
        if part is None or (smallest and part[1][0][2] >= smallest):
            break
        stop, amounts = part
        total += sum(value * unit for _, value, unit in amounts)
        written += [number for number, _, _ in amounts]
        smallest = amounts[-1][2]
    return (stop, total, written) if smallest else None


def _span_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """A duration ("2m"); with "ago" after it a time that long before now, "from now" after."""
    found = _duration(tokens, at)
    if found is None:
        return None
    stop, seconds, written = found
    grouped = next((number for number in written if _GROUPED.fullmatch(number)), None)
    if grouped is not None:
        decimal = format(_decimal(grouped).normalize(), "f")
        return stop, _refusal("ambiguous_number", number=grouped, decimal=decimal,
                              whole=int(re.sub("[.,]", "", grouped)))  # fmt: skip
    if _norm(tokens, stop) == vocab.AGO:
        return stop + 1, _Fact("ago", seconds)
    if _norms(tokens, stop, 2) == vocab.FROM_NOW:
        return stop + 2, _Fact("ahead", seconds)
    return stop, _Fact("duration", seconds)


def _ahead_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """A time still to come, "in 2 hours" (which is not how long it lasted)."""
    found = _duration(tokens, at)
    return (found[0], _Fact("ahead", found[1])) if found else None


def _count_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """A number of jerks: "5 jerks", "x3", "x 3", "3x", "3 times", "one jerk", "twice"."""
    norm = _norm(tokens, at)
    if norm in vocab.COUNT_WORDS:
        return at + 1, _Fact("count", Decimal(vocab.COUNT_WORDS[norm]))
    times = _TIMES.fullmatch(norm)
    if times:
        return at + 1, _Fact("count", Decimal(times[1] or times[2]))
    if norm in vocab.COUNT_SIGNS and _WHOLE.fullmatch(_norm(tokens, at + 1)):
        return at + 2, _Fact("count", _whole(_norm(tokens, at + 1)))
    number = _whole(norm)
    if number is None:
        return None
    unit = at + 1 + (_norm(tokens, at + 1) in vocab.COUNT_ADJECTIVES)
    return (unit + 1, _Fact("count", number)) if _norm(tokens, unit) in vocab.COUNT_UNITS else None


def _dose_unit(word: str) -> str | None:
    """The canonical unit of a rescue dose: mg, ml or mcg."""
    unit = "mcg" if word in vocab.MICROGRAMS else drugs.normalise_unit(word)
    return unit if unit in vocab.DOSE_UNITS else None


def _dose(tokens: Sequence[_Token], at: int) -> tuple[int, str] | None:
    """A dose such as "5mg" or "2.5 mg", written back as "5 mg"."""
    norm = _norm(tokens, at)
    glued = _AMOUNT.fullmatch(norm)
    if glued and (unit := _dose_unit(glued[2])):
        return at + 1, f"{glued[1]} {unit}"
    unit = _dose_unit(_norm(tokens, at + 1))
    return (at + 2, f"{norm} {unit}") if unit and _DIGITS.fullmatch(norm) else None


def _rescue_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """A named rescue medicine: [route] drug [dose] [given], e.g. "buccal Buccolam 5mg"."""
    words, stop = [], at
    if _norm(tokens, stop) in vocab.RESCUE_ROUTES:
        words.append(_norm(tokens, stop))
        stop += 1
    generic = vocab.RESCUE_DRUGS.get(_norm(tokens, stop))
    if generic is None:
        return None
    words.append(generic)
    dose = _dose(tokens, stop + 1)
    stop = dose[0] if dose else stop + 1
    words += [dose[1]] if dose else []
    if _norm(tokens, stop) in vocab.RESCUE_AFTERWORDS:
        stop += 1
    return stop, _Fact("rescue", " ".join(words))


def _observer_core(tokens: Sequence[_Token], at: int) -> tuple[int, _Fact] | None:
    """Who saw it: "seen by grandma", "witnessed by Mrs Smith" (titles, then one name)."""
    if _norm(tokens, at) not in vocab.OBSERVER_VERBS or _norm(tokens, at + 1) != "by":
        return None
    stop = at + 2
    while _norm(tokens, stop) in vocab.OBSERVER_TITLES:
        stop += 1
    if stop >= len(tokens) or not _NAME.fullmatch(tokens[stop].bare):
        return None
    return stop + 1, _Fact("observer", " ".join(t.bare for t in tokens[at + 2 : stop + 1]))


def _leads(*patterns: str) -> tuple[tuple[str, ...], ...]:
    """No lead-in, then every lead-in the patterns stand for."""
    return ((), *(seq for pattern in patterns for seq in vocab.expand(pattern)))


def _build_phrasebook() -> dict[tuple[str, ...], _Fact]:
    """Every vocabulary phrase, with and without its lead-ins, mapped to what it states."""
    book: dict[tuple[str, ...], _Fact] = {}
    for table in vocab.TABLES:
        leads = _leads(*table.leadins)
        for value, patterns in table.phrases.items():
            fact = _Fact(table.field, value)
            for core in (seq for pattern in patterns for seq in vocab.expand(pattern)):
                for lead in leads:
                    if book.setdefault(lead + core, fact) != fact:
                        raise ValueError(f"{' '.join(lead + core)!r} would mean two things")
    return book


_GRAMMAR: tuple[tuple[tuple[tuple[str, ...], ...], _Core], ...] = (
    (_leads(*vocab.TIME_LEADINS), _time_core),
    (_leads("on"), _day_core),
    (_leads(*vocab.DURATION_LEADINS), _span_core),
    (_leads(*vocab.AHEAD_LEADINS)[1:], _ahead_core),
    (_leads(*vocab.COUNT_LEADINS), _count_core),
    (_leads(*vocab.RESCUE_LEADINS), _rescue_core),
    (_leads(), _observer_core),
)
_PHRASEBOOK = _build_phrasebook()
_LONGEST_PHRASE = max(len(phrase) for phrase in _PHRASEBOOK)
_ORDER = {table.field: list(table.phrases) for table in vocab.TABLES}
_SAY = {
    (table.field, value): vocab.canonical(patterns[0])
    for table in vocab.TABLES
    for value, patterns in table.phrases.items()
}


# Settling the facts into one record


def _one(
    facts: dict[str, list[_Match]],
    field: str,
    tokens: Sequence[_Token],
    error: str,
    key: Callable[[Any], Any] = lambda value: value,
) -> _Match | None:
    """The match a field's phrases agree on, if any; two different values are refused."""
    matches = facts.get(field, [])
    for later in matches[1:]:
        if key(later.fact.value) != key(matches[0].fact.value):
            first, second = _words(tokens, matches[0]), _words(tokens, later)
            raise EpisodeParseError(error, first=first, second=second)
    return matches[0] if matches else None


def _date_of(value: int | date | _DayMonth, today: date) -> date | None:
    """The date a day phrase names: a date, a number of days from today, or a day and month.

    A day and month is this year's, unless that is still to come and last year's was within
    the last month ("30/12" early in January); None if there is no such date.
    """
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        return today + timedelta(days=value)
    this = _calendar_day(today.year, value.month, value.day)
    last = _calendar_day(today.year - 1, value.month, value.day)
    if this is not None and this <= today:
        return this
    if last is not None and today - last <= MAX_AGO:
        return last
    return this


def _instant(day: date, wall: _Wall, fold: int, zone: ZoneInfo) -> datetime:
    """A local date and wall-clock time in UTC; ``fold`` picks the hour a clock change repeats."""
    local = datetime.combine(day, time(wall.hour, wall.minute, fold=fold), tzinfo=zone)
    return local.astimezone(UTC)


def _latest_past(day: date, wall: _Wall, now: datetime, zone: ZoneInfo) -> datetime | None:
    """The latest moment that day showing that time which isn't in the future."""
    candidates = {_instant(day, wall, fold, zone) for fold in (0, 1)}
    return max((moment for moment in candidates if moment <= now + SKEW), default=None)


def _window_end(end: _Wall | _Exact, start: datetime, zone: ZoneInfo) -> datetime:
    """The first moment from ``start`` on that shows the end time (so 23:50-00:10 ends next day)."""
    if isinstance(end, _Exact):
        return end.at
    first_day = start.astimezone(zone).date()
    candidates = {
        _instant(first_day + timedelta(days=days), end, fold, zone)
        for days in (0, 1, 2)
        for fold in (0, 1)
    }
    return min(moment for moment in candidates if moment >= start)


def _show(moment: datetime, zone: ZoneInfo) -> str:
    """A moment as local "YYYY-MM-DD HH:MM", for messages."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def _clock_times(
    match: _Match, day: date | None, now: datetime, zone: ZoneInfo, tokens: Sequence[_Token]
) -> tuple[datetime, datetime | None]:
    """Start and end of a clock phrase; a bare time not reached yet today is refused."""
    clock, today = match.fact.value, now.astimezone(zone).date()
    if isinstance(clock.start, _Exact):
        start = clock.start.at
    else:
        found = _latest_past(day or today, clock.start, now, zone)
        if found is None and day in (None, today):
            raise EpisodeParseError("later_today", time=str(clock.start))
        if found is None:
            raise EpisodeParseError("future_time", when=_words(tokens, match))
        start = found
    end = None if clock.end is None else _window_end(clock.end, start, zone)
    if end is not None and end < start:
        raise EpisodeParseError("two_times", first=_show(start, zone), second=_show(end, zone))
    return start, end


def _ago_time(match: _Match, now: datetime, today: date, tokens: Sequence[_Token]) -> datetime:
    """The minute that long before now; more than a month back is refused."""
    seconds = match.fact.value
    if seconds > Decimal(MAX_AGO.total_seconds()):
        example = today - timedelta(days=int(min(seconds, Decimal(3650 * 86400)) // 86400))
        raise EpisodeParseError("too_long_ago", when=_words(tokens, match), date=example)
    return (now - timedelta(seconds=int(seconds))).replace(second=0, microsecond=0)


def _when(
    facts: dict[str, list[_Match]], tokens: Sequence[_Token], now: datetime, zone: ZoneInfo
) -> tuple[datetime, datetime | None, bool]:
    """When it started (UTC), when a window ended, and whether the text said so."""
    today = now.astimezone(zone).date()
    ahead = _one(facts, "ahead", tokens, "two_times")
    if ahead:
        raise EpisodeParseError("ahead", when=_words(tokens, ahead))
    day = _one(facts, "day", tokens, "two_times", key=lambda value: _date_of(value, today))
    clock, ago = _one(facts, "clock", tokens, "two_times"), _one(facts, "ago", tokens, "two_times")
    on = _date_of(day.fact.value, today) if day else None
    said = " ".join(_words(tokens, match) for match in (day, clock, ago) if match)
    if day and on is None:
        raise EpisodeParseError("bad_date", date=tokens[day.stop - 1].bare)
    if on is not None and on > today:
        raise EpisodeParseError("future_time", when=said)
    start, end = _clock_times(clock, on, now, zone, tokens) if clock else (None, None)
    if ago:
        back = _ago_time(ago, now, today, tokens)
        if clock and start != back:
            first, second = _words(tokens, clock), _words(tokens, ago)
            raise EpisodeParseError("two_times", first=first, second=second)
        start = back
    if start is None:
        if on not in (None, today):
            raise EpisodeParseError("day_without_time", day=said)
        return now, None, False
    exact = ago or (clock if clock and isinstance(clock.fact.value.start, _Exact) else None)
    if day and exact and start.astimezone(zone).date() != on:
        first, second = _words(tokens, day), _words(tokens, exact)
        raise EpisodeParseError("two_times", first=first, second=second)
    if max(start, end or start) > now + SKEW:
        raise EpisodeParseError("future_time", when=said)
    return start, end, True


def _whole_seconds(seconds: Decimal) -> int:
    """Round to whole seconds, keeping any real duration at least a second long."""
    whole = int(seconds.to_integral_value(rounding=ROUND_HALF_UP))
    return max(whole, 1) if seconds > 0 else 0


def _duration_seconds(facts: dict[str, list[_Match]], tokens: Sequence[_Token]) -> int | None:
    """How long it lasted; no time at all, or more than a day, is refused."""
    match = _one(facts, "duration", tokens, "two_durations")
    if match is None:
        return None
    if match.fact.value > MAX_DURATION_SECONDS:
        raise EpisodeParseError("duration_too_long", duration=_words(tokens, match))
    if match.fact.value == 0:
        raise EpisodeParseError("duration_zero", duration=_words(tokens, match))
    return _whole_seconds(match.fact.value)


def _jerk_count(facts: dict[str, list[_Match]], tokens: Sequence[_Token]) -> int | None:
    """How many jerks; none or an absurd number is refused."""
    match = _one(facts, "count", tokens, "two_counts")
    if match is None:
        return None
    if not 1 <= match.fact.value <= MAX_COUNT:
        raise EpisodeParseError("bad_count", count=_words(tokens, match))
    return int(match.fact.value)


def _kind_of_count(count: int | None) -> EpisodeKind | None:
    """The kind a count implies on its own: one jerk, or a series."""
    if count is None:
        return None
    return EpisodeKind.SINGLE_JERK if count == 1 else EpisodeKind.CLUSTER


def _rank(fact: _Fact) -> int:
    """Lower wins: vocabulary order; a named medicine beats an unnamed one; else the first."""
    if fact.field == "rescue":
        return int(fact.value == vocab.UNSPECIFIED_RESCUE)
    order = _ORDER.get(fact.field, [])
    return order.index(fact.value) if fact.value in order else 0


def _settle(facts: dict[str, list[_Match]]) -> tuple[dict[str, Any], list[_Match]]:
    """One value per single-valued field; a different value that loses is kept as notes."""
    chosen: dict[str, Any] = {}
    losers: list[_Match] = []
    for field in ("kind", "intensity", "setting", "rescue", "injury", "observer"):
        matches = facts.get(field, [])
        if not matches:
            continue
        best = min(matches, key=lambda match: _rank(match.fact)).fact.value
        chosen[field] = best
        unnamed = vocab.UNSPECIFIED_RESCUE if field == "rescue" else best
        losers += [m for m in matches if m.fact.value not in (best, unnamed)]
    return chosen, losers


def _collect(facts: dict[str, list[_Match]], field: str) -> tuple[str, ...]:
    """Every value of a many-valued field, first mention first."""
    return tuple(dict.fromkeys(match.fact.value for match in facts.get(field, [])))


def _notes(
    tokens: Sequence[_Token], matches: list[_Match], losers: list[_Match], note: str | None
) -> str | None:
    """The words not understood (and losing phrases) as typed and in order, then the note."""
    spans = {index for match in matches for index in range(match.start, match.stop)}
    used = {i for match in matches if match not in losers for i in range(match.start, match.stop)}
    joiners = {
        index
        for index, token in enumerate(tokens)
        if token.norm in vocab.JOINERS and index not in spans and {index - 1, index + 1} <= spans
    }
    words = [token.text for i, token in enumerate(tokens) if i not in used | joiners]
    return " ".join([*words, note] if note else words) or None


# Writing the canonical line


def _say(field: str, value: Any) -> str:
    """The canonical words for a vocabulary value ("" for none)."""
    return "" if value is None else _SAY.get((field, value), str(value))


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    """A local ISO time with its UTC offset, which pins down an hour a clock change repeats."""
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%dT%H:%M}{offset[:3]}:{offset[3:5]}"


def _render_time(episode: ParsedEpisode, now: datetime, zone: ZoneInfo) -> str:
    """The start as local "YYYY-MM-DD HH:MM" (with offset only if that is ambiguous), any end."""
    start, local = episode.occurred_at, episode.occurred_at.astimezone(zone)
    plain = _latest_past(local.date(), _Wall(local.hour, local.minute), now, zone) == start
    text = f"{local:%Y-%m-%d %H:%M}" if plain else _iso(start, zone)
    end = episode.window_end_at
    if end is None:
        return text
    end_local = end.astimezone(zone)
    if _window_end(_Wall(end_local.hour, end_local.minute), start, zone) == end:
        return f"{text} to {end_local:%H:%M}"
    return f"{text} to {_iso(end, zone)}"


def _render_duration(seconds: int | None) -> str:
    """A duration as "45s", "2m", "1h" or "1m30s"."""
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    parts = ((hours, "h"), (rest // 60, "m"), (rest % 60, "s"))
    return "".join(f"{value}{unit}" for value, unit in parts if value) or "0s"


def _render_count(count: int | None) -> str:
    """A count as "1 jerk" or "5 jerks"."""
    if count is None:
        return ""
    return "1 jerk" if count == 1 else f"{count} jerks"


def _render_rescue(medicine: str | None) -> str:
    """A rescue medicine as "gave midazolam 5 mg", or "rescue given" when unnamed."""
    if medicine is None:
        return ""
    if medicine == vocab.UNSPECIFIED_RESCUE:
        return _say("rescue", medicine)
    return f"gave {medicine}"
