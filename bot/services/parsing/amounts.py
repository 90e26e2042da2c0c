"""Amounts with units: durations ("1m30s", "~2 minutes", "approx. 2-3 min") and doses ("5mg")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.services.parsing import vocab
from bot.services.parsing.numerals import (
    EXACT,
    NUMBER,
    Quantity,
    bounded,
    decimal,
    marker_at,
    number_words,
    quantity_at,
    whole,
)
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token, norm_at

_COMPACT = re.compile(rf"(?:({NUMBER})h)?(?:({NUMBER})m)?(?:({NUMBER})s)?")
_HOURS_MINUTES = re.compile(r"([0-3])h([0-5][0-9])")  # "1h30" is a duration; "7h30" a time
_GLUED = re.compile(rf"({NUMBER})(?:[-–—]({NUMBER}))?((?:[^\W\d_]|/)+)")


@dataclass(frozen=True)
class Amount:
    """A quantity in a unit: durations in seconds ("s"), doses in their canonical unit."""

    quantity: Quantity
    unit: str


@vocab.per_language
def seconds_per_unit() -> dict[str, int]:
    """Every spelling of a unit of time and how many seconds it is."""
    return dict(vocab.common()["units"]["seconds"])


@vocab.per_language
def dose_units() -> dict[str, str]:
    """Every spelling of a dose unit and its canonical form ("milligrams" -> "mg")."""
    table = vocab.common()["units"]["dose"]
    return {spelling: unit for unit, spellings in table.items() for spelling in spellings}


def dose_unit(word: str) -> str | None:
    """The canonical dose unit ``word`` spells, or None."""
    return dose_units().get("".join(word.lower().split()).rstrip("."))


@vocab.per_language
def _fractions() -> Phrasebook[Decimal]:
    """ "half a", "a quarter of an": the fraction of the unit that follows."""
    book: Phrasebook[Decimal] = Phrasebook()
    for pattern in vocab.common()["units"]["fractions"]["phrases"]:
        words = pattern.split()
        value = next(number_words()[w] for w in words if number_words().get(w, 1) < 1)
        book.add(pattern, value)
    return book


def _compact(norm: str) -> tuple[Quantity, int] | None:
    """ "1h30m", "45s", "2m", "1h30": an exact sum in seconds, and its smallest unit."""
    found = _COMPACT.fullmatch(norm)
    if found and any(found.groups()):
        parts = [(v, u) for v, u in zip(found.groups(), (3600, 60, 1), strict=True) if v]
        total = sum((decimal(v) * u for v, u in parts), Decimal(0))
        return Quantity(total, written=tuple(v for v, _ in parts)), parts[-1][1]
    hours = _HOURS_MINUTES.fullmatch(norm)
    if hours:
        total = Decimal(int(hours[1]) * 3600 + int(hours[2]) * 60)
        return Quantity(total, written=(hours[1], hours[2])), 60
    glued = _GLUED.fullmatch(norm)
    unit = seconds_per_unit().get(glued[3]) if glued else None
    if glued is None or unit is None:
        return None
    low, high = decimal(glued[1]), decimal(glued[2]) if glued[2] else None
    if high is not None and high <= low:
        return None
    written = tuple(v for v in (glued[1], glued[2]) if v)
    return Quantity(low, high, "range" if high else EXACT, written=written).scaled(unit), unit


def _part(tokens: Sequence[Token], at: int) -> tuple[int, Quantity, int] | None:
    """One "number unit" reading at ``at``, in seconds, with its unit."""
    marker = marker_at(tokens, at)
    start = marker[0] if marker and marker[1] != "between" else at
    compact = _compact(norm_at(tokens, start))
    if compact:
        return start + 1, bounded(compact[0], marker[1] if marker else None), compact[1]
    fraction = _fractions().longest([t.norm for t in tokens], start)
    if fraction and (unit := seconds_per_unit().get(norm_at(tokens, fraction[0]))):
        quantity = Quantity(fraction[1], written=(norm_at(tokens, start),))
        return fraction[0] + 1, bounded(quantity.scaled(unit), marker and marker[1]), unit
    said = _unit_alone(tokens, start)
    if said:
        return said[0], bounded(said[1], marker[1] if marker else None), said[2]
    found = quantity_at(tokens, at)
    if found is None:
        return None
    stop, quantity = found
    halved = _and_a_half(tokens, stop, quantity)  # "1 and a half minutes"
    stop, quantity = halved or (stop, quantity)
    unit = seconds_per_unit().get(norm_at(tokens, stop))
    if unit is None:
        return None
    if halved is None and (after := _and_a_half(tokens, stop + 1, quantity)):
        return after[0], after[1].scaled(unit), unit  # "an hour and a half"
    return stop + 1, quantity.scaled(unit), unit


@vocab.per_language
def _halves() -> Phrasebook[bool]:
    """ "and a half" ("y medio", "с половиной")."""
    book: Phrasebook[bool] = Phrasebook()
    for pattern in vocab.common()["units"]["fractions"]["and_a_half"]:
        book.add(pattern, True)
    return book


@vocab.per_language
def _singles() -> dict[str, int]:
    """Units that say one of themselves ("минуту": a minute), and how many seconds they are."""
    return dict(vocab.common()["units"].get("single", {}))


def _unit_alone(tokens: Sequence[Token], at: int) -> tuple[int, Quantity, int] | None:
    """Where a language says so, a unit before its number, an estimate ("секунд 5", "секунд на
    10": about so many); and a unit that says one of itself ("минуту", "полчаса")."""
    norm = norm_at(tokens, at)
    unit = seconds_per_unit().get(norm)
    order = vocab.common()["approximate"]
    if unit is not None and len(norm) >= 3 and order.get("unit_first"):
        step = at + 1 + (norm_at(tokens, at + 1) in order.get("unit_first_joiners", ()))
        number = whole(norm_at(tokens, step))
        if number is not None:
            quantity = Quantity(number, approximate=True, written=(norm_at(tokens, step),))
            return step + 1, quantity.scaled(unit), unit
    if norm in _singles():
        seconds, one = _singles()[norm], Quantity(Decimal(1), written=(norm,))
        stop, said = _and_a_half(tokens, at + 1, one) or (at + 1, one)  # "minuto y medio"
        return stop, said.scaled(seconds), seconds
    return None


def _and_a_half(
    tokens: Sequence[Token], at: int, quantity: Quantity
) -> tuple[int, Quantity] | None:
    """ "and a half" after a single number: half a unit more."""
    half = _halves().longest([token.norm for token in tokens], at)
    if half is None or quantity.bound != EXACT or quantity.low is None:
        return None
    more = Quantity(quantity.low + Decimal("0.5"), None, EXACT, quantity.approximate,
                    quantity.written)  # fmt: skip
    return half[0], more


def duration_at(tokens: Sequence[Token], at: int) -> tuple[int, Amount] | None:
    """A duration in seconds: "2m", "90 sec", "1,5 min", "1 min 30 s", "1 hour and 20 minutes",
    "~2 minutes", "approx. 2-3 min", "under 10 s", "half an hour", "an hour and a half"."""
    first = _part(tokens, at)
    if first is None:
        return None
    stop, total, smallest = first
    while total.bound == EXACT and not total.approximate and total.low is not None:
        step = stop + 1 if norm_at(tokens, stop) == "and" else stop
        following = _part(tokens, step)
        if following is None or following[2] >= smallest or following[1].bound != EXACT:
            break
        stop, more, smallest = following
        assert more.low is not None
        total = Quantity(total.low + more.low, None, EXACT, more.approximate,
                         total.written + more.written)  # fmt: skip
    return stop, Amount(total, "s")


def dose_at(tokens: Sequence[Token], at: int) -> tuple[int, Amount] | None:
    """A dose: "5mg", "2.5 mg", "2,5 ml", "10 micrograms", "about 5 mg"."""
    glued = _GLUED.fullmatch(norm_at(tokens, at))
    if glued and not glued[2] and (unit := dose_unit(glued[3])):
        return at + 1, Amount(Quantity(decimal(glued[1]), written=(glued[1],)), unit)
    found = quantity_at(tokens, at)
    if found is None:
        return None
    stop, quantity = found
    unit = dose_unit(norm_at(tokens, stop))
    return (stop + 1, Amount(quantity, unit)) if unit else None
