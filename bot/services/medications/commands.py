"""What a one-line /med command says: a start, a change or a stop, and the refusal of one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import NoReturn

from bot.services.errors import DomainError
from bot.services.medications.drugs import Drug

TEXTS = "medication_parsing"


@dataclass(frozen=True)
class Titration:
    """Move the dose by ``step`` (negative to taper) every ``every_days`` days to ``target``."""

    step: Decimal
    every_days: int
    target: Decimal


@dataclass(frozen=True)
class MedStart:
    """Put a medicine on the regimen."""

    drug: Drug
    name_as_typed: str
    amount: Decimal
    unit: str
    times: tuple[str, ...]
    effective_at: datetime
    reason: str | None
    titration: Titration | None


@dataclass(frozen=True)
class MedChange:
    """Change a medicine's dose and/or times; None means "unchanged"."""

    drug: Drug
    name_as_typed: str
    amount: Decimal | None
    unit: str | None
    times: tuple[str, ...] | None
    effective_at: datetime
    reason: str | None
    titration: Titration | None


@dataclass(frozen=True)
class MedStop:
    """Take a medicine off the regimen."""

    drug: Drug
    name_as_typed: str
    effective_at: datetime
    reason: str | None


class MedicationParseError(DomainError):
    """A ``/med`` line that cannot be read; ``key`` names the text that says why."""


def fail(key: str, /, **params: object) -> NoReturn:
    """Raise the parse error ``medication_parsing.<key>`` with its params as text."""
    raise MedicationParseError(f"{TEXTS}.{key}", **{k: str(v) for k, v in params.items()})
