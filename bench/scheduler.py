"""The scheduler at scale: 100,000 pending timed messages, a burst of them due during reports.

Fills ``reminder`` with ``--pending`` rows (10,000 teams × their dose times, as at 08:00):
all but ``--due`` fall due tomorrow; ``--due`` fall due over ``--spread`` seconds shortly
after the bot starts, while ``--parents`` parents each send ``--reports`` one-line reports.
Each due row's handler queues one message to a group, as a dose reminder does. CareCircle
runs in this process (so its handler can be installed); the emulator's limits are off.
Prints the start-up time, the claim throughput (rows handled per second from the first to
the last) and the lateness p50/p99 (handled minus due).

    python bench/scheduler.py
    python bench/scheduler.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from datetime import timedelta

from pydantic import SecretStr
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from bench.delivery import until
from bench.harness import (
    NO_LIMITS,
    Watch,
    burst,
    fresh_token,
    machine,
    percentile,
    temporary_database,
)
from bench.updates import parents, report_lines
from bot import clock, scheduling
from bot import schema as migrate
from bot.delivery import outbox
from bot.replies import Reply
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator
from bot.settings import Settings
from models import Reminder, ReminderStatus
from models.session import Database

KIND = "bench.reminder"
lateness: list[float] = []
handled_at: list[float] = []


async def remind(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Queue the reminder's message, as a dose reminder does, and note how late it is."""
    lateness.append((clock.now() - fired.due_at).total_seconds())
    handled_at.append(time.perf_counter())
    await outbox.enqueue(session, fired.payload["chat_id"], Reply("Time for the 08:00 dose."))


async def fill(
    db_url: str, pending: int, due: int, start_in: float, spread: float, chat: int
) -> None:
    now = clock.now()
    tomorrow = now + timedelta(days=1)
    db = Database(db_url)
    rows = []
    for n in range(pending):
        soon = n < due
        at = now + timedelta(seconds=start_in + spread * n / max(due, 1)) if soon else tomorrow
        rows.append(
            {
                "kind": KIND,
                "occurrence_key": f"bench:{n}",
                "due_at": at + (timedelta(0) if soon else timedelta(seconds=n % 3600)),
                "timezone": "Europe/London",
                "payload": {"chat_id": chat},
                "status": ReminderStatus.PENDING,
                "attempts": 0,
                "created_at": now,
            }
        )
    for first in range(0, pending, 5000):
        async with db.transaction() as session:
            await session.execute(insert(Reminder), rows[first : first + 5000])
    await db.dispose()


async def run(args: argparse.Namespace) -> None:
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{machine()} · {backend} · {args.pending} pending, {args.due} due in {args.spread:g} s")
    scheduling.install({KIND: remind})
    async with temporary_database(args.database_url) as db_url, Emulator(fresh_token()) as emulator:
        await migrate.upgrade(db_url)
        emulator.limits.configure(**NO_LIMITS)
        people = await parents(emulator, args.parents, db_url)
        group = min(chat for chat in emulator.state.chats if chat < 0)
        filled = time.perf_counter()  # the due rows' times count from here
        await fill(db_url, args.pending, args.due, args.start_in, args.spread, group)
        db = Database(db_url)
        settings = Settings(
            bot_token=SecretStr(emulator.core.token),
            telegram_base_url=emulator.bot_api_url,
            database_url=db_url,
        )
        watch = Watch(emulator)
        began = time.perf_counter()
        async with running_bot(Runtime(settings, db), poll_timeout=1):
            startup = time.perf_counter() - began
            await watch.wait_polling()
            early = filled + args.start_in - time.perf_counter()
            if early < 0:
                print(f"  (ready {-early:.1f} s after the first row fell due: raise --start-in)")
            await asyncio.sleep(max(0.0, early - 1))
            figures = await burst(watch, people, report_lines(args.reports))
            await until(lambda: len(lateness) >= args.due, timeout=600)
        await db.dispose()
    took = handled_at[-1] - handled_at[0]
    print(f"  start-up (schema check to polling): {startup:.2f} s")
    print(f"  claims: {len(lateness)} in {took:.1f} s, {len(lateness) / took:.0f}/s")
    print(
        f"  lateness p50 {percentile(lateness, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(lateness, 0.99) * 1000:.0f} ms (goal p99 < 1 s)"
    )
    print("  meanwhile " + figures.line("reports"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CARECIRCLE_BENCH_DATABASE_URL"))
    parser.add_argument("--pending", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=1_000)
    parser.add_argument("--spread", type=float, default=30.0, help="seconds the due rows span")
    parser.add_argument("--start-in", type=float, default=60.0, help="seconds to the first due")
    parser.add_argument("--parents", type=int, default=20)
    parser.add_argument("--reports", type=int, default=5)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
