"""How long a digest takes for a child with five years of records, against the issue's limits.

Builds the child in a temporary database: 20,000 episodes over 5 years, 2 years of doses of two
medicines twice a day, 40 medication changes (a titration among them), a few follow-ups; and,
by default, one more child of the same size, so that a query not bounded by its index would
show. Then it times the figures (limit 200 ms) and the figures with the chart and the text
(limit 1 s) for 28 and 90 days, and prints each time with its ratio to the limit.

    python bench/digest.py                                # SQLite in a temporary folder
    python bench/digest.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

With a PostgreSQL URL a database is created on that server for the run and dropped after it.
Exits with 1 if a median is over its limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert

from bench.harness import temporary_database
from bot import clock
from bot import schema as migrate
from bot.recurrence import local_to_utc
from bot.services.digests.figures import figures
from bot.views.digests.chart import chart
from bot.views.digests.text import caption, message
from models import (
    ChangeAction,
    Child,
    DoseLog,
    DoseStatus,
    Episode,
    Followup,
    FollowupStatus,
    Medication,
    MedicationChange,
    Membership,
    Person,
    ReminderKind,
    Role,
    Titration,
    TitrationStatus,
)
from models.session import Database

TODAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ZONE = "Europe/London"
EPISODES, YEARS, DOSE_YEARS, CHANGES = 20_000, 5, 2, 40
LIMITS = {"figures": 0.200, "with chart": 1.0}
SETTINGS = ("home", "home", "home", "school", "school", "car", "outside", "sleep", "waking", None)
TRIGGERS = ("fatigue", "stress", "poor_sleep", "illness", "missed_dose", "excitement")
GIVEN, SKIPPED, MISSED = DoseStatus.GIVEN, DoseStatus.SKIPPED, DoseStatus.MISSED
ROLES = (Role.GUARDIAN, Role.GUARDIAN, Role.CAREGIVER, Role.EDUCATOR, Role.CLINICIAN)


def _episodes(child_id: int, first_id: int, reporters: list[int], rng: random.Random) -> list:
    start, span = TODAY - timedelta(days=365 * YEARS), 365 * YEARS * 86400
    moments = sorted(start + timedelta(seconds=rng.randrange(span)) for _ in range(EPISODES))
    rows, seconds = [], []
    for n, moment in enumerate(moments):
        series = rng.random() < 0.1
        row = {
            "id": first_id + n,
            "child_id": child_id,
            "reporter_id": rng.choice(reporters),
            "occurred_at": moment,
            "setting": rng.choice(SETTINGS),
            "window_end_at": moment + timedelta(minutes=20) if series else None,
            "jerk_count": rng.randint(3, 40) if series else None,
            "duration_seconds": None if series else rng.choice((5, 20, 40, 90, 400)),
            "triggers": rng.sample(TRIGGERS, rng.choice((0, 0, 1, 2))),
            "body_parts": [],
            "rescue_medication": "midazolam" if rng.random() < 0.01 else None,
            "observer": "grandma" if rng.random() < 0.1 else None,
            "source": "timer" if rng.random() < 0.05 else "line",
            "injury": False,
            "attachment_file_ids": [],
            "details": {},
            "relayed_at": moment,
            "created_at": moment + timedelta(minutes=rng.choice((1, 5, 15, 60, 360))),
            "deleted_at": moment + timedelta(hours=1) if rng.random() < 0.01 else None,
        }
        rows.append(row)
        if rng.random() < 0.01:  # a second report of the same episode, kept as a second observer
            seconds.append(
                {
                    **row,
                    "id": first_id + EPISODES + len(seconds),
                    "merged_into_id": row["id"],
                    "deleted_at": None,
                }
            )
    return rows + seconds


def _medicines(child_id: int, base: int, by: int) -> tuple[list, list, list]:
    """Three medicines, 40 changes every 45 days or so, the 4 steps of one titration included."""
    start = TODAY - timedelta(days=365 * YEARS - 10)
    names = ("levetiracetam", "valproate", "clobazam")
    medications = [
        {
            "id": base + i,
            "child_id": child_id,
            "name": name,
            "name_as_typed": name,
            "dose_amount": Decimal(5),
            "dose_unit": "mg",
            "schedule_times": ["08:00", "20:00"],
            "is_rescue": False,
            "started_at": start,
        }
        for i, name in enumerate(names)
    ]
    plan = {
        "id": base,
        "medication_id": base,
        "child_id": child_id,
        "step": Decimal(250),
        "unit": "mg",
        "every_days": 7,
        "target": Decimal(1500),
        "status": TitrationStatus.DONE,
        "steps_done": 3,
        "created_by_id": by,
    }
    # The last four are a titration whose last step was two weeks ago.
    changes, when, gap = [], start, timedelta(days=(365 * YEARS - 45) / (CHANGES - 4))
    for n in range(CHANGES):
        titration = n >= CHANGES - 4
        medicine = 0 if titration else n if n < 3 else (n * 7) % 3
        when += timedelta(days=7) if n > CHANGES - 4 else gap
        changes.append(
            {
                "id": base + n,
                "medication_id": base + medicine,
                "child_id": child_id,
                "action": ChangeAction.START if n < 3 else ChangeAction.ADJUST,
                "dose_amount": Decimal(250 + 50 * n),
                "dose_unit": "mg" if n < 3 else None,
                "schedule_times": ["08:00", "20:00"] if n < 3 else None,
                "effective_at": when,
                "recorded_by_id": by,
                "titration_id": base if titration else None,
            }
        )
    return medications, changes, [plan]


def _doses(child_id: int, medication_ids: list[int], by: int, rng: random.Random) -> list:
    rows, today = [], TODAY.date()
    for day in range(365 * DOSE_YEARS):
        date = today - timedelta(days=day + 1)
        for hour in (8, 20):
            due = local_to_utc(datetime(date.year, date.month, date.day, hour), ZONE)
            for medication_id in medication_ids:
                roll = rng.random()
                status = MISSED if roll < 0.03 else SKIPPED if roll < 0.06 else GIVEN
                late = timedelta(minutes=50 if roll > 0.96 else 5)
                rows.append(
                    {
                        "medication_id": medication_id,
                        "child_id": child_id,
                        "scheduled_at": due,
                        "status": status,
                        "recorded_by_id": None if status == MISSED else by,
                        "recorded_at": due + (timedelta(hours=1) if status == MISSED else late),
                    }
                )
    return rows


async def build(db: Database, children: int) -> int:
    """Fill the database; return the reader's membership id (a clinician of the first child)."""
    async with db.engine.begin() as connection:

        async def add(model: type, rows: list) -> None:
            for i in range(0, len(rows), 5000):
                await connection.execute(insert(model), rows[i : i + 5000])

        reader = 0
        for c in range(children):
            rng, child_id, base = random.Random(c), c + 1, c * 1000 + 1
            await add(
                Child,
                [
                    {
                        "id": child_id,
                        "name": f"Child {c + 1}",
                        "timezone": ZONE,
                        "created_at": TODAY - timedelta(days=365 * YEARS + 30),
                    }
                ],
            )
            people = [
                {"id": base + i, "telegram_user_id": base + i, "first_name": f"P{base + i}"}
                for i in range(len(ROLES))
            ]
            await add(Person, people)
            await add(
                Membership,
                [
                    {
                        "id": base + i,
                        "child_id": child_id,
                        "person_id": base + i,
                        "role": role,
                        "joined_at": TODAY,
                    }
                    for i, role in enumerate(ROLES)
                ],
            )
            reader = reader or base + ROLES.index(Role.CLINICIAN)
            await add(
                Episode, _episodes(child_id, c * 100_000 + 1, [base, base + 1, base + 3], rng)
            )
            medications, changes, plans = _medicines(child_id, base, base)
            await add(Medication, medications)
            await add(Titration, plans)
            await add(MedicationChange, changes)
            await add(DoseLog, _doses(child_id, [base, base + 1], base, rng))
            await add(
                Followup,
                [
                    {
                        "child_id": child_id,
                        "kind": ReminderKind.FOLLOWUP,
                        "title": f"review {n}",
                        "due_at": TODAY + timedelta(days=30 * n),
                        "timezone": ZONE,
                        "notices": [],
                        "status": FollowupStatus.ACTIVE,
                        "created_by_id": base,
                    }
                    for n in range(1, 6)
                ],
            )
    return reader


