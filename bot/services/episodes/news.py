"""What the team must hear about an episode: a new report, one taken back, one corrected.

Services return these (in ``Receipt.news``); the caller announces them to their
audience, each copy written in its reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.audience import Audience
from models import Child

if TYPE_CHECKING:
    from bot.services.episodes.history import Card, Counts, Receipt


@dataclass(frozen=True)
class Relayed:
    """A new episode, as the team hears of it (urgently if it calls for the action plan)."""

    card: Card
    child: Child
    counts: Counts
    now: datetime
    urgent: bool
    audience: Audience


@dataclass(frozen=True)
class Removed:
    """A relayed episode was taken back (``how``: "undone") or deleted by ``actor``."""

    how: str
    actor: str
    card: Card
    child: Child
    now: datetime
    audience: Audience


@dataclass(frozen=True)
class Corrected:
    """A relayed episode was corrected by ``actor``; ``receipt`` is how it reads now."""

    actor: str
    receipt: Receipt
    audience: Audience


EpisodeNews = Relayed | Removed | Corrected
