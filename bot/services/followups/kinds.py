"""The kind of a follow-up, guessed from its title: a test (EEG, bloods), a visit, or other."""

from __future__ import annotations

import re

from bot.services.parsing import vocab
from models.reminder import ReminderKind


def _words(phrases: list[str]) -> re.Pattern[str]:
    """A pattern matching any of ``phrases`` as whole words, spaces and hyphens optional."""
    alternatives = sorted(
        (re.escape(phrase).replace(r"\ ", r"\s*").replace(r"\-", "-?") for phrase in phrases),
        key=len,
        reverse=True,
    )
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


@vocab.per_language
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    kinds = vocab.load("followups")["kinds"]
    return _words(kinds["test"]), _words(kinds["followup"])


def kind_of(title: str) -> ReminderKind:
    """Guess the kind from the title: a test (EEG, bloods...) wins over a follow-up visit."""
    tests, visits = _patterns()
    title = vocab.fold(title)  # "análisis" as "analisis", as the words are kept
    if tests.search(title):
        return ReminderKind.TEST
    if visits.search(title):
        return ReminderKind.FOLLOWUP
    return ReminderKind.CUSTOM
