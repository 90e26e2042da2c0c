"""Vocabulary patterns, a longest-phrase matcher over them, and tolerance of one typo."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import product
from typing import Generic, TypeVar

V = TypeVar("V")

# Pattern syntax: words separated by spaces; "a|b" is a choice and "[a|b]" an optional choice.


def expand(pattern: str) -> list[tuple[str, ...]]:
    """Every word sequence a pattern stands for."""
    choices = []
    for part in pattern.split():
        words = part.strip("[]").split("|")
        choices.append([*words, ""] if part.startswith("[") else words)
    return [tuple(word for word in combo if word) for combo in product(*choices)]


def canonical(pattern: str) -> str:
    """The words a renderer writes for a pattern: first choices, optional words left out."""
    return " ".join(part.split("|")[0] for part in pattern.split() if not part.startswith("["))


def words_of(patterns: Iterable[str]) -> frozenset[str]:
    """Every word the patterns use."""
    return frozenset(word for pattern in patterns for seq in expand(pattern) for word in seq)


class Phrasebook(Generic[V]):
    """Word sequences mapped to values; finds the longest one at a place in a line."""

    def __init__(self) -> None:
        """An empty phrasebook; ``add`` fills it."""
        self._phrases: dict[tuple[str, ...], V] = {}
        self.longest_phrase = 0

    def add(self, pattern: str, value: V, leadins: Sequence[str] = ()) -> None:
        """Every sequence ``pattern`` stands for, alone or after a lead-in, means ``value``.

        A sequence that would mean two different things is a mistake in the data: ValueError.
        """
        leads = [(), *(seq for lead in leadins for seq in expand(lead))]
        for core in expand(pattern):
            for lead in leads:
                phrase = lead + core
                if self._phrases.setdefault(phrase, value) != value:
                    raise ValueError(f"{' '.join(phrase)!r} would mean two things")
                self.longest_phrase = max(self.longest_phrase, len(phrase))

    def get(self, phrase: tuple[str, ...]) -> V | None:
        """The value of exactly this sequence of words."""
        return self._phrases.get(phrase)

    def longest(self, words: Sequence[str], start: int) -> tuple[int, V] | None:
        """The longest phrase starting at ``start`` in ``words``: (where it stops, its value)."""
        for size in range(min(self.longest_phrase, len(words) - start), 0, -1):
            value = self._phrases.get(tuple(words[start : start + size]))
            if value is not None:
                return start + size, value
        return None

    def words(self) -> frozenset[str]:
        """Every word of every phrase."""
        return frozenset(word for phrase in self._phrases for word in phrase)

    def __iter__(self):  # type: ignore[no-untyped-def]
        """The phrases and their values."""
        return iter(self._phrases.items())


def _one_apart(typed: str, known: str) -> bool:
    """Whether one letter added, dropped, changed or two swapped turn ``typed`` into ``known``."""
    if typed == known or abs(len(typed) - len(known)) > 1:
        return False
    if len(typed) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == known[diff[1]]
            and (typed[diff[1]] == known[diff[0]])
        )
    short, long = sorted((typed, known), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class Speller:
    """Corrects a word one typo away from exactly one known word of at least ``min_length``."""

    def __init__(
        self, words: Iterable[str], *, keep: Iterable[str] = (), min_length: int = 5
    ) -> None:
        """Known ``words``; ``keep`` are real words that look like typos and are left alone."""
        self.known = frozenset(words)
        self.keep = frozenset(keep) | self.known
        self.min_length = min_length
        self._index: dict[str, set[str]] = {}
        for word in self.known:
            if len(word) >= min_length and word.isalpha():
                for key in self._keys(word):
                    self._index.setdefault(key, set()).add(word)

    @staticmethod
    def _keys(word: str) -> set[str]:
        return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}

    def correct(self, word: str) -> str | None:
        """``word`` if known, the one known word it is a typo of, or None."""
        if word in self.keep:
            return word if word in self.known else None
        if len(word) < self.min_length or not word.isalpha():
            return None
        candidates = {c for key in self._keys(word) for c in self._index.get(key, ())}
        close = {c for c in candidates if _one_apart(word, c)}
        return close.pop() if len(close) == 1 else None

    def __contains__(self, word: object) -> bool:
        """Whether ``word`` is known or a typo of a known word."""
        return isinstance(word, str) and self.correct(word) is not None