async def _time(db: Database, membership_id: int, days: int, runs: int) -> dict[str, list]:
    """(wall, CPU) seconds per run: the figures alone, then with the chart and the text.

    CPU time counts every thread of this process (aiosqlite works in its own): the work done,
    without the waiting for a core that a busy machine adds to the wall time.
    """
    times: dict[str, list[tuple[float, float]]] = {"figures": [], "with chart": []}
    for name, found in times.items():
        for _ in range(runs + 1):  # the first run warms caches (fonts, statements): not kept
            async with db.open_session() as session:
                membership = await session.get_one(Membership, membership_id)
                wall, cpu = time.perf_counter(), time.process_time()
                digest = await figures(session, membership, days)
                if name == "with chart":
                    chart(digest), message(digest), caption(digest)
                found.append((time.perf_counter() - wall, time.process_time() - cpu))
    return {name: found[1:] for name, found in times.items()}


def _line(name: str, limit: float, runs: list[tuple[float, float]]) -> tuple[str, bool]:
    wall = statistics.median(run[0] for run in runs)
    cpu = statistics.median(run[1] for run in runs)
    fastest = min(run[0] for run in runs)
    return (
        f"{name:<11} wall {wall * 1000:6.1f} ms = {wall / limit:.2f} of {limit * 1000:.0f} ms"
        f" · CPU {cpu * 1000:6.1f} ms = {cpu / limit:.2f} · fastest {fastest * 1000:.0f} ms",
        wall <= limit,
    )


async def main(url: str | None, children: int, runs: int) -> bool:
    clock.use(clock.FrozenClock(TODAY))
    async with temporary_database(url) as database_url:
        await migrate.upgrade(database_url)
        db = Database(database_url)
        try:
            started = time.perf_counter()
            reader = await build(db, children)
            backend = db.engine.dialect.name
            print(
                f"digest bench on {backend}: {children} children, each with {EPISODES:,} "
                f"episodes over {YEARS} years, {DOSE_YEARS} years of doses of 2 medicines "
                f"twice a day, {CHANGES} medication changes (built in "
                f"{time.perf_counter() - started:.1f} s); median of {runs} runs, "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
            fine = True
            for days in (28, 90):
                times = await _time(db, reader, days, runs)
                for n, (name, limit) in enumerate(LIMITS.items()):
                    line, within = _line(name, limit, times[name])
                    fine = fine and within
                    print(f"  {f'{days} days' if n == 0 else '':<8} {line}")
            return fine
        finally:
            await db.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a PostgreSQL server URL (default: SQLite)")
    parser.add_argument("--children", type=int, default=2, help="children of that size (2)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per period (15)")
    arguments = parser.parse_args()
    sys.exit(
        0 if asyncio.run(main(arguments.database_url, arguments.children, arguments.runs)) else 1
    )
