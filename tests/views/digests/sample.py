"""The figures of the made-up month (tests/services/digests/month.py), built by hand for views."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from bot.services.digests.episodes import Compared, Day, Frequency, Pattern, Severity, Trust
from bot.services.digests.figures import Figures
from bot.services.digests.medicines import DoseLine, Effect, Span, Window
from bot.services.digests.period import Period
from bot.services.doses.adherence import Tally
from bot.services.followups.agenda import Upcoming
from bot.services.medications.regimen import Dosing
from models import ChangeAction, Child, Followup, ReminderKind

LONDON = "Europe/London"
PERIOD = Period(date(2026, 11, 2), date(2026, 11, 29), LONDON)


def child(name: str = "Lily") -> Child:
    """Lily, or a child of another name, with the default action plan and cluster rule."""
    return Child(
        id=7,
        name=name,
        timezone=LONDON,
        emergency_threshold_seconds=300,
        cluster_episodes=3,
        cluster_hours=24,
    )


LILY = child()
TWICE = ("08:00", "20:00")


def nov(day: int, hour: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


# Episodes per day by place (home, school, other, not said), 2-29 November.
PER_DAY = {
    1: (0, 0, 0, 1),
    3: (0, 1, 0, 0),
    7: (0, 0, 1, 0),
    10: (1, 0, 0, 0),
    11: (1, 0, 0, 1),
    16: (0, 1, 0, 0),
    19: (2, 0, 0, 0),
    23: (0, 1, 0, 0),
}

CHANGE = Effect(
    medication="levetiracetam",
    action=ChangeAction.ADJUST,
    at=nov(16),
    before=Dosing(Decimal(250), "mg", TWICE),
    after=Dosing(Decimal(500), "mg", TWICE),
    steps=0,
    under_way=False,
    window_before=Window(datetime(2026, 10, 18, 23, tzinfo=UTC), nov(16), 28, 11),
    window_after=Window(nov(16), nov(30), 14, 4),
)

FIGURES = Figures(
    child=LILY,
    period=PERIOD,
    record_start=None,
    frequency=Frequency(Compared(10, 7), Compared(8, 6), 20, 4, 2, 9, 12),
    severity=Severity(1, 3, 24, 1, 300, 1),
    pattern=Pattern(
        places=(("home", 4), ("school", 3), ("other", 1), ("unknown", 2)),
        times=(("night", 1), ("morning", 5), ("afternoon", 1), ("evening", 3)),
        waking=1,
        sleep=1,
        triggers=(("fatigue", 2), ("illness", 2), ("missed_dose", 1)),
        doses_not_given=4,
        after_dose_not_given=1,
    ),
    changes=[CHANGE],
    adherence=[Tally("levetiracetam", given=50, late=2, skipped=1, missed=3)],
    trust=Trust(1, 10, 3, 10, (("parents", 8), ("school", 3), ("others", 1))),
    days=[
        Day(PERIOD.first + timedelta(days=i), PER_DAY.get(i, (0, 0, 0, 0)))
        for i in range(PERIOD.days)
    ],
    doses=[
        DoseLine(
            "levetiracetam",
            (
                Span(nov(2), nov(16), Dosing(Decimal(250), "mg", TWICE)),
                Span(nov(16), nov(30), Dosing(Decimal(500), "mg", TWICE)),
            ),
            missed=(nov(20, 20), nov(28, 8), nov(28, 20)),
            skipped=(nov(14, 20),),
        )
    ],
    followups=[
        Upcoming(
            Followup(
                id=3,
                kind=ReminderKind.FOLLOWUP,
                title="neurology review with Dr Lee",
                due_at=datetime(2026, 12, 3, 14, 30, tzinfo=UTC),
                timezone=LONDON,
            ),
            [datetime(2026, 12, 3, 14, 30, tzinfo=UTC)],
        )
    ],
)


def empty() -> Figures:
    """A quiet period: nothing recorded at all."""
    return replace(
        FIGURES,
        frequency=Frequency(Compared(0, 0), Compared(0, 0), 28, 28, 0, None, None),
        severity=Severity(0, 3, 24, 0, 300, 0),
        pattern=Pattern(
            places=tuple((p, 0) for p in ("home", "school", "other", "unknown")),
            times=tuple((p, 0) for p in ("night", "morning", "afternoon", "evening")),
            waking=0,
            sleep=0,
            triggers=(),
            doses_not_given=0,
            after_dose_not_given=0,
        ),
        changes=[],
        adherence=[],
        trust=Trust(28, 0, 0, None, (("parents", 0), ("school", 0), ("others", 0))),
        days=[Day(day.day, (0, 0, 0, 0)) for day in FIGURES.days],
        doses=[],
        followups=[],
    )
