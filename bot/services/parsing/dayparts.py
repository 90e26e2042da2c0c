"""Parts of the day: "this morning", "after lunch", "at nap time", "last night" (data-driven)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.services.parsing import vocab
from bot.services.parsing.clocks import Wall
from bot.services.parsing.phrases import Phrasebook
from bot.services.parsing.tokens import Token


@dataclass(frozen=True)
class Slot:
    """A wall-clock time on the day a part of day begins, or the next (``next_day``)."""

    wall: Wall
    next_day: bool = False

    def __str__(self) -> str:
        """ "HH:MM"."""
        return str(self.wall)


@dataclass(frozen=True)
class PartOfDay:
    """A part of the day: the time it is taken to mean, the times to offer, what it implies.

    ``day`` is the day the phrase itself names, in days from today ("this morning": 0, "last
    night": -1), or None; ``setting`` a setting it implies ("at nap time": asleep).
    """

    key: str
    at: Slot
    options: tuple[Slot, ...]
    day: int | None = None
    setting: str | None = None

    @property
    def first(self) -> Slot:
        """The earliest time it may mean."""
        return self.options[0]


def _slot(text: str) -> Slot:
    clock, _, plus = text.partition("+")
    hour, minute = clock.split(":")
    return Slot(Wall(int(hour), int(minute)), bool(plus))


@vocab.per_language
def _book() -> Phrasebook[PartOfDay]:
    book: Phrasebook[PartOfDay] = Phrasebook()
    for key, entry in vocab.common()["parts"].items():
        options = tuple(_slot(option) for option in entry["options"])
        this, yesterday = set(entry.get("this", ())), set(entry.get("yesterday", ()))
        for phrase in entry["phrases"]:
            day = 0 if phrase in this else -1 if phrase in yesterday else None
            book.add(phrase, PartOfDay(key, _slot(entry["at"]), options, day, entry.get("setting")))
    return book


def part_at(tokens: Sequence[Token], at: int) -> tuple[int, PartOfDay] | None:
    """The part of the day named at ``at``, the longest phrase first."""
    return _book().longest([token.norm for token in tokens], at)


def words() -> frozenset[str]:
    """Every word of every part-of-day phrase."""
    return _book().words()
