"""Reads one line of /followup or /remind text into a title, a due time, a kind and a repeat.

The date and time may be anywhere in the line; the rest is the title. The line is split into
words by the parsing toolkit (typos in date words corrected from ``vocab/<language>/
followups.toml``), dateparser reads each candidate run of words as a date phrase
(``dates.py``), and the toolkit's clock reader finds a time said apart from its day
("EEG on 15 jan ... at 8am", "8am EEG on 15 jan").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from bot.recurrence import Recurrence
from bot.services.followups import repeats
from bot.services.followups.dates import (
    Clock,
    FollowupParseError,
    When,
    ambiguous_hour,
    at_wall,
    describe,
    when_at,
)
from bot.services.followups.kinds import kind_of
from bot.services.parsing import vocab
from bot.services.parsing.clocks import Wall, clock_at
from bot.services.parsing.phrases import Speller
from bot.services.parsing.tokens import Token, tokenize
from models.reminder import ReminderKind

__all__ = ["FollowupParseError", "ParsedFollowup", "kind_of", "parse_followup"]


@dataclass(frozen=True)
class ParsedFollowup:
    """What a /followup or /remind line asked for."""

    title: str
    due_at: datetime
    kind: ReminderKind
    recurrence: Recurrence | None
    time_given: bool


@dataclass(frozen=True)
class _Line:
    """The line's tokens, and each as the word dateparser is given."""

    text: str
    tokens: list[Token]
    words: list[str]


Span = tuple[int, int]  # token indices [start, stop)


@vocab.per_language
def _spelling() -> tuple[dict[str, str], Speller]:
    data = vocab.load("followups")["spelling"]
    keep = [*data["not_typos"], *vocab.common()["words"]["not_typos"]]
    return dict(data["fixes"]), Speller(data["known"], keep=keep, min_length=6)


def _line(text: str) -> _Line:
    """``text`` as tokens, with the words dateparser reads (known misspellings corrected)."""
    fixes, speller = _spelling()
    tokens = tokenize(text)
    words = []
    for token in tokens:
        corrected = fixes.get(token.norm) or speller.correct(token.norm)
        words.append(corrected if corrected and corrected != token.norm else token.bare)
    return _Line(text, tokens, words)


def parse_followup(
    text: str, *, now: datetime, timezone: str, language: str | None = None
) -> ParsedFollowup:
    """Read ``<what> <when> <what>`` or ``<what> every ... <what>``; raise FollowupParseError.

    ``now`` is aware; wall times are read in ``timezone`` and ``due_at`` is aware UTC, on a
    whole minute.

    - The date phrase is the leftmost run of words dateparser understands (English, future
      dates preferred), the longest there; the rest is the title. A time said apart from its
      day ("EEG 15 jan City Hospital 8am", "8am EEG on 15 jan") joins it.
    - Numeric dates are day first: ``3/12`` is 3 December. ISO dates and month names are
      unambiguous; a day of the month alone ("on the 20th") is the next such day.
    - A date without a time falls due at 09:00 local, with ``time_given=False``.
    - ``in 2 hours`` is elapsed time from now, even across a clock change, on the minute the
      clock shows: at 10:00:40, ``in 10 minutes`` is 10:10 (a few seconds is the next minute).
    - Seconds of a typed time are dropped: follow-ups fall due on whole minutes.
    - Dates more than ten years ahead are refused (``12/25`` reads as the year 2125).
    - A repeat is ``every [N] day|week|fortnight|month|year [on <weekday>]`` or
      ``every [N] <weekday>``, optionally followed by a start (``every day 8:00 ...``,
      ``every 3 months from 3 Dec ...``); it may follow the title ("bloods every 3 months").
      Without a start it first falls due one interval from today at 09:00, or on the next
      such weekday at 09:00; a start already past rolls on to its next occurrence.
    - The words are read in ``language`` (the writer's, with English: dateparser too).
    """
    with vocab.speaking(language):
        return _parse(text, now, timezone)


def _parse(text: str, now: datetime, timezone: str) -> ParsedFollowup:
    clock = Clock.at(now, timezone)
    line = _line(text)
    every = vocab.load("followups")["repeat"]["every"]
    for index, token in enumerate(line.tokens):
        if token.norm == every and (index == 0 or repeats.match(_rest(line, index))):
            return _parse_recurring(line, index, clock)
    return _parse_once(line, clock)


def _rest(line: _Line, start: int) -> str:
    return " ".join(line.words[start:])


