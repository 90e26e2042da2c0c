"""When a report says it happened: the start (and a window's end) in UTC, and how precisely."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.services.episodes.parsed import MAX_AGO, SKEW, EpisodeParseError, Option, Question
from bot.services.episodes.reading import Match, Reading
from bot.services.parsing.clocks import Clock, Exact, Wall
from bot.services.parsing.dayparts import PartOfDay, Slot
from bot.services.parsing.days import Weekday, on_or_before
from bot.services.parsing.moments import instant, latest_past, show, window_end
from bot.services.parsing.numerals import Quantity
from models.episode import TimePrecision as P

NOON = Wall(12, 0)
DAY_OPTIONS = (Wall(9, 0), Wall(15, 0), Wall(20, 0))  # "yesterday": morning, afternoon, evening
_TIMES = frozenset({"day", "part", "clock", "ago"})
GENERAL_PARTS = frozenset({"early_morning", "morning", "afternoon", "evening", "night"})


@dataclass(frozen=True)
class When:
    """The start, a window's end, how it was said, and at most one question about it."""

    start: datetime
    end: datetime | None = None
    given: bool = False
    precision: P = P.EXACT
    question: Question | None = None


@dataclass(frozen=True)
class _Context:
    reading: Reading
    now: datetime
    zone: ZoneInfo

    @property
    def today(self) -> date:
        return self.now.astimezone(self.zone).date()

    def label(self, moment: datetime) -> str:
        """ "HH:MM" today, else "YYYY-MM-DD HH:MM" (local)."""
        local = moment.astimezone(self.zone)
        return f"{local:%H:%M}" if local.date() == self.today else show(moment, self.zone)

    def option(self, when: When) -> Option:
        end = when.end.isoformat() if when.end else None
        fields = {"occurred_at": when.start.isoformat(), "window_end_at": end}
        return Option(self.label(when.start), fields | {"time_precision": when.precision.value})


def resolve(reading: Reading, now: datetime, zone: ZoneInfo) -> When:
    """When it started; refuse a time to come, or a day that can't be, with the reason."""
    context = _Context(reading, now, zone)
    for ahead in reading.of("ahead"):
        raise EpisodeParseError("ahead", when=reading.words(ahead))
    said = " ".join(reading.words(m) for f in ("day", "part", "clock", "ago") for m in _first(
        reading, f))  # fmt: skip
    days = [(match, _date(context, match, said)) for match in reading.of("day")]
    part = _part(reading)
    day = days[0][1] if days else None
    readings = [_clock(context, m, days[0][0] if days else None, day, part, said)
                for m in reading.of("clock")]  # fmt: skip
    readings += [_ago(context, match) for match in reading.of("ago")]
    if not readings and part is not None:
        readings.append(_part_reading(context, part, days[0][0] if days else None, day, said))
    elif not readings and day is not None and day != context.today:
        readings.append(_day_reading(context, day, reading.words(days[0][0])))
    if not readings:
        return When(now)
    first = readings[0]
    others = [w for w in readings[1:] if (w.start, w.end) != (first.start, first.end)]
    if not others and len({d for _, d in days}) > 1:
        others = [_on_other_day(context, first, days[1][1])]
    elif not others and days and reading.of("ago") and _local_day(context, first) != day:
        others = [_day_reading(context, day, reading.words(days[0][0]))]  # type: ignore[arg-type]
    if others:
        phrase = " ".join(reading.words(m) for m in reading.matches if m.fact.field in _TIMES)
        options = (context.option(first), context.option(others[0]))
        return replace(first, question=Question("which_time", phrase, options, type_it=True))
    return first


def _first(reading: Reading, field: str) -> list[Match]:
    return reading.of(field)[:1]


def _local_day(context: _Context, when: When) -> date:
    return when.start.astimezone(context.zone).date()


def _date(context: _Context, match: Match, said: str) -> date:
    """The date a day phrase names; one to come is refused, one that isn't is a bad date."""
    found = on_or_before(match.fact.value, context.today, within=MAX_AGO)
    if found is None:
        raise EpisodeParseError("bad_date", date=context.reading.tokens[match.stop - 1].bare)
    if found > context.today:
        raise EpisodeParseError("future_time", when=said)
    return found


def _part(reading: Reading) -> PartOfDay | None:
    """The part of the day named: a meal or nap says more than "morning"; a day from either."""
    parts = [match.fact.value for match in reading.of("part")]
    if not parts:
        return None
    specific = [p for p in parts if p.key not in GENERAL_PARTS] or parts
    named_day = next((p.day for p in parts if p.day is not None), None)
    return replace(specific[0], day=named_day)


def _walls(clock: Clock, part: PartOfDay | None) -> list[Wall]:
    """The wall times a clock may mean: both halves of the day for a bare hour, unless a part
    of the day says which ("around 6 this evening")."""
    assert isinstance(clock.start, Wall)
    wall = clock.start
    if not clock.twelve_hour:
        return [wall]
    other = Wall((wall.hour + 12) % 24, wall.minute)
    if part is None:
        return [wall, other]
    target = part.at.wall.hour * 60 + part.at.wall.minute

    def distance(candidate: Wall) -> int:
        gap = abs(candidate.hour * 60 + candidate.minute - target)
        return min(gap, 1440 - gap)

    return [min((wall, other), key=distance)]


