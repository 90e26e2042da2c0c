"""The words the one-line episode parser understands, read from the vocabulary data.

The phrases live in ``bot/services/parsing/vocab/<language>/episodes.toml``; this module turns
them into tables of canonical values (enums, booleans) and the word lists the grammar uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.services.parsing import vocab
from bot.services.parsing.amounts import dose_units, seconds_per_unit
from bot.services.parsing.numerals import number_words
from bot.services.parsing.phrases import Speller, canonical, expand, words_of
from models.episode import EpisodeKind, Intensity

__all__ = ["Table", "canonical", "expand", "per_language"]

per_language = vocab.per_language


@dataclass(frozen=True)
class Table:
    """The phrases of one field (canonical value -> patterns) and lead-ins consumed with them."""

    field: str
    phrases: dict[Any, tuple[str, ...]]
    leadins: tuple[str, ...] = ()


def _table(data: dict[str, Any], field: str, section: str, value: Any = str) -> Table:
    phrases = {value(key): tuple(patterns) for key, patterns in data[section]["phrases"].items()}
    return Table(field, phrases, tuple(data[section].get("leadins", ())))


def _tables(data: dict[str, Any]) -> dict[str, Any]:
    """The tables of the record's fields, and the words that only say an episode happened."""
    unspecified: str = data["rescue"]["unspecified"]
    rescue = data["rescue"]["phrases"]
    tables = {
        "KINDS": _table(data, "kind", "kind", EpisodeKind),
        "BODY_PARTS": _table(data, "body_part", "body_part"),
        "INTENSITIES": _table(data, "intensity", "intensity", Intensity),
        "SETTINGS": _table(data, "setting", "setting"),
        "TRIGGERS": _table(data, "trigger", "trigger"),
        "RESCUES": Table("rescue", {unspecified: tuple(rescue["unspecified"])}),
        "NO_RESCUE": Table("no_rescue", {True: tuple(rescue["none"])}),
        "INJURIES": _table(data, "injury", "injury", lambda key: key == "yes"),
    }
    fields = tuple(tables.values())
    signs = Table("sign", {True: tuple(data["sign"]["phrases"])})
    return {**tables, "UNSPECIFIED_RESCUE": unspecified, "SIGNS": signs, "TABLES": fields,
            "PHRASE_TABLES": (*fields, signs)}  # fmt: skip


def _lists(data: dict[str, Any], common: dict[str, Any]) -> dict[str, Any]:
    """The word lists the grammar reads."""
    count, rescue = data["count"], data["rescue"]
    routes = rescue.get("route_names", {})  # "bucal" is kept as "buccal"
    drugs = {name: generic for generic, brands in rescue["generics"].items()
             for name in (generic, *brands)}  # fmt: skip
    return {
        "NEGATORS": frozenset(data["words"]["negators"]),
        "JOINERS": frozenset(data["words"]["joiners"]),
        "NOTE_MARKERS": tuple(data["words"]["note"]),
        "GLUE": frozenset(common["words"]["glue"]),
        "DANGLING": frozenset(common["words"]["dangling"]),
        "NOT_TYPOS": frozenset(common["words"]["not_typos"]),
        "NUMBER_WORDS": dict(number_words()),
        "SECONDS_PER_UNIT": seconds_per_unit(),
        "COUNT_UNITS": frozenset(count["units"]),
        "COUNT_WORDS": dict(count["words"]),
        "NOT_HOURS": frozenset(count["units"]) | frozenset(count["not_hours"]),
        "COUNT_ADJECTIVES": frozenset(count["adjectives"]),
        "COUNT_ADJECTIVES_AFTER": frozenset(count.get("adjectives_after", ())),
        "COUNT_SIGNS": frozenset(count["signs"]),
        "DURATION_LEADINS": tuple(data["duration"]["leadins"]),
        "SPREAD": frozenset(data["duration"]["spread"]),
        "RESCUE_LEADINS": tuple(rescue["leadins"]),
        "RESCUE_ROUTES": {route: routes.get(route, route) for route in rescue["routes"]},
        "RESCUE_AFTERWORDS": frozenset(rescue["afterwords"]),
        "RESCUE_AT": tuple(rescue["at"]),
        "RESCUE_DRUGS": drugs,
        "OBSERVER_VERBS": frozenset(data["observer"]["verbs"]),
        "OBSERVER_TITLES": frozenset(data["observer"]["titles"]),
    }


def _strings(data: Any) -> list[str]:
    """Every string in a vocabulary file, keys included."""
    if isinstance(data, dict):
        return [*data, *(s for value in data.values() for s in _strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def _all_words(lists: dict[str, Any]) -> frozenset[str]:
    """Every word the parser may read as part of a phrase (lower case)."""
    months, weekdays = vocab.calendar_names()
    common = {k: v for k, v in vocab.common().items() if k != "words"}
    glue = lists["GLUE"] | lists["DANGLING"]
    patterns = _strings(vocab.load("episodes")) + _strings(common) + list(glue)
    words = {word.lower() for word in words_of(patterns)}
    words |= {word.rstrip(".") for word in words}
    return frozenset(words | months.keys() | weekdays.keys() | dose_units().keys())


class _Vocabulary(frozenset[str]):
    """The parser's words; a word one typo away from one of them counts as known too."""

    speller: Speller

    def __contains__(self, word: object) -> bool:
        """Known, or a typo the parser corrects."""
        return frozenset.__contains__(self, word) or word in self.speller


@vocab.per_language
def _words() -> dict[str, Any]:
    """Every table and list, in the language being read."""
    data = vocab.load("episodes")
    lists = _lists(data, vocab.common())
    words = _Vocabulary(_all_words(lists))
    words.speller = Speller(words, keep=lists["NOT_TYPOS"] | lists["GLUE"] | lists["DANGLING"])
    return {**_tables(data), **lists, "VOCABULARY_WORDS": words, "SPELLER": words.speller}


def __getattr__(name: str) -> Any:
    """``KINDS``, ``SPELLER``, …: the tables and word lists of the language being read."""
    words = _words()
    if name in words:
        return words[name]
    raise AttributeError(name)
