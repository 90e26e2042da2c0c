"""A line split into words, each keeping where it was typed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.services.parsing.phrases import Speller
from bot.services.parsing.vocab import fold

_BREAK = re.compile(r"[\s,;]")
# A comma before a digit is a decimal comma ("1,5", ",5"), unless it follows a letter ("arms,5").
_DECIMAL_COMMA = re.compile(r"(?<![^\W\d_]),(?=[0-9])")
EDGE = ".,;:!?\"'()[]{}“”‘’«»~*≈<>"
_APPROX = frozenset("~≈")


@dataclass(frozen=True)
class Token:
    """One word: as typed, without the punctuation around it, and normalised."""

    text: str  # the piece as typed, punctuation included
    bare: str  # without surrounding punctuation (a decimal mark before digits stays: ".5")
    norm: str  # ``bare`` in lower case and folded (``vocab.fold``), a typo corrected
    start: int  # where ``bare`` starts in the line
    end: int  # where ``bare`` ends

    lead: str = ""  # the punctuation typed right before ``bare`` ("~" in "~2", "<" in "<10s")

    @property
    def typed(self) -> str:
        """``bare`` in lower case, as typed (before any typo correction)."""
        return fold(self.bare.lower())

    @property
    def approximate(self) -> bool:
        """Whether a "~" or "≈" came right before the word ("~2")."""
        return bool(_APPROX & set(self.lead))

    @property
    def below(self) -> bool:
        """Whether a "<" came right before the word ("<10s")."""
        return "<" in self.lead

    @property
    def above(self) -> bool:
        """Whether a ">" came right before the word (">5 min")."""
        return ">" in self.lead


def _pieces(text: str) -> list[tuple[int, str]]:
    """The text split at spaces, commas and semicolons, but not at a decimal comma."""
    kept = {found.start() for found in _DECIMAL_COMMA.finditer(text)}
    pieces, start = [], 0
    for gap in _BREAK.finditer(text):
        if gap.start() not in kept:
            pieces.append((start, text[start : gap.start()]))
            start = gap.end()
    pieces.append((start, text[start:]))
    return [(offset, piece) for offset, piece in pieces if piece]


def _bare(piece: str) -> tuple[int, str]:
    """Where the word starts in its piece, and the word without the punctuation around it."""
    left = piece.lstrip(EDGE)
    bare = left.rstrip(EDGE)
    offset = len(piece) - len(left)
    mark = piece[:offset][-1:]
    if mark in (".", ",") and bare[:1].isdigit():
        return offset - 1, mark + bare
    return offset, bare


def tokenize(text: str) -> list[Token]:
    """Words split at spaces, commas and semicolons; a lone full stop or dash is not a word."""
    tokens = []
    for offset, piece in _pieces(text):
        if not piece.strip(".…"):
            continue
        inner, bare = _bare(piece)
        start = offset + inner
        norm = fold(bare.lower())
        tokens.append(Token(piece, bare, norm, start, start + len(bare), piece[:inner]))
    return tokens


def respell(tokens: Sequence[Token], speller: Speller) -> list[Token]:
    """The tokens with each unknown word that is one typo away from a known one corrected."""
    fixed = []
    for token in tokens:
        known = speller.correct(token.norm)
        fixed.append(replace(token, norm=known) if known and known != token.norm else token)
    return fixed


def norm_at(tokens: Sequence[Token], index: int) -> str:
    """The normalised word at ``index``, or "" past the end."""
    return tokens[index].norm if 0 <= index < len(tokens) else ""


def norms(tokens: Sequence[Token], start: int, size: int) -> tuple[str, ...]:
    """The normalised words from ``start``, ``size`` of them."""
    return tuple(token.norm for token in tokens[start : start + size])


def quote(line: str, tokens: Sequence[Token], start: int, stop: int) -> str:
    """What was typed from word ``start`` up to (not including) word ``stop``."""
    if stop <= start:
        return ""
    return line[tokens[start].start : tokens[stop - 1].end]
