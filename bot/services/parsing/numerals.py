"""Numbers as people type them: digits with a decimal comma or point, words, ranges, estimates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.services.parsing import vocab
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token, norm_at

NUMBER = r"(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)"  # a decimal comma or point: 1,5 = 1.5
_DIGITS = re.compile(NUMBER)
_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+")  # 1,000 jerks
_GROUPED = re.compile(r"[1-9][0-9]{0,2}[.,][0-9]{3}")  # 1,000 s: one second or a thousand?
_SPAN = re.compile(rf"({NUMBER})[-–—]({NUMBER})")  # not "/": "1/2" is a half, or a date
_ISH = re.compile(rf"({NUMBER}|[a-z]+)-?ish")

EXACT, RANGE, UNDER, OVER = "exact", "range", "under", "over"


@dataclass(frozen=True)
class Quantity:
    """A number as said: one value, a range, or a bound ("under 10"), maybe approximate.

    ``low`` is the value (a range's lower end; None for "under N"), ``high`` a range's upper end
    or the bound of "under N" (else None). ``written`` are the numbers as typed.
    """

    low: Decimal | None
    high: Decimal | None = None
    bound: str = EXACT
    approximate: bool = False
    written: tuple[str, ...] = ()

    def scaled(self, factor: Decimal | int) -> Quantity:
        """The same quantity in a smaller unit (minutes to seconds: 60)."""
        low = None if self.low is None else self.low * factor
        high = None if self.high is None else self.high * factor
        return Quantity(low, high, self.bound, self.approximate, self.written)

    @property
    def largest(self) -> Decimal:
        """The largest value it allows (a range's upper end)."""
        return max(value for value in (self.low, self.high) if value is not None)


def decimal(digits: str) -> Decimal:
    """A number in digits, with a decimal comma or point."""
    return Decimal(digits.replace(",", "."))


@vocab.per_language
def number_words() -> dict[str, Decimal]:
    """Every number word and its value ("two": 2, "half": 0.5)."""
    return {word: Decimal(str(value)) for word, value in vocab.common()["numbers"].items()}


@vocab.per_language
def _fractions() -> frozenset[str]:
    return frozenset(w for w, v in number_words().items() if v < 1)


@vocab.per_language
def _estimates() -> frozenset[str]:
    return frozenset(vocab.common()["approximate"]["words"])  # "a couple of"


@vocab.per_language
def _articles() -> frozenset[str]:
    return frozenset(("a", "an", *vocab.common()["approximate"].get("articles", ())))


@vocab.per_language
def _ofs() -> frozenset[str]:
    return frozenset(("of", *vocab.common()["approximate"].get("of", ())))


def number(norm: str) -> Decimal | None:
    """A number written in digits or as a word ("two", "an"); not a fraction word."""
    if _DIGITS.fullmatch(norm):
        return decimal(norm)
    return None if norm in _fractions() else number_words().get(norm)


def whole(norm: str) -> Decimal | None:
    """A whole number, as a count is written: "12", "1,000", "1.000" or a word ("two")."""
    if _WHOLE.fullmatch(norm):
        return Decimal(re.sub("[.,]", "", norm))
    value = number(norm)
    return value if value is not None and value == value.to_integral_value() else None


def grouped(written: str) -> bool:
    """Whether "1,000" could be a decimal (1) or a thousand: it is ambiguous in a duration."""
    return bool(_GROUPED.fullmatch(written))


def is_digits(norm: str) -> bool:
    """Whether the word is a number in digits (decimal mark allowed)."""
    return bool(_DIGITS.fullmatch(norm))


@vocab.per_language
def _markers() -> Phrasebook[str]:
    """Words before a number: estimates ("about"), bounds ("under"), and "between"."""
    words = vocab.common()
    book: Phrasebook[str] = Phrasebook()
    for pattern in words["approximate"]["before"]:
        book.add(pattern, "about")
    for bound in (UNDER, OVER):
        for pattern in words["bounds"][bound]:
            book.add(pattern, bound)
    for pattern in words["ranges"]["between"]:
        book.add(pattern, "between")
    return book


@vocab.per_language
def _afterwords() -> Phrasebook[str]:
    book: Phrasebook[str] = Phrasebook()
    for pattern in vocab.common()["approximate"]["after"]:
        book.add(pattern, "about")
    return book


def _single(norm: str, whole_only: bool) -> Decimal | None:
    return whole(norm) if whole_only else number(norm)


def _one_or_span(
    tokens: Sequence[Token], at: int, whole_only: bool
) -> tuple[int, Decimal, Decimal | None, tuple[str, ...], bool] | None:
    """A number or a range at ``at``: "5", "2-3", "2 to 3", "2 or 3"; whether "~" or "5ish"."""
    norm = norm_at(tokens, at)
    approx = at < len(tokens) and tokens[at].approximate
    ish = _ISH.fullmatch(norm)
    if ish and (value := _single(ish[1], whole_only)) is not None:
        return at + 1, value, None, (ish[1],), True
    span = _SPAN.fullmatch(norm)
    if span and not whole_only or span and _WHOLE.fullmatch(span[1]) and _WHOLE.fullmatch(span[2]):
        low, high = decimal(span[1]), decimal(span[2])
        return (at + 1, low, high, (span[1], span[2]), approx) if low < high else None
    value = _single(norm, whole_only)
    if value is None:
        return None
    separator, other = norm_at(tokens, at + 1), norm_at(tokens, at + 2)
    second = _single(other, whole_only)
    in_range = separator in vocab.common()["ranges"]["separators"] and second is not None
    if in_range and value < second and is_digits(norm) == is_digits(other):  # type: ignore[operator]
        return at + 3, value, second, (norm, other), approx
    return at + 1, value, None, (norm,), approx


def marker_at(tokens: Sequence[Token], at: int) -> tuple[int, str] | None:
    """A word before a number: "about" (an estimate), "under", "over" or "between"."""
    found = _markers().longest([token.norm for token in tokens], at)
    if found is None and at < len(tokens) and (tokens[at].below or tokens[at].above):
        return at, UNDER if tokens[at].below else OVER
    return found


def bounded(quantity: Quantity, marker: str | None) -> Quantity:
    """``quantity`` as ``marker`` qualifies it ("under" 10 is at most 10)."""
    if marker == "about":
        return Quantity(quantity.low, quantity.high, quantity.bound, True, quantity.written)
    if marker in (UNDER, OVER) and quantity.bound == EXACT:
        low, high = (None, quantity.low) if marker == UNDER else (quantity.low, None)
        return Quantity(low, high, marker, quantity.approximate, quantity.written)
    return quantity


def quantity_at(
    tokens: Sequence[Token], at: int, *, whole_only: bool = False
) -> tuple[int, Quantity] | None:
    """A quantity at ``at``: "5", "about 5", "~5", "5ish", "2-3", "approx. 2-3", "under 10",
    "less than 10", "<10", "over 5", "at least 5", "between 2 and 3", "a couple of"."""
    words = [token.norm for token in tokens]
    marker = _markers().longest(words, at)
    kind, start = (marker[1], marker[0]) if marker else (None, at)
    if start < len(tokens) and kind is None and (tokens[start].below or tokens[start].above):
        kind = UNDER if tokens[start].below else OVER
    if norm_at(tokens, start) in _articles() and norm_at(tokens, start + 1) in _estimates():
        start += 1  # "a couple of"
    found = _one_or_span(tokens, start, whole_only)
    if found is None:
        return None if marker is None else quantity_at(tokens, start, whole_only=whole_only)
    stop, low, high, written, approx = found
    approx = approx or kind == "about" or norm_at(tokens, start) in _estimates()
    if norm_at(tokens, stop) in _ofs() and norm_at(tokens, start) in _estimates():
        stop += 1
    after = _afterwords().longest(words, stop)
    if after:
        stop, approx = after[0], True
    if kind == "between" and high is None:
        return None
    if kind in (UNDER, OVER) and high is None:
        lowest, highest = (None, low) if kind == UNDER else (low, None)
        return stop, Quantity(lowest, highest, kind, approx, written)
    bound = RANGE if high is not None else EXACT
    return stop, Quantity(low, high, bound, approx, written)
