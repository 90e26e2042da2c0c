"""What the throughput benchmarks share: a throw-away database, the emulator, bots as processes.

The emulator runs in the benchmark's own process; each bot under test (CareCircle or
the bare python-telegram-bot echo bot) runs as a child process against it, so both are
measured the same way: from the moment a person's message is queued for the bot to the
moment the bot's answer reaches the emulator.
"""

from __future__ import annotations

import asyncio
import os
import platform
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from bot.sandbox import Emulator, people

ROOT = Path(__file__).resolve().parent.parent
NO_LIMITS = {
    "per_chat_per_second": None,
    "chat_burst": None,
    "per_group_per_minute": None,
    "global_per_second": None,
}


def machine() -> str:
    """One line naming the machine the figures come from."""
    return f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}"


@asynccontextmanager
async def temporary_database(url: str | None) -> AsyncIterator[str]:
    """A fresh database: a file in a temporary folder, or a new database on the server at url."""
    if url is None:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        return
    name = f"carecircle_bench_{uuid.uuid4().hex[:8]}"
    server = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with server.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        async with server.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await server.dispose()


def fresh_token() -> str:
    return f"{secrets.randbelow(10**9) + 10**8}:BENCH-{secrets.token_hex(16)}"


@dataclass
class Watch:
    """The emulator's view of one bot: when each person wrote and when the bot answered.

    An answer is a successful send to a chat that has a message waiting for one; the
    oldest waiting message of that chat is taken as answered (each chat is answered in
    order). Sends to other chats (a group's relay) are counted apart.
    """

    emulator: Emulator
    waiting: dict[int, deque[float]] = field(default_factory=lambda: defaultdict(deque))
    latencies: list[float] = field(default_factory=list)
    other_sends: int = 0
    sent_at: list[float] = field(default_factory=list)  # every message the bot got through
    refused: int = 0  # answers 429
    polls: int = 0
    polled: asyncio.Event = field(default_factory=asyncio.Event)
    answered: asyncio.Event = field(default_factory=asyncio.Event)
    expected: int = 0

    def __post_init__(self) -> None:
        self.emulator.core.observers.append(self._observe)

    def _observe(self, method: str, envelope: Any) -> None:
        if method == "getUpdates":
            self.polls += 1
            self.polled.set()
            return
        if not isinstance(envelope, dict):
            return
        if envelope.get("error_code") == 429:
            self.refused += 1
            return
        result = envelope.get("result")
        if method not in ("sendMessage", "sendPhoto") or not isinstance(result, dict):
            return
        self.sent_at.append(time.perf_counter())
        queue = self.waiting.get(result["chat"]["id"])
        if not queue:
            self.other_sends += 1
            return
        self.latencies.append(time.perf_counter() - queue.popleft())
        if len(self.latencies) >= self.expected:
            self.answered.set()

    def send(self, chat_id: int, user_id: int, line: str) -> None:
        """A person writes ``line`` in ``chat_id`` (their private chat with the bot)."""
        self.waiting[chat_id].append(time.perf_counter())
        people.send(self.emulator.core, chat_id, user_id, text=line)

    def reset(self, expected: int) -> None:
        self.latencies.clear()
        self.other_sends = self.refused = 0
        self.expected = expected
        self.answered.clear()

    async def wait_answers(self, timeout: float) -> bool:
        try:
            async with asyncio.timeout(timeout):
                await self.answered.wait()
        except TimeoutError:
            return False
        return True

    async def wait_polling(self, timeout: float = 60.0) -> None:
        """Wait until the bot has started asking for updates."""
        async with asyncio.timeout(timeout):
            await self.polled.wait()


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass(frozen=True)
class Figures:
    """Updates per second and answer latency of one bot in one phase."""

    count: int
    seconds: float
    latencies: tuple[float, ...]
    cpu: float = float("nan")  # CPU seconds the bot used meanwhile

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else float("nan")

    def line(self, name: str) -> str:
        lat = list(self.latencies)
        p50, p99 = percentile(lat, 0.5) * 1000, percentile(lat, 0.99) * 1000
        if self.cpu != self.cpu:  # not measured (the bot runs in this process)
            return (
                f"{name:<12} {self.rate:8.1f} updates/s   p50 {p50:7.1f} ms   p99 {p99:8.1f} ms"
                f"   ({self.count} in {self.seconds:.1f} s)"
            )
        return (
            f"{name:<12} {self.rate:8.1f} updates/s   p50 {p50:7.1f} ms   p99 {p99:8.1f} ms"
            f"   ({self.count} in {self.seconds:.1f} s, CPU {self.cpu / self.count * 1000:.1f} ms each)"  # noqa: E501
        )


async def burst(watch: Watch, chats: list[tuple[int, int]], lines: list[str]) -> Figures:
    """Everyone writes each of ``lines`` at once; time until every one is answered."""
    watch.reset(len(chats) * len(lines))
    started = time.perf_counter()
    for line in lines:
        for chat_id, user_id in chats:
            watch.send(chat_id, user_id, line)
    done = await watch.wait_answers(timeout=600)
    seconds = time.perf_counter() - started
    if not done:
        print(f"  (only {len(watch.latencies)} of {watch.expected} answered)", file=sys.stderr)
    return Figures(len(watch.latencies), seconds, tuple(watch.latencies))


async def paced(
    watch: Watch, chats: list[tuple[int, int]], lines: list[str], rate: float
) -> Figures:
    """The same messages at ``rate`` a second, round-robin over the chats."""
    messages = [(chat, line) for line in lines for chat in chats]
    watch.reset(len(messages))
    started = time.perf_counter()
    for index, ((chat_id, user_id), line) in enumerate(messages):
        delay = started + index / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        watch.send(chat_id, user_id, line)
    await watch.wait_answers(timeout=600)
    seconds = time.perf_counter() - started
    return Figures(len(watch.latencies), seconds, tuple(watch.latencies))


class BotProcess:
    """A bot under test as a child process; its output goes to a log file."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.args, self.env, self.log = args, env, log
        self.process: asyncio.subprocess.Process | None = None

    def cpu_seconds(self) -> float:
        """User and system CPU the process has used so far, all its threads together."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    async def __aenter__(self) -> BotProcess:
        out = self.log.open("wb")
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, *self.args, env=env, stdout=out, stderr=asyncio.subprocess.STDOUT
        )
        out.close()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.terminate()
            try:
                await asyncio.wait_for(self.process.wait(), 15)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


def carecircle(
    base_url: str, database_url: str, token: str, log: Path, *, paced: bool = True
) -> BotProcess:
    """``bot run`` against ``base_url``; not ``paced`` by Telegram's limits when the emulator's
    are off (as the peer is not)."""
    env = {
        "CARECIRCLE_BOT_TOKEN": token,
        "CARECIRCLE_DATABASE_URL": database_url,
        "CARECIRCLE_LOG_LEVEL": "WARNING",
        "CARECIRCLE_TELEGRAM_LIMITS": "on" if paced else "off",
    }
    profile = os.environ.get("CARECIRCLE_BENCH_PROFILE")  # a file for cProfile's figures
    under = ["-m", "cProfile", "-o", profile] if profile else []
    return BotProcess([*under, "-m", "bot", "run", "--base-url", base_url], env, log)


def echo_bot(base_url: str, token: str, log: Path) -> BotProcess:
    script = str(ROOT / "bench" / "echo_bot.py")
    return BotProcess([script, "--base-url", base_url, "--token", token], {}, log)


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}" if values else "none"
