"""The grammar of a report's phrases: times, days, amounts, counts, medicines and people.

Each reader takes ``(tokens, at, before)`` (``before``: the field of the phrase that ends
right there) and returns where its phrase stops and the ``Fact`` it states, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.services.episodes import vocabulary as vocab
from bot.services.parsing.amounts import Amount, dose_at, duration_at
from bot.services.parsing.clocks import Bad, clock_at
from bot.services.parsing.dayparts import part_at
from bot.services.parsing.days import day_at
from bot.services.parsing.numerals import Quantity, quantity_at, whole
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.relative import ago_at, ahead_at
from bot.services.parsing.tokens import Token, norm_at

_TIMES = re.compile(r"[x×х]([0-9]+)|([0-9]+)[x×х]")  # "x5", "5x", "х5" (Cyrillic)
_NAME = re.compile(r"[^\W\d_](?:[^\W\d_]|['’.-])*")


@dataclass(frozen=True)
class Fact:
    field: str
    value: Any


@dataclass(frozen=True)
class Rescue:
    """A rescue medicine as written back ("buccal midazolam 5 mg at 3 min"), and when given."""

    name: str
    drug: str | None = None
    at_seconds: Decimal | None = None  # "at 3 min": counted from the start of the episode
    at_words: str | None = None  # "3 min"
    plain: str | None = None  # the name without "at 3 min"


@dataclass(frozen=True)
class Refusal:
    reason: str
    params: tuple[tuple[str, str], ...]


def _refusal(reason: str, **params: Any) -> Fact:
    return Fact("refusal", Refusal(reason, tuple((k, str(v)) for k, v in params.items())))


# A reader of one phrase at ``at``; ``before`` is the field of the phrase that ends right there.
Core = Callable[[Sequence[Token], int, str | None], tuple[int, Fact] | None]


def _time(tokens: Sequence[Token], at: int, before: str | None) -> tuple[int, Fact] | None:
    """A clock time or window; a bare hour right after a day ("yesterday 7") too."""
    found = clock_at(tokens, at, bare=before in ("day", "part"), units=vocab.NOT_HOURS)
    return (found[0], Fact("clock", found[1])) if found else None


def _day(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    """A day: "yesterday", "Tuesday", "28/11", "2026-11-24"; a date that can't be is refused."""
    found = day_at(tokens, at)
    if found is None:
        return None
    stop, value = found
    if isinstance(value, Bad):
        return stop, _refusal("bad_date", date=value.written)
    return stop, Fact("day", value)


