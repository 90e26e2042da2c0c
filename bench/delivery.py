"""Relay delivery against the bound Telegram's flood limits allow, and how many 429s it took.

The emulator keeps Telegram's published limits (30 messages a second overall, about one
a second per chat with a burst of 3, 20 a minute per group). CareCircle runs as a
process against it:

- a drain: ``--groups`` × ``--messages`` relays already in the outbox (as after a busy
  minute); the time from the first message to the last against the least those limits
  allow, and the 429s;
- a mix: ``--parents`` parents each send ``--reports`` reports in private while the relays
  go to their groups, so direct replies and relays share the limits; its 429s.

    python bench/delivery.py
    python bench/delivery.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import Watch, carecircle, fresh_token, machine, temporary_database
from bench.updates import parents, report_lines
from bot import schema as migrate
from bot.delivery import outbox
from bot.replies import Reply
from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.flood import LimitSettings
from models.session import Database


async def until(done: Callable[[], bool], timeout: float = 600) -> None:
    """Wait (looking ten times a second) until ``done`` is true."""
    async with asyncio.timeout(timeout):
        while True:
            if done():
                return
            await asyncio.sleep(0.1)


def bound_seconds(groups: int, messages: int, limits: LimitSettings) -> float:
    """The least time from the first message to the last that the limits allow."""
    overall = (groups * messages - 1) // (limits.global_per_second or 10**9)
    burst, rate = limits.chat_burst or 1, limits.per_chat_per_second or 10**9
    per_chat = max(0, messages - burst) / rate
    per_minute = 60 * ((messages - 1) // (limits.per_group_per_minute or 10**9))
    return float(max(overall, per_chat, per_minute))


async def queue_relays(db_url: str, emulator: Emulator, groups: int, messages: int) -> None:
    db = Database(db_url)
    async with SandboxClient(emulator.url) as sandbox:
        ids = []
        for n in range(groups):
            admin = await sandbox.user(f"Member {n}")
            group = await sandbox.group(f"Team {n}", [admin])
            await group.add_bot(by=admin)
            ids.append(group.id)
    async with db.transaction() as session:
        for k in range(messages):
            for chat_id in ids:
                await outbox.enqueue(
                    session, chat_id, Reply(f"Relay {k + 1}: episode at 08:0{k % 10}")
                )
    await db.dispose()


async def drain(args: argparse.Namespace, logs: Path) -> None:
    async with temporary_database(args.database_url) as db_url, Emulator(fresh_token()) as emulator:
        await migrate.upgrade(db_url)
        await queue_relays(db_url, emulator, args.groups, args.messages)
        watch = Watch(emulator)
        total = args.groups * args.messages
        async with carecircle(
            emulator.bot_api_url, db_url, emulator.core.token, logs / "drain.log"
        ):
            await until(lambda: len(watch.sent_at) >= total)
        took = watch.sent_at[total - 1] - watch.sent_at[0]
        bound = bound_seconds(args.groups, args.messages, emulator.limits.settings)
        print(f"drain: {total} relays to {args.groups} groups")
        ratio = bound / took
        print(
            f"  CareCircle {took:6.1f} s   bound {bound:5.1f} s   ratio {ratio:.2f} (goal ≥ 0.95)"
        )
        print(f"  429 answers: {watch.refused} (goal 0)")


async def mix(args: argparse.Namespace, logs: Path) -> None:
    async with temporary_database(args.database_url) as db_url, Emulator(fresh_token()) as emulator:
        await migrate.upgrade(db_url)
        emulator.limits.configure(per_group_per_minute=None)  # the team flow's own messages
        people = await parents(emulator, args.parents, db_url)
        emulator.limits.configure(per_group_per_minute=20)
        watch = Watch(emulator)
        async with carecircle(emulator.bot_api_url, db_url, emulator.core.token, logs / "mix.log"):
            await watch.wait_polling()
            watch.reset(len(people) * args.reports)
            started = time.perf_counter()
            for line in report_lines(args.reports):
                for chat_id, user_id in people:
                    watch.send(chat_id, user_id, line)
            relays = len(people) * args.reports
            await watch.wait_answers(600)
            await until(lambda: watch.other_sends >= relays)
            took = time.perf_counter() - started
        sends = len(watch.latencies) + watch.other_sends
        print(f"mix: {len(people)} parents × {args.reports} reports, answered and relayed")
        print(f"  {sends} messages in {took:.1f} s, 429 answers: {watch.refused} (goal 0)")


async def run(args: argparse.Namespace) -> None:
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{machine()} · {backend} · emulator limits on")
    logs = Path(tempfile.mkdtemp(prefix="carecircle-bench-"))
    await drain(args, logs)
    await mix(args, logs)
    print(f"(bot logs in {logs})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CARECIRCLE_BENCH_DATABASE_URL"))
    parser.add_argument("--groups", type=int, default=100)
    parser.add_argument("--messages", type=int, default=10, help="relays queued per group")
    parser.add_argument("--parents", type=int, default=20)
    parser.add_argument("--reports", type=int, default=5, help="reports per parent in the mix")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
