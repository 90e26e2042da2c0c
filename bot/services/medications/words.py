"""The words of a /med line as phrasebooks, built once from ``vocab/<language>/medications.toml``.

Adding a language is adding its data file: nothing here names an English word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.services.medications.drugs import SYNONYMS, UNITS
from bot.services.parsing import vocab
from bot.services.parsing.phrases import Phrasebook, Speller, expand

BEDTIME = "bedtime"  # a dose time that is the child's bedtime
Times = tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Everything a /med line may say besides the medicine's name and numbers."""

    verbs: Phrasebook[str]  # -> "start" | "change" | "stop"
    reasons: Phrasebook[bool]
    from_days: Phrasebook[bool]  # "from", "starting", "as of"
    next_days: Phrasebook[bool]  # "next", "this", "on" before a weekday
    next_week: Phrasebook[bool]  # "next week": the coming Monday
    ahead: Phrasebook[bool]  # "in" before "3 days", "2 weeks"
    per_day: Phrasebook[int]  # "twice daily", "bd", "3x a day": doses a day
    hourly: Phrasebook[Times]  # "every 8 hours", "q8h": evenly spaced times
    dose_times: Phrasebook[str]  # "at night" -> BEDTIME, "morning" -> "08:00"
    fillers: Phrasebook[bool]
    directions: Phrasebook[int]  # titration: +1 up, -1 down
    by: Phrasebook[bool]
    every: Phrasebook[bool]
    up_down: Phrasebook[bool]
    until: Phrasebook[bool]
    periods: dict[str, int]  # titration intervals in days
    defaults: dict[int, Times]  # doses a day -> their usual times
    speller: Speller


def _book(patterns: list[str], value: Any = True) -> Phrasebook[Any]:
    book: Phrasebook[Any] = Phrasebook()
    for pattern in patterns:
        book.add(pattern, value)
    return book


def _table(table: dict[str, Any]) -> Phrasebook[Any]:
    book: Phrasebook[Any] = Phrasebook()
    for pattern, value in table.items():
        book.add(pattern, value)
    return book


def _per_day(words: dict[str, Any], numbers: dict[str, Any], most: int) -> Phrasebook[int]:
    """ "twice daily", "3 times a day", "three x per day", "bd", "once": doses a day."""
    book: Phrasebook[int] = Phrasebook()
    counts = {**words["counts"]}
    counts.update({str(n): n for n in range(1, most + 1)})
    counts.update(
        {word: int(value) for word, value in numbers.items() if value in range(1, most + 1)}
    )
    for count, value in counts.items():
        for times in words["times"]:
            for period in words["periods"]:
                book.add(f"{count} {times} {period}", int(value))
        if count in words["counts"]:
            book.add(count, int(value))
            for period in words["periods"]:
                book.add(f"{count} {period}", int(value))
    for pattern, value in words["words"].items():
        book.add(pattern, int(value))
    return book


def _hourly(table: dict[str, Any]) -> Phrasebook[Times]:
    book: Phrasebook[Times] = Phrasebook()
    for hours, times in table["times"].items():
        for pattern in table["patterns"]:
            book.add(pattern.replace("{n}", hours), tuple(times))
    return book


def _dose_times(entries: list[dict[str, Any]]) -> Phrasebook[str]:
    book: Phrasebook[str] = Phrasebook()
    for entry in entries:
        for phrase in entry["phrases"]:
            book.add(phrase, entry["at"])
    return book


def _known_words(data: dict[str, Any]) -> set[str]:
    """Every word of the data, for the typo-tolerant speller."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.update(word for sequence in expand(value) for word in sequence)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk({key: value for key, value in data.items() if key != "words"})
    walk({key: value for key, value in data["words"].items() if key != "not_typos"})
    return {word for word in found if word.isalpha()}


@vocab.per_language
def vocabulary() -> Vocabulary:
    """The /med words of the language being read (with English)."""
    data = vocab.load("medications")
    common = vocab.common()
    frequency, words = data["frequency"], data["words"]
    defaults = {int(count): tuple(times) for count, times in frequency["defaults"].items()}
    names = {word for generic, typed in SYNONYMS.items() for name in (generic, *typed)
             for word in name.split()}  # fmt: skip
    spellings = {spelling for spelling_list in UNITS.values() for spelling in spelling_list}
    keep = {*words["not_typos"], *common["words"]["not_typos"], *names}
    return Vocabulary(
        verbs=_table({p: verb for verb, patterns in data["verbs"].items() for p in patterns}),
        reasons=_book(data["reasons"]["markers"]),
        from_days=_book(data["days"]["from"]),
        next_days=_book(data["days"]["next"]),
        next_week=_book(data["days"]["next_week"]),
        ahead=_book(data["days"]["ahead"]),
        per_day=_per_day(frequency, common["numbers"], max(defaults)),
        hourly=_hourly(frequency["hourly"]),
        dose_times=_dose_times(data["dose_time"]),
        fillers=_book(words["fillers"]),
        directions=_table(words["directions"]),
        by=_book(words["by"]),
        every=_book(words["every"]),
        up_down=_book(words["up_down"]),
        until=_book(words["until"]),
        periods=dict(words["periods"]),
        defaults=defaults,
        speller=Speller(_known_words(data) | spellings, keep=keep),
    )
