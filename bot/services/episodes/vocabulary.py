"""The words the one-line episode parser understands, read from the vocabulary data.

The phrases live in ``bot/services/parsing/vocab/<language>/episodes.toml``; this module turns
them into tables of canonical values (enums, booleans) and the word lists the grammar uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.services.parsing import vocab
from bot.services.parsing.amounts import dose_units, seconds_per_unit
from bot.services.parsing.numerals import NUMBER_WORDS as _NUMBERS
from bot.services.parsing.phrases import Speller, canonical, expand, words_of
from models.episode import EpisodeKind, Intensity

__all__ = ["Table", "canonical", "expand"]

_DATA = vocab.load("episodes")


@dataclass(frozen=True)
class Table:
    """The phrases of one field (canonical value -> patterns) and lead-ins consumed with them."""

    field: str
    phrases: dict[Any, tuple[str, ...]]
    leadins: tuple[str, ...] = ()


def _table(field: str, section: str, value: Any = str) -> Table:
    data = _DATA[section]
    phrases = {value(key): tuple(patterns) for key, patterns in data["phrases"].items()}
    return Table(field, phrases, tuple(data.get("leadins", ())))


UNSPECIFIED_RESCUE: str = _DATA["rescue"]["unspecified"]
_RESCUE_PHRASES = _DATA["rescue"]["phrases"]

KINDS = _table("kind", "kind", EpisodeKind)
BODY_PARTS = _table("body_part", "body_part")
INTENSITIES = _table("intensity", "intensity", Intensity)
SETTINGS = _table("setting", "setting")
TRIGGERS = _table("trigger", "trigger")
RESCUES = Table("rescue", {UNSPECIFIED_RESCUE: tuple(_RESCUE_PHRASES["unspecified"])})
NO_RESCUE = Table("no_rescue", {True: tuple(_RESCUE_PHRASES["none"])})
INJURIES = _table("injury", "injury", lambda key: key == "yes")
SIGNS = Table("sign", {True: tuple(_DATA["sign"]["phrases"])})

# Tables of the record's fields, and the words that only say an episode happened.
TABLES = (KINDS, BODY_PARTS, INTENSITIES, SETTINGS, TRIGGERS, RESCUES, NO_RESCUE, INJURIES)
PHRASE_TABLES = (*TABLES, SIGNS)

NEGATORS = frozenset(_DATA["words"]["negators"])
JOINERS = frozenset(_DATA["words"]["joiners"])
NOTE_MARKERS = tuple(_DATA["words"]["note"])
GLUE = frozenset(vocab.common()["words"]["glue"])
NOT_TYPOS = frozenset(vocab.common()["words"]["not_typos"])

NUMBER_WORDS: dict[str, Decimal] = dict(_NUMBERS)
SECONDS_PER_UNIT: dict[str, int] = seconds_per_unit()
COUNT_UNITS = frozenset(_DATA["count"]["units"])
COUNT_WORDS: dict[str, int] = dict(_DATA["count"]["words"])
COUNT_ADJECTIVES = frozenset(_DATA["count"]["adjectives"])
COUNT_SIGNS = frozenset(_DATA["count"]["signs"])
DURATION_LEADINS = tuple(_DATA["duration"]["leadins"])
RESCUE_LEADINS = tuple(_DATA["rescue"]["leadins"])
RESCUE_ROUTES = frozenset(_DATA["rescue"]["routes"])
RESCUE_AFTERWORDS = frozenset(_DATA["rescue"]["afterwords"])
RESCUE_AT = tuple(_DATA["rescue"]["at"])
RESCUE_DRUGS = {
    name: generic
    for generic, brands in _DATA["rescue"]["generics"].items()
    for name in (generic, *brands)
}
OBSERVER_VERBS = frozenset(_DATA["observer"]["verbs"])
OBSERVER_TITLES = frozenset(_DATA["observer"]["titles"])


def _strings(data: Any) -> list[str]:
    """Every string in a vocabulary file, keys included."""
    if isinstance(data, dict):
        return [*data, *(s for value in data.values() for s in _strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def _all_words() -> frozenset[str]:
    """Every word the parser may read as part of a phrase (lower case)."""
    months, weekdays = vocab.calendar_names()
    common = {k: v for k, v in vocab.common().items() if k != "words"}
    patterns = _strings(_DATA) + _strings(common) + list(GLUE)
    words = {word.lower() for word in words_of(patterns)}
    words |= {word.rstrip(".") for word in words}
    return frozenset(words | months.keys() | weekdays.keys() | dose_units().keys())


class _Vocabulary(frozenset[str]):
    """The parser's words; a word one typo away from one of them counts as known too."""

    speller: Speller

    def __contains__(self, word: object) -> bool:
        """Known, or a typo the parser corrects."""
        return frozenset.__contains__(self, word) or word in self.speller


def _vocabulary() -> _Vocabulary:
    words = _Vocabulary(_all_words())
    words.speller = Speller(words, keep=NOT_TYPOS | GLUE)
    return words


VOCABULARY_WORDS = _vocabulary()
SPELLER = VOCABULARY_WORDS.speller
