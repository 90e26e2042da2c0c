"""Peak memory of the bot with 10,000 teams in its database, while some of them report.

Builds ``--teams`` care teams (a child, a parent, a linked group), of which ``--active``
exist in the emulator too and each send ``--reports`` one-line reports in their private
chat; CareCircle runs as a process, and its peak resident set (``VmHWM``) is read when
every report is answered and relayed, and again once one of them has asked for a digest
(whose chart loads matplotlib, which the bot loads only then). The goal is under 200 MB.

    python bench/memory.py
    python bench/memory.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from pathlib import Path

from bench.delivery import until
from bench.harness import (
    NO_LIMITS,
    Watch,
    burst,
    carecircle,
    fresh_token,
    machine,
    temporary_database,
)
from bench.updates import parents, report_lines
from bot import clock
from bot import schema as migrate
from bot.sandbox import Emulator
from models import Child, Membership, Person, Role, TeamChat
from models.session import Database

FAR = 9_000_000_000  # ids no emulator user or group has


async def build_teams(db_url: str, count: int, chunk: int = 500) -> None:
    """``count`` teams that exist only in the database."""
    db = Database(db_url)
    for first in range(0, count, chunk):
        async with db.transaction() as session:
            for n in range(first, min(count, first + chunk)):
                child = Child(name=f"Child {n}", timezone="Europe/London")
                person = Person(
                    telegram_user_id=FAR + n, first_name=f"Parent {n}", started_bot=True
                )
                session.add_all([child, person])
                await session.flush()
                session.add_all(
                    [
                        Membership(
                            child_id=child.id,
                            person_id=person.id,
                            role=Role.GUARDIAN,
                            joined_at=clock.now(),
                        ),
                        TeamChat(
                            child_id=child.id, chat_id=-FAR - n, title="Team", linked_at=clock.now()
                        ),
                    ]
                )
    await db.dispose()


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(args: argparse.Namespace) -> None:
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{machine()} · {backend} · {args.teams} teams, {args.active} of them reporting")
    logs = Path(tempfile.mkdtemp(prefix="carecircle-bench-"))
    async with temporary_database(args.database_url) as db_url, Emulator(fresh_token()) as emulator:
        await migrate.upgrade(db_url)
        emulator.limits.configure(**NO_LIMITS)
        await build_teams(db_url, args.teams - args.active)
        people = await parents(emulator, args.active, db_url)
        watch = Watch(emulator)
        bot = carecircle(emulator.bot_api_url, db_url, emulator.core.token, logs / "memory.log")
        async with bot:
            assert bot.process is not None
            await watch.wait_polling()
            started = peak_rss_mb(bot.process.pid)
            figures = await burst(watch, people, report_lines(args.reports))
            await until(lambda: watch.other_sends >= figures.count)
            peak = peak_rss_mb(bot.process.pid)
            await burst(watch, people[:1], ["/digest"])  # answered when its chart is sent
            charted = peak_rss_mb(bot.process.pid)
    print(f"  peak RSS after start-up: {started:6.1f} MB")
    print(f"  peak RSS after {figures.count} reports: {peak:6.1f} MB (goal < 200 MB)")
    print(f"  peak RSS after a digest with its chart (matplotlib loaded): {charted:6.1f} MB")
    print(f"(bot logs in {logs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CARECIRCLE_BENCH_DATABASE_URL"))
    parser.add_argument("--teams", type=int, default=10_000)
    parser.add_argument("--active", type=int, default=100)
    parser.add_argument("--reports", type=int, default=3)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
