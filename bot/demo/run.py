"""``carecircle demo``: the story played on the sandbox, its files written, then perhaps served."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tqdm import tqdm

from bot import clock
from bot.delivery.sender import Limits
from bot.demo.clock import StoryClock
from bot.demo.stage import Stage
from bot.demo.story import ZONE, Step, story
from bot.demo.transcript import Transcript
from bot.sandbox.client import SandboxClient
from bot.sandbox.flood import LimitSettings
from bot.sandbox.runner import SandboxBot, running_sandbox_bot
from bot.settings import Settings

# A fortnight passes in well under a minute, so the sender may go as fast as the story
# needs; Telegram's side (the emulator) has its flood limits lifted for the story alike.
STORY_LIMITS = Limits(per_chat=(100, 1), per_group=(1000, 60), overall=(200, 1))
QUIET_SECONDS = 0.05  # the bot in this process also says when it is done (bot_settled)


@dataclass(frozen=True)
class Options:
    """What ``carecircle demo`` was asked for."""

    days: int = 14
    out: Path = Path("carecircle-demo")
    serve: bool = False
    port: int = 8081


def first_day(days: int, today: date | None = None) -> date:
    """The story's first day, so that its last day is today."""
    return (today or clock.now().astimezone(ZoneInfo(ZONE)).date()) - timedelta(days=days - 1)


def save(files: dict[str, bytes], out: Path) -> list[Path]:
    """Write each of the story's files into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        path = out / name
        path.write_bytes(content)
        written.append(path)
    return written


async def play(steps: list[Step], stage: Stage) -> None:
    """Run each step at its moment, the clock moving there first, under a progress bar."""
    days = steps[-1].day
    with tqdm(total=len(steps), desc=f"{days} days", unit="step", file=sys.stderr) as bar:
        for step in steps:
            await stage.time_passes(stage.at(step.day, step.time))
            if step.title:
                stage.transcript.note(f"▶ {step.title}")
            await step.act(stage)
            bar.update(1)


@asynccontextmanager
async def story_time(sandbox: SandboxBot, story_clock: StoryClock) -> AsyncIterator[None]:
    """The bot and Telegram on the story's clock, Telegram unhurried, until the block ends.

    The process clock stays the story's afterwards (running on in real time) for whoever
    carries on by hand; Telegram's limits and pace are as usual again then.
    """
    emulator = sandbox.emulator
    activity = emulator.core.activity
    quiet = activity.quiet_period
    emulator.state.wall = lambda: clock.now().timestamp()
    emulator.limits.configure(per_chat_per_second=None, per_group_per_minute=None)
    activity.quiet_period = QUIET_SECONDS
    try:
        yield
    finally:
        story_clock.run_on()
        emulator.limits.configure(**vars(LimitSettings()))
        activity.quiet_period = quiet


@asynccontextmanager
async def installed(story_clock: StoryClock) -> AsyncIterator[None]:
    """``story_clock`` as the process clock for the block."""
    previous = clock.use(story_clock)
    try:
        yield
    finally:
        clock.use(previous)


async def run_demo(
    settings: Settings, options: Options, until: Callable[[], Awaitable[None]]
) -> None:
    """Play the story, write its files into ``options.out``, then serve it if asked."""
    zone, start = ZoneInfo(ZONE), first_day(options.days)
    steps = story(options.days, start)
    story_clock = StoryClock(datetime.combine(start, time(0)).replace(tzinfo=zone))
    # Over a terminal the bar stays below the conversation; elsewhere it only says how far.
    write = tqdm.write if sys.stderr.isatty() else print
    async with (
        installed(story_clock),
        running_sandbox_bot(
            settings, options.port if options.serve else 0, limits=STORY_LIMITS
        ) as sandbox,
        SandboxClient(sandbox.emulator.url) as client,
    ):
        if options.serve:
            print(f"The story is playing: watch it at {sandbox.emulator.url}/", flush=True)
        async with story_time(sandbox, story_clock):
            transcript = Transcript(zone, write, clock.now)
            stage = Stage(sandbox, client, story_clock, zone, start, transcript)
            await play(steps, stage)
        print()
        for path in save(stage.cast.files, options.out):
            print(f"wrote {path}")
        if options.serve:
            url = sandbox.emulator.url
            print(f"\nThe story is loaded: open {url}/ to see each person's chats and carry on.")
            print(f"sandbox ready at {url} (stop with Ctrl+C)", flush=True)
            await until()
