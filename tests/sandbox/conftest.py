"""Fixtures for the Bot API emulator: a running emulator, its control client, a PTB bot."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
import telegram

from bot.sandbox import Emulator, SandboxClient

TOKEN = "123456:sandbox-test-token"


@pytest.fixture
async def emulator() -> AsyncIterator[Emulator]:
    emulator = Emulator(TOKEN)
    await emulator.start()
    try:
        yield emulator
    finally:
        await emulator.stop()


class FakeClock:
    """A clock for the emulator's limits that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(emulator: Emulator) -> FakeClock:
    fake = FakeClock()
    emulator.limits.clock = fake
    return fake


@pytest.fixture
async def sandbox(emulator: Emulator) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(emulator.url) as client:
        yield client


@pytest.fixture
async def bot(emulator: Emulator) -> AsyncIterator[telegram.Bot]:
    async with telegram.Bot(
        TOKEN, base_url=emulator.bot_api_url, base_file_url=emulator.file_url
    ) as ptb_bot:
        yield ptb_bot


@pytest.fixture
async def raw_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """Plain HTTP to the Bot API, for looking at the exact JSON the emulator answers."""
    async with httpx.AsyncClient(base_url=f"{emulator.bot_api_url}{TOKEN}/") as client:
        yield client
