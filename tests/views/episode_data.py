"""Episodes and their context built in memory, for the episode, history and card view tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.services.episodes.history import Card, Counts, HistoryPage, Receipt
from models import Child, Episode, Membership, Role

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # Wed 25 Nov, 09:00 in London
LILY = Child(id=7, name="Lily", timezone="Europe/London", emergency_threshold_seconds=300)
COUNTS = Counts(today=2, this_week=5, last_week=3)


def episode(**facts: object) -> Episode:
    """An episode of Lily's five minutes ago, entered and relayed now; ``facts`` override."""
    values: dict = {
        "id": 42,
        "child_id": 7,
        "occurred_at": NOW - timedelta(minutes=5),
        "created_at": NOW,
        "body_parts": [],
        "triggers": [],
        "injury": False,
        "relayed_at": NOW,
        **facts,
    }
    return Episode(**values)


def card(found: Episode, *also: str) -> Card:
    """``found`` as reported by Ms Park, the teacher; ``also`` saw it too."""
    return Card(found, "Ms Park", Role.EDUCATOR, also)


def receipt(found: Episode, **changes: object) -> Receipt:
    """What Ms Park sees after reporting ``found``: shared, and she may still undo it."""
    values: dict = {"card": card(found), "child": LILY, "counts": COUNTS, "now": NOW}
    return Receipt(**{**values, "urgent": False, "shared": True, "can_undo": True, **changes})


def page(
    found: list[Episode], index: int = 0, total: int | None = None, **changes: object
) -> HistoryPage:
    """Page ``index`` of Lily's last 7 days as a guardian sees it."""
    viewer = Membership(id=1, child_id=7, person_id=1, role=Role.GUARDIAN)
    count = len(found) if total is None else total
    values: dict = dict(
        child=LILY,
        viewer=viewer,
        period="7d",
        index=index,
        total=count,
        cards=[card(e) for e in found],
        limited=False,
        now=NOW,
    )
    return HistoryPage(**{**values, **changes})
