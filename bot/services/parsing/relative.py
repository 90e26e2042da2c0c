"""Times counted from now: "10 min ago", "half an hour ago", "just now"; "in 2 hours" to come."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.services.parsing import vocab
from bot.services.parsing.amounts import duration_at
from bot.services.parsing.numerals import Quantity
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token


@vocab.per_language
def _book(section: str) -> Phrasebook[bool]:
    book: Phrasebook[bool] = Phrasebook()
    for pattern in vocab.common()["relative"].get(section, ()):
        book.add(pattern, True)
    return book


def _words(tokens: Sequence[Token]) -> list[str]:
    return [token.norm for token in tokens]


def ago_at(tokens: Sequence[Token], at: int) -> tuple[int, Quantity] | None:
    """How long before now, in seconds: "10 min ago", "hace 10 minutos", "just now" (0)."""
    just = _book("just_now").longest(_words(tokens), at)
    before = _book("ago_before").longest(_words(tokens), at)  # "hace 10 minutos"
    if before and (after_word := duration_at(tokens, before[0])):
        return after_word[0], after_word[1].quantity
    duration = duration_at(tokens, at)
    if duration:
        after = _book("ago").longest(_words(tokens), duration[0])
        if after:
            return after[0], duration[1].quantity
    if just:
        return just[0], Quantity(Decimal(0), approximate=True, written=())
    loose = _loose().longest(_words(tokens), at)
    return (loose[0], Quantity(loose[1], approximate=True, written=())) if loose else None


@vocab.per_language
def _loose() -> Phrasebook[Decimal]:
    """ "a few minutes ago": about how long back."""
    book: Phrasebook[Decimal] = Phrasebook()
    for phrase, seconds in vocab.common()["relative"]["about"].items():
        book.add(phrase, Decimal(seconds))
    return book


def ahead_at(tokens: Sequence[Token], at: int) -> tuple[int, Quantity] | None:
    """A time still to come: "in 2 hours", "2 hours from now" (not how long something lasted)."""
    words = _words(tokens)
    lead = _book("ahead_leadins").longest(words, at)
    if lead and (duration := duration_at(tokens, lead[0])):
        return duration[0], duration[1].quantity
    duration = duration_at(tokens, at)
    if duration and (after := _book("from_now").longest(words, duration[0])):
        return after[0], duration[1].quantity
    return None
