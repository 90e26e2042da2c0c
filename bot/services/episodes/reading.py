"""A report's words read into facts, left to right, the longest phrase first (``grammar``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.grammar import GRAMMAR, Fact, Refusal, Rescue, phrase_of, phrasebook
from bot.services.episodes.parsed import EpisodeParseError
from bot.services.parsing.clocks import looks_like_clock
from bot.services.parsing.tokens import Token, norm_at, quote, respell, tokenize

__all__ = ["Fact", "Match", "Reading", "Refusal", "Rescue", "phrase_of", "read"]


@vocab.per_language
def _note() -> re.Pattern[str]:
    """ "note:" and what follows it, in the language being read."""
    markers = "|".join(map(re.escape, vocab.NOTE_MARKERS))
    return re.compile(rf"(?:^|(?<=[\s,;]))(?:{markers}):", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    start: int
    stop: int
    fact: Fact


@dataclass(frozen=True)
class Reading:
    """A line as read: its words, the phrases understood, and the note after "note:"."""

    line: str
    tokens: list[Token]
    matches: list[Match]
    note: str | None

    def of(self, field: str) -> list[Match]:
        """The matches of one field, in the order they were written."""
        return [match for match in self.matches if match.fact.field == field]

    def words(self, match: Match | None) -> str:
        """What was typed for a phrase."""
        return "" if match is None else quote(self.line, self.tokens, match.start, match.stop)


def read(text: str) -> Reading:
    """Read a line; a time, date or amount that can't be right is refused (EpisodeParseError)."""
    marker = _note().search(text)
    head = text if marker is None else text[: marker.start()]
    note = None if marker is None else text[marker.end() :].strip()
    tokens = respell(tokenize(head), vocab.SPELLER)
    matches = _scan(tokens)
    _refuse_unreadable(head, tokens, matches)
    return Reading(head, tokens, matches, note)


def _refuse_unreadable(line: str, tokens: Sequence[Token], matches: list[Match]) -> None:
    """Refuse a time, date or amount that can't be right rather than keep it as a note."""
    used = {index for match in matches for index in range(match.start, match.stop)}
    problems = [
        (match.start, match.fact.value.reason, dict(match.fact.value.params))
        for match in matches
        if match.fact.field == "refusal"
    ]
    for index, token in enumerate(tokens):
        if index in used or _longest(tokens, index, None) is not None:  # unread, even negated
            continue
        after = norm_at(tokens, index + 1)
        if looks_like_clock(token.norm):
            problems.append((index, "bad_clock", {"time": token.bare}))
        elif looks_like_clock(token.norm, after) and index + 1 not in used:
            problems.append((index, "bad_clock", {"time": quote(line, tokens, index, index + 2)}))
    if problems:
        _, reason, params = min(problems, key=lambda problem: problem[0])
        raise EpisodeParseError(reason, **params)


def _scan(tokens: Sequence[Token]) -> list[Match]:
    """Read left to right, taking the longest phrase at each place; a negated one stays text."""
    matches: list[Match] = []
    index = 0
    while index < len(tokens):
        before = matches[-1].fact.field if matches and matches[-1].stop == index else None
        found = _longest(tokens, index, before)
        if found is None and tokens[index].norm in vocab.NEGATORS:
            negated = _longest(tokens, index + 1, None)  # "no fever" is a note, not a fever
            index = negated.stop if negated else index + 1
        elif found is None:
            index += 1
        else:
            matches += [found, *_inside(tokens, found)]
            index = found.stop
    return matches


def _inside(tokens: Sequence[Token], match: Match) -> list[Match]:
    """What a count says on the way: "3 small jerks" is mild too."""
    if match.fact.field != "count":
        return []
    found = [(i, phrasebook().get((tokens[i].norm,))) for i in range(match.start, match.stop)]
    return [Match(i, i + 1, fact) for i, fact in found if fact and fact.field == "intensity"]


def _longest(tokens: Sequence[Token], start: int, before: str | None) -> Match | None:
    """The longest phrase starting at ``start``; grammar wins a tie with the phrasebook."""
    best: Match | None = None
    for core in GRAMMAR:
        found = core(tokens, start, before)
        if found and found[0] > start and (best is None or found[0] > best.stop):
            best = Match(start, found[0], found[1])
    phrase = phrasebook().longest([token.norm for token in tokens], start)
    if phrase and (best is None or phrase[0] > best.stop):
        best = Match(start, phrase[0], phrase[1])
    return best