def _part(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    found = part_at(tokens, at)
    return (found[0], Fact("part", found[1])) if found else None


def _ago(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    found = ago_at(tokens, at)
    return (found[0], Fact("ago", found[1])) if found else None


def _ahead(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    found = ahead_at(tokens, at)
    return (found[0], Fact("ahead", found[1])) if found else None


@vocab.per_language
def _book(patterns: tuple[str, ...]) -> Phrasebook[bool]:
    book: Phrasebook[bool] = Phrasebook()
    for pattern in patterns:
        book.add(pattern, True)
    return book


def _after(tokens: Sequence[Token], at: int, patterns: tuple[str, ...]) -> int:
    """Where the words after an optional lead-in start."""
    found = _book(patterns).longest([token.norm for token in tokens], at)
    return found[0] if found else at


def _duration(tokens: Sequence[Token], at: int, before: str | None) -> tuple[int, Fact] | None:
    """How long: "2m", "for 90 sec"; "15 jerks over 10 min" is spread over 10 min, no more."""
    start = _after(tokens, at, vocab.DURATION_LEADINS)
    spread = before == "count" and norm_at(tokens, start) in vocab.SPREAD
    found = duration_at(tokens, start + spread)
    return (found[0], Fact("duration", found[1].quantity)) if found else None


def _count(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    """A number of jerks: "5 jerks", "x3", "x 3", "3x", "8-10 jerks", "about 5 times", "twice"."""
    norm = norm_at(tokens, at)
    if norm in vocab.COUNT_WORDS:
        return at + 1, Fact("count", Quantity(Decimal(vocab.COUNT_WORDS[norm]), written=(norm,)))
    times = _TIMES.fullmatch(norm)
    if times:
        written = times[1] or times[2]
        return at + 1, Fact("count", Quantity(Decimal(written), written=(written,)))
    if norm in vocab.COUNT_SIGNS and (number := whole(norm_at(tokens, at + 1))) is not None:
        return at + 2, Fact("count", Quantity(number, written=(norm_at(tokens, at + 1),)))
    found = quantity_at(tokens, at, whole_only=True)
    if found is None:
        return None
    stop, quantity = found
    adjective = phrasebook().get((norm_at(tokens, stop),))
    if norm_at(tokens, stop) in vocab.COUNT_ADJECTIVES or (adjective and adjective.field == (
            "intensity")):  # fmt: skip
        stop += 1  # "5 myoclonic jerks", "3 small jerks"
    if norm_at(tokens, stop) not in vocab.COUNT_UNITS:
        article = norm in ("a", "an") and stop == at + 1
        return _count(tokens, at + 1, None) if article else None  # "a single jerk"
    stop += norm_at(tokens, stop + 1) in vocab.COUNT_ADJECTIVES_AFTER  # "3 sacudidas mioclónicas"
    return stop + 1, Fact("count", quantity)


def _rescue(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    """A named rescue medicine: [route] drug [dose] [given] [at N min], "buccal Buccolam 5mg"."""
    stop, words = _after(tokens, at, vocab.RESCUE_LEADINS), []
    dose = _rescue_dose(tokens, stop) if stop > at else None  # "gave 5mg midazolam"
    stop = dose[0] if dose else stop
    if norm_at(tokens, stop) in vocab.RESCUE_ROUTES:
        words.append(vocab.RESCUE_ROUTES[norm_at(tokens, stop)])
        stop += 1
    generic = vocab.RESCUE_DRUGS.get(norm_at(tokens, stop))
    if generic is None:
        return None
    stop += 1
    if not words and norm_at(tokens, stop) in vocab.RESCUE_ROUTES:  # "midazolam bucal"
        words.append(vocab.RESCUE_ROUTES[norm_at(tokens, stop)])
        stop += 1
    words.append(generic)
    if dose is None and (dose := _rescue_dose(tokens, stop)):
        stop = dose[0]
    if dose:
        words.append(f"{'-'.join(dose[1].quantity.written)} {dose[1].unit}")
    stop += norm_at(tokens, stop) in vocab.RESCUE_AFTERWORDS
    given_at = _after(tokens, stop, vocab.RESCUE_AT)
    when = duration_at(tokens, given_at) if given_at > stop else None
    if when is None or when[1].quantity.low is None:
        return stop, Fact("rescue", Rescue(" ".join(words), generic))
    at_words = " ".join(t.bare for t in tokens[given_at : when[0]])
    plain = " ".join(words)
    words.append(" ".join(t.bare for t in tokens[stop : when[0]]))
    rescue = Rescue(" ".join(words), generic, when[1].quantity.low, at_words, plain)
    return when[0], Fact("rescue", rescue)


def _rescue_dose(tokens: Sequence[Token], at: int) -> tuple[int, Amount] | None:
    """A dose of a single value or a range ("5mg", "2.5-5 mg")."""
    found = dose_at(tokens, at)
    return found if found and found[1].quantity.bound in ("exact", "range") else None


def _observer(tokens: Sequence[Token], at: int, _: str | None) -> tuple[int, Fact] | None:
    """Who saw it: "seen by grandma", "witnessed by Mrs Smith" (titles, then one name)."""
    if norm_at(tokens, at) not in vocab.OBSERVER_VERBS or norm_at(tokens, at + 1) != "by":
        return None
    stop = at + 2
    while norm_at(tokens, stop) in vocab.OBSERVER_TITLES:
        stop += 1
    if stop >= len(tokens) or not _NAME.fullmatch(tokens[stop].bare):
        return None
    return stop + 1, Fact("observer", " ".join(t.bare for t in tokens[at + 2 : stop + 1]))


GRAMMAR: tuple[Core, ...] = (
    _time, _day, _part, _ago, _duration, _ahead, _count, _rescue, _observer,
)  # fmt: skip


@vocab.per_language
def phrasebook() -> Phrasebook[Fact]:
    """Every vocabulary phrase, with and without its lead-ins, mapped to what it states."""
    book: Phrasebook[Fact] = Phrasebook()
    for table in vocab.PHRASE_TABLES:
        for value, patterns in table.phrases.items():
            fact = Fact(table.field, Rescue(value) if table.field == "rescue" else value)
            for pattern in patterns:
                book.add(pattern, fact, table.leadins)
    return book


def phrase_of(field: str, value: Any) -> str:
    """The canonical words for a vocabulary value ("" for none)."""
    for table in vocab.TABLES:
        if table.field == field and value in table.phrases:
            return vocab.canonical(table.phrases[value][0])
    return "" if value is None else str(value)