def _parse_once(line: _Line, clock: Clock) -> ParsedFollowup:
    """A one-off: a date phrase anywhere, perhaps a time apart from it, and the title."""
    found = _first_when(line, [(0, len(line.tokens))], clock)
    if found is None:
        raise FollowupParseError("followup_parsing.no_date")
    when, span = found
    used = [span]
    if not when.elapsed and _only_a_time(line, span):
        other = _first_when(line, _outside(line, used), clock, dates_only=True)
        if other is not None and not other[0].time_given:
            when, used = at_wall(other[0].local, when.local.time(), clock), [span, other[1]]
    elif not when.time_given:
        clock_found = _clock_apart(line, _outside(line, used))
        if clock_found is not None:
            wall, clock_span = clock_found
            when = at_wall(when.local, time(wall.hour, wall.minute), clock)
            used = [span, clock_span]
    if when.due_at <= clock.now:
        raise FollowupParseError("followup_parsing.in_the_past", when=describe(when.local))
    title = _title(line, used)
    return ParsedFollowup(title, when.due_at, kind_of(title), None, when.time_given)


def _first_when(
    line: _Line, segments: list[Span], clock: Clock, *, dates_only: bool = False
) -> tuple[When, Span] | None:
    """The leftmost date phrase in ``segments`` (with ``dates_only``, not a time alone)."""
    for begin, end in segments:
        words = line.words[begin:end]
        for start in range(len(words)):
            found = when_at(words, start, clock)
            if found is None:
                continue
            span = (begin + start, begin + start + found[1])
            if dates_only and _only_a_time(line, span):
                continue
            return found[0], span
    return None


def _only_a_time(line: _Line, span: Span) -> bool:
    """Whether the words of ``span`` are a time of day and nothing else ("at 8am", "14:30")."""
    tokens = line.tokens[span[0] : span[1]]
    found = clock_at(tokens, 0, bare=True)
    return found is not None and found[0] == len(tokens) and found[1].end is None


def _clock_apart(line: _Line, segments: list[Span]) -> tuple[Wall, Span] | None:
    """A time of day in ``segments``: "8am", "at 10:30", "7.30 p.m.", "19h30"."""
    for begin, end in segments:
        tokens = line.tokens[begin:end]
        for start in range(len(tokens)):
            found = clock_at(tokens, start)
            if found is not None and found[1].end is None and isinstance(found[1].start, Wall):
                if found[1].twelve_hour:
                    ambiguous_hour(found[1].start.hour)
                return found[1].start, (begin + start, begin + found[0])
    return None


def _outside(line: _Line, used: list[Span]) -> list[Span]:
    """The runs of tokens not in ``used``."""
    segments, begin = [], 0
    for start, stop in sorted(used):
        if start > begin:
            segments.append((begin, start))
        begin = max(begin, stop)
    if begin < len(line.tokens):
        segments.append((begin, len(line.tokens)))
    return segments


def _parse_recurring(line: _Line, every: int, clock: Clock) -> ParsedFollowup:
    """A repeat: ``every ...``, an optional start, and the title around them."""
    found = repeats.match(_rest(line, every))
    if found is None:
        raise FollowupParseError("followup_parsing.unknown_repeat")
    recurrence = repeats.recurrence_of(found)
    weekday = repeats.weekday_of(found)
    after = every + len(found[0].split())
    start, used = repeats.leading_start(line.words[after:], clock)
    title = _title(line, [(every, after + used)])
    first = repeats.first_occurrence(recurrence, weekday, start, clock)
    time_given = start is not None and start.time_given
    return ParsedFollowup(title, first, kind_of(title), recurrence, time_given)


# ---------------------------------------------------------------- the title


def _piece(line: _Line, start: int, stop: int) -> str:
    """What was typed from token ``start`` to ``stop`` (exclusive), punctuation included."""
    first, last = line.tokens[start], line.tokens[stop - 1]
    begin = first.start - len(first.lead)
    end = last.start - len(last.lead) + len(last.text)
    return line.text[begin:end]


def _title(line: _Line, used: list[Span]) -> str:
    """The words outside the date phrases, without an "on"/"at" left dangling before one
    ("EEG on", "appointment at"); words after one stay ("friday at City Hospital")."""
    edges = frozenset(vocab.load("followups")["title"]["edges"])
    pieces = []
    for begin, end in _outside(line, used):
        if any(start == end for start, _ in used):  # before a date phrase
            while end > begin + 1 and line.tokens[end - 1].norm in edges:
                end -= 1
        pieces.append(_piece(line, begin, end))
    title = " ".join(pieces).strip(" ,;:-–—")
    if not title:
        raise FollowupParseError("followup_parsing.no_title")
    return title
