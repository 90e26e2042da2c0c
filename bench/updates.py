"""Updates per second and answer latency of CareCircle against a bare PTB echo bot, in one run.

Both bots run as processes against the same emulator code with its flood limits off.
Each of ``--chats`` parents (with a linked group, so every report is also relayed)
sends ``--reports`` one-line episode reports in their private chat:

- a burst (everything at once): updates per second until every report is answered,
  and the p50/p99 time from a message to its answer;
- a paced load at ``--rate`` updates per second: the latency a steady load sees.

The peer (``bench/echo_bot.py``) answers the same lines. Then CareCircle runs once more
in this process, with SQLAlchemy events counting the statements, BEGINs and commits
each report costs (its inbox rows, its handler, its relay through the outbox sender).

    python bench/updates.py                      # SQLite in a temporary folder
    python bench/updates.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
    CARECIRCLE_BENCH_DATABASE_URL=postgresql+asyncpg://… python bench/updates.py
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from sqlalchemy import event

from bench.harness import (
    NO_LIMITS,
    Figures,
    Watch,
    burst,
    carecircle,
    echo_bot,
    fresh_token,
    machine,
    paced,
    temporary_database,
)
from bot import schema as migrate
from bot.runner import running_bot
from bot.runtime import Runtime
from bot.sandbox import Emulator, SandboxClient
from bot.settings import Settings
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

Chats = list[tuple[int, int]]  # (private chat id, user id) of each parent


def report_lines(count: int, offset: int = 0) -> list[str]:
    """Distinct one-line reports (a retyped line within 5 minutes would be refused)."""
    return [f"/e {5 + offset + k}s arms" for k in range(count)]


async def parents(emulator: Emulator, count: int, db_url: str | None) -> Chats:
    """``count`` parents, each with a group; with ``db_url``, a team linked to that group."""
    db = Database(db_url) if db_url else None
    chats: Chats = []
    async with SandboxClient(emulator.url) as sandbox:
        for n in range(count):
            parent = await sandbox.user(f"Parent {n}")
            group = await sandbox.group(f"Team {n}", [parent])
            if db is not None:
                async with db.transaction() as session:
                    child = await make_child(session, name=f"Child {n}", timezone="UTC")
                    await link_group(session, child, group.id)
                    person = await make_person(session, parent.id, parent.first_name)
                    await make_member(session, child, person)
            await group.add_bot(by=parent)
            chats.append((parent.private_chat.id, parent.id))
    if db is not None:
        await db.dispose()
    return chats


async def measure(
    start_bot: Callable[[Emulator], Any], chats: int, reports: int, rate: float, db: str | None
) -> tuple[Figures, Figures]:
    """Burst and paced figures of one bot on a fresh emulator."""
    async with Emulator(token=fresh_token()) as emulator:
        emulator.limits.configure(**NO_LIMITS)
        people = await parents(emulator, chats, db)
        watch = Watch(emulator)
        async with start_bot(emulator) as bot:
            await watch.wait_polling()
            await burst(watch, people, report_lines(1))  # warm up: the bot meets everyone
            cpu = bot.cpu_seconds()
            figures = await burst(watch, people, report_lines(reports, offset=10))
            figures = replace(figures, cpu=bot.cpu_seconds() - cpu)
            cpu = bot.cpu_seconds()
            steady = await paced(watch, people, report_lines(3, offset=100), rate)
            steady = replace(steady, cpu=bot.cpu_seconds() - cpu)
        return figures, steady


def count_statements(db: Database) -> Counter[str]:
    """Count each statement the engine sends by its first word, and each BEGIN and commit."""
    counts: Counter[str] = Counter()
    engine = db.engine.sync_engine

    @event.listens_for(engine, "before_cursor_execute")
    def _statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counts[statement.lstrip().split(None, 1)[0].upper()] += 1

    @event.listens_for(engine, "begin")
    def _begin(_conn: Any) -> None:
        counts["transactions"] += 1

    @event.listens_for(engine, "commit")
    def _commit(_conn: Any) -> None:
        counts["commits"] += 1

    return counts


async def profile(db_url: str, chats: int) -> tuple[Counter[str], int]:
    """Statements per report: CareCircle in this process, one report from each parent."""
    async with Emulator(token=fresh_token()) as emulator:
        emulator.limits.configure(**NO_LIMITS)
        people = await parents(emulator, chats, db_url)
        db = Database(db_url)
        settings = Settings(
            bot_token=SecretStr(emulator.core.token),
            telegram_base_url=emulator.bot_api_url,
            database_url=db_url,
        )
        runtime = Runtime(settings, db)
        watch = Watch(emulator)
        async with running_bot(runtime, poll_timeout=1):
            await watch.wait_polling()
            await burst(watch, people, report_lines(1))
            assert runtime.sender is not None
            await runtime.sender.wait_idle(60)
            counts = count_statements(db)
            await burst(watch, people, report_lines(1, offset=50))
            await runtime.sender.wait_idle(60)
            relays = watch.other_sends
        await db.dispose()
    return counts, relays


async def run(args: argparse.Namespace) -> None:
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{machine()} · {backend} · {args.chats} chats × {args.reports} reports")
    logs = Path(tempfile.mkdtemp(prefix="carecircle-bench-"))
    peer, peer_steady = await measure(
        lambda e: echo_bot(e.bot_api_url, e.core.token, logs / "echo.log"),
        args.chats,
        args.reports,
        args.rate,
        None,
    )
    async with temporary_database(args.database_url) as db_url:
        await migrate.upgrade(db_url)
        ours, ours_steady = await measure(
            lambda e: carecircle(
                e.bot_api_url, db_url, e.core.token, logs / "carecircle.log", paced=False
            ),
            args.chats,
            args.reports,
            args.rate,
            db_url,
        )
    print("burst (everything at once):")
    print("  " + peer.line("bare PTB"))
    print("  " + ours.line("CareCircle"))
    print(f"  ratio CareCircle / bare PTB: {ours.rate / peer.rate:.2f} (goal ≥ 0.5)")
    print(f"paced at {args.rate:g} updates/s:")
    print("  " + peer_steady.line("bare PTB"))
    print("  " + ours_steady.line("CareCircle"))
    async with temporary_database(args.database_url) as db_url:
        await migrate.upgrade(db_url)
        counts, relays = await profile(db_url, args.profile_chats)
    per = {name: count / args.profile_chats for name, count in sorted(counts.items())}
    print(f"per report ({args.profile_chats} reports, {relays} relays, sender included):")
    print("  " + ", ".join(f"{name} {value:.1f}" for name, value in per.items()))
    print(f"  statements in all: {sum(v for k, v in per.items() if k.isupper()):.1f}")
    print(f"(bot logs in {logs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("CARECIRCLE_BENCH_DATABASE_URL"),
        help="a PostgreSQL server URL (a database is made on it for the run); default SQLite",
    )
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--reports", type=int, default=10, help="reports per chat in the burst")
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--profile-chats", type=int, default=20)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