def _clock(
    context: _Context,
    match: Match,
    day_match: Match | None,
    day: date | None,
    part: PartOfDay | None,
    said: str,
) -> When:
    """The start (and end) a clock phrase names on its day; a time not reached is refused."""
    clock: Clock = match.fact.value
    precision = P.ABOUT if clock.approximate else P.EXACT
    if isinstance(clock.start, Exact):
        start = clock.start.at
        end = _end(context, clock, start)
        if max(start, end or start) > context.now + SKEW:
            raise EpisodeParseError("future_time", when=said)
        return When(start, end, True, precision)
    on = day if day is not None else _part_day(context, part)
    found = []
    for wall in _walls(clock, part):
        wall_day = on or context.today
        if part is not None and part.options[-1].next_day and wall.hour < 12:
            wall_day = wall_day + timedelta(days=1) if on is not None else wall_day
        moment = latest_past(wall_day, wall, context.now + SKEW, context.zone)
        weekday = day_match is not None and isinstance(day_match.fact.value, Weekday)
        if moment is None and weekday:  # "Tuesday 19:00" on a Tuesday afternoon: last week's
            moment = latest_past(wall_day - timedelta(days=7), wall, context.now, context.zone)
        if moment is not None:
            found.append(moment)
    if not found and on in (None, context.today):
        raise EpisodeParseError("later_today", time=str(_walls(clock, part)[0]))
    if not found:
        raise EpisodeParseError("future_time", when=said)
    start = max(found)
    end = _end(context, clock, start)
    if end is not None and end > context.now + SKEW:
        raise EpisodeParseError("future_time", when=said)
    when = When(start, end, True, precision)
    others = [m for m in found if m != start and end is None]
    if others:
        alternative = replace(when, start=others[0])
        options = (context.option(when), context.option(alternative))
        when = replace(when, question=Question("am_pm", context.reading.words(match), options))
    return when


def _end(context: _Context, clock: Clock, start: datetime) -> datetime | None:
    if clock.end is None:
        return None
    if isinstance(clock.end, Exact):
        end = clock.end.at
    else:
        end = window_end(clock.end, start, context.zone)
    if end < start:
        first, second = show(start, context.zone), show(end, context.zone)
        raise EpisodeParseError("two_times", first=first, second=second)
    return end


def _part_day(context: _Context, part: PartOfDay | None) -> date | None:
    """The day a part of the day names by itself ("last night": yesterday), if it does."""
    if part is None or part.day is None:
        return None
    return context.today + timedelta(days=part.day)


def _moment(context: _Context, day: date, slot: Slot) -> datetime:
    return instant(day + timedelta(days=slot.next_day), slot.wall, 0, context.zone)


def _part_reading(
    context: _Context, part: PartOfDay, day_match: Match | None, day: date | None, said: str
) -> When:
    """A part of the day: saved at its usual time (or now, if that is still to come today),
    with its likely times to choose from."""
    now = context.now.replace(second=0, microsecond=0)
    on = day if day is not None else _part_day(context, part)
    begun = lambda base: _moment(context, base, part.first) <= context.now  # noqa: E731
    if on is None:
        on = next((base for base in (context.today, context.today - timedelta(days=1))
                   if begun(base)), context.today - timedelta(days=1))  # fmt: skip
    elif not begun(on) and day_match is not None and isinstance(day_match.fact.value, Weekday):
        on -= timedelta(days=7)
    if not begun(on):
        raise EpisodeParseError("future_time", when=said)
    start = min(_moment(context, on, part.at), now)
    moments = [_moment(context, on, slot) for slot in part.options]
    options = tuple(
        context.option(When(moment, None, True, P.ABOUT))
        for moment in moments
        if moment <= context.now + SKEW
    )
    phrase = " ".join(context.reading.words(match) for match in context.reading.of("part"))
    question = Question("time_of_day", phrase, options, type_it=True) if options else None
    return When(start, None, True, P.PART_OF_DAY, question)


def _day_reading(context: _Context, day: date, phrase: str) -> When:
    """A past day without a time: saved at noon, asking about what time."""
    start = instant(day, NOON, 0, context.zone)
    options = tuple(
        context.option(When(instant(day, wall, 0, context.zone), None, True, P.PART_OF_DAY))
        for wall in DAY_OPTIONS
    )
    question = Question("time_of_day", phrase, options, type_it=True)
    return When(start, None, True, P.DAY, question)


def _on_other_day(context: _Context, when: When, day: date) -> When:
    """The same wall time on another day, as the other reading of a line naming two days."""
    local = when.start.astimezone(context.zone)
    start = instant(day, Wall(local.hour, local.minute), 0, context.zone)
    return replace(when, start=start, end=None, question=None)


def _ago(context: _Context, match: Match) -> When:
    """The minute that long before now; more than a month back is refused."""
    quantity: Quantity = match.fact.value
    seconds = quantity.largest
    if seconds > Decimal(MAX_AGO.total_seconds()):
        days = int(min(seconds, Decimal(3650 * 86400)) // 86400)
        example = context.today - timedelta(days=days)
        raise EpisodeParseError("too_long_ago", when=context.reading.words(match), date=example)
    start = (context.now - timedelta(seconds=int(seconds))).replace(second=0, microsecond=0)
    return When(start, None, True, P.ABOUT if quantity.approximate else P.EXACT)
