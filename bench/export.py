"""How long an export takes for a child with five years of records, against the issue's limit.

The same child as bench/digest.py (20,000 episodes over 5 years, 2 years of doses of two
medicines twice a day, 40 medication changes, a few follow-ups, and a second child of the
same size), exported over everything: the PDF, the CSV zip and the FHIR bundle. Each is
timed in two parts, reading the records (one transaction, with the audit event) and making
the file, and their sum is held to a few seconds (LIMIT).

    python bench/export.py                                # SQLite in a temporary folder
    python bench/export.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres

Exits with 1 if a median total is over the limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

from bench.digest import TODAY, build
from bench.harness import temporary_database
from bot import clock
from bot import schema as migrate
from bot.services.exports import export as exports
from bot.services.exports.export import Format
from bot.views.exports import files
from models import Membership, Person
from models.session import Database

LIMIT = 5.0  # seconds, reading and making one file


async def _time(db: Database, membership_id: int, format: Format, runs: int) -> list[tuple]:
    """(read, make, CPU, size, rows) per run; the first run warms caches and is not kept.

    CPU time counts every thread of this process: the work done, without the waiting for a
    core that a busy machine adds to the wall time.
    """
    found = []
    for _ in range(runs + 1):
        async with db.transaction() as session:
            membership = await session.get_one(Membership, membership_id)
            person = await session.get_one(Person, membership.person_id)
            started, cpu = time.perf_counter(), time.process_time()
            made = await exports.for_member(session, person, membership.child_id, format, "all")
        read = time.perf_counter() - started
        started = time.perf_counter()
        content = files.render(made)
        make, cpu = time.perf_counter() - started, time.process_time() - cpu
        found.append((read, make, cpu, len(content), made.records.size))
    return found[1:]


async def main(url: str | None, children: int, runs: int) -> bool:
    clock.use(clock.FrozenClock(TODAY))
    async with temporary_database(url) as database_url:
        await migrate.upgrade(database_url)
        db = Database(database_url)
        try:
            started = time.perf_counter()
            reader = await build(db, children)
            print(
                f"export bench on {db.engine.dialect.name}: {children} children of 20,000 "
                f"episodes over 5 years (built in {time.perf_counter() - started:.1f} s); "
                f"everything exported by a clinician; median of {runs} runs, "
                f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
            )
            fine = True
            for format in Format:
                times = await _time(db, reader, format, runs)
                read = statistics.median(t[0] for t in times)
                make = statistics.median(t[1] for t in times)
                cpu = statistics.median(t[2] for t in times)
                size, rows = times[0][3], times[0][4]
                total = read + make
                fine = fine and total <= LIMIT
                print(
                    f"  {format:<5} read {read:5.2f} s + make {make:5.2f} s = {total:5.2f} s"
                    f" = {total / LIMIT:.2f} of {LIMIT:.0f} s · CPU {cpu:5.2f} s"
                    f" · {size / 1e6:5.1f} MB · {rows:,} rows"
                )
            return fine
        finally:
            await db.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a PostgreSQL server URL (default: SQLite)")
    parser.add_argument("--children", type=int, default=2, help="children of that size (2)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per format (3)")
    arguments = parser.parse_args()
    sys.exit(
        0 if asyncio.run(main(arguments.database_url, arguments.children, arguments.runs)) else 1
    )
