"""The words of a /med line after its verb, read one phrase at a time into a draft.

Built on the parsing toolkit: its tokens, numbers, clock times and days; the /med words
(frequencies, dose times, fillers) come from ``words.vocabulary()``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from bot.services.medications.commands import fail
from bot.services.medications.drugs import normalise_unit
from bot.services.medications.words import BEDTIME, Vocabulary, vocabulary
from bot.services.parsing import vocab
from bot.services.parsing.clocks import Clock, Wall, clock_at, looks_like_clock, meridiem
from bot.services.parsing.numerals import number
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token, respell, tokenize

MAX_AMOUNT = Decimal(10) ** 8  # medication doses are Numeric(12, 4)
MAX_DECIMALS = 4
_GLUED = re.compile(r"(-?[0-9.,]*[0-9])([^\W\d_][^0-9]*)")  # "250mg", "8am", "3x", "2,5ml"
_FREQUENCY_SLASH = re.compile(r"(x|times?)(/.+)")  # "3x/day": "3", "x", "/day"
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_VALUE_START = re.compile(r"-?[.,]?[0-9]")
_NUMBER = re.compile(r"-?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)")
V = TypeVar("V")


@vocab.per_language
def _clock_leads() -> frozenset[str]:
    clock = vocab.common()["clock"]
    return frozenset(clock["exact_leadins"]) | frozenset(clock["approximate_leadins"])


def _split(token: Token, at: int) -> list[Token]:
    """``token`` cut after ``at`` characters of its bare word, as two tokens."""
    head, tail = token.bare[:at], token.bare[at:]
    return [
        Token(head, head, head.lower(), token.start, token.start + at, token.lead),
        Token(tail, tail, tail.lower(), token.start + at, token.end),
    ]


def unglue(token: Token) -> list[Token]:
    """A number glued to a word ("250mg", "8am", "3x/day") as two tokens; ordinals stay."""
    glued = _GLUED.fullmatch(token.bare)
    if glued is None or glued[2].lower() in _ORDINALS or normalise_unit(token.bare):
        return [token]
    head, tail = _split(token, len(glued[1]))
    slash = _FREQUENCY_SLASH.fullmatch(tail.norm)
    return [head, *(_split(tail, len(slash[1])) if slash else [tail])]


def words_of(text: str, words: Vocabulary) -> list[Token]:
    """The tokens of ``text``, unglued, with one-typo slips in /med words corrected."""
    tokens = [piece for token in tokenize(text) for piece in unglue(token)]
    return respell(tokens, words.speller)


def is_value(norm: str) -> bool:
    """Whether a word starts like a number or a clock time rather than a name."""
    return _VALUE_START.match(norm) is not None


class Cursor:
    """The tokens after the verb, read left to right."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = list(tokens)
        self.norms = [token.norm for token in tokens]
        self.pos = 0

    @property
    def done(self) -> bool:
        return self.pos >= len(self.tokens)

    def raw(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.tokens[index].bare if 0 <= index < len(self.tokens) else ""

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.norms[index] if 0 <= index < len(self.norms) else ""

    def phrase(self, book: Phrasebook[V]) -> tuple[int, V] | None:
        """The longest phrase of ``book`` here: (how many words, its value)."""
        found = book.longest(self.norms, self.pos)
        return (found[0] - self.pos, found[1]) if found else None

    def take(self, count: int = 1) -> None:
        self.pos += count


@dataclass
class PlannedTitration:
    step: Decimal
    every_days: int
    target: Decimal
    units: frozenset[str]


@dataclass
class Draft:
    """What has been read so far."""

    today: date
    bedtime: str
    words: Vocabulary = field(default_factory=vocabulary)
    dose: tuple[Decimal, str] | None = None
    times: list[str] = field(default_factory=list)
    per_day: int | None = None
    spaced: tuple[str, ...] | None = None  # "every 8 hours": its times
    day: date | None = None
    titration: PlannedTitration | None = None


Reader = Callable[[Cursor, Draft], bool]


# --- numbers and doses ------------------------------------------------------------------------


def amount(word: str) -> Decimal | None:
    """The number ``word`` spells ("2,5" is 2.5), refusing forms that risk a thousandfold error."""
    if not _NUMBER.fullmatch(word):
        value = number(word)
        return value if value is not None and value > 0 and word not in ("a", "an") else None
    whole, _, fraction = word.replace(",", ".").partition(".")
    if len(fraction) == 3 and whole.strip("-0"):
        # "1,000" / "1.000" is one thousand in much of the world and one elsewhere.
        fail(
            "dose_ambiguous",
            amount=word,
            thousands=whole + fraction,
            decimal=f"{whole}.{fraction}0",
        )
    value = Decimal(word.replace(",", "."))
    if abs(value) >= MAX_AMOUNT or len(fraction) > MAX_DECIMALS:
        fail("dose_out_of_range", amount=word)
    return value


# --- times of day -----------------------------------------------------------------------------


def _time_of(value: str, draft: Draft) -> str:
    return draft.bedtime if value == BEDTIME else value


def read_clock(cur: Cursor, draft: Draft) -> bool:
    """A time of day: "08:00", "8am", "at 8:30 p.m.", "19h30", "noon"; "at 8" in the morning."""
    size = 4 if cur.peek() in _clock_leads() else 2  # no windows: "8am and 8pm" are two times
    found = clock_at(cur.tokens[cur.pos : cur.pos + size], 0)
    if found is None or found[1].end is not None or not isinstance(found[1].start, Wall):
        if looks_like_clock(cur.peek(), cur.peek(1)):
            typed = cur.raw() + (cur.raw(1) if meridiem(cur.peek(1)) else "")
            fail("bad_time", time=typed)
        return False
    stop, clock = found
    wall = _with_part_of_day(cur, stop, clock, draft)
    draft.times.append(str(wall))
    return True


def _with_part_of_day(cur: Cursor, stop: int, clock: Clock, draft: Draft) -> Wall:
    """A bare hour said with its part of the day ("at 8 in the evening"), else refused."""
    assert isinstance(clock.start, Wall)
    cur.take(stop)
    if not clock.twelve_hour:
        return clock.start
    part = cur.phrase(draft.words.dose_times)
    if part is None:
        fail("hour_ambiguous", hour=clock.start.hour)
    cur.take(part[0])
    hour = clock.start.hour % 12
    evening = part[1] == BEDTIME or str(part[1]) >= "12:00"
    return Wall(hour + 12 if evening else hour, clock.start.minute)


def read_dose_time(cur: Cursor, draft: Draft) -> bool:
    """A part of the day as a dose time ("morning", "at night", "with lunch")."""
    found = cur.phrase(draft.words.dose_times)
    if found is None:
        return False
    draft.times.append(_time_of(str(found[1]), draft))
    cur.take(found[0])
    return True


def read_frequency(cur: Cursor, draft: Draft) -> bool:
    """A frequency ("twice daily", "3x a day", "tds", "every 8 hours")."""
    if draft.per_day is not None:
        return False
    spaced = cur.phrase(draft.words.hourly)
    if spaced:
        draft.spaced = spaced[1]
        draft.per_day = len(spaced[1])
        cur.take(spaced[0])
        return True
    per_day = cur.phrase(draft.words.per_day)
    if per_day is None:
        return False
    draft.per_day = per_day[1]
    cur.take(per_day[0])
    return True


def read_filler(cur: Cursor, draft: Draft) -> bool:
    """Words that only join others ("at 8am and 8pm", "to 375 mg")."""
    found = cur.phrase(draft.words.fillers)
    if found is None:
        return False
    cur.take(found[0])
    return True


def schedule(draft: Draft) -> tuple[str, ...] | None:
    """The times of day read, sorted; a frequency gives its times; None when neither."""
    times = tuple(sorted(set(draft.times)))
    if times and draft.per_day is not None and len(times) != draft.per_day:
        fail("times_conflict", count=len(times), per_day=draft.per_day)
    if times:
        return times
    if draft.spaced is not None:
        return tuple(sorted(draft.spaced))
    return default_times(draft.per_day) if draft.per_day is not None else None


def default_times(per_day: int) -> tuple[str, ...]:
    """The usual times of day for ``per_day`` doses (1 to 4)."""
    defaults = vocabulary().defaults
    if per_day not in defaults:
        raise ValueError(f"no default times for {per_day} doses a day")
    return defaults[per_day]


def titration_here(cur: Cursor, draft: Draft) -> bool:
    """Whether a titration plan begins here ("increase by ...")."""
    return cur.phrase(draft.words.directions) is not None
