"""``carecircle run`` when Telegram is out of reach or refuses the token: one clear line."""

from __future__ import annotations

import re
from pathlib import Path

from bot import schema as migrate
from bot.sandbox import Emulator
from tests.e2e.conftest import fresh_token
from tests.support.private_postgres import free_port
from tests.support.processes import BotProcess

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ [\w.]+: ")


async def _database(tmp_path: Path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await migrate.upgrade(url)
    return url


async def test_a_token_telegram_refuses_stops_the_bot_at_once_with_one_line(
    emulator: Emulator, tmp_path: Path
) -> None:
    wrong = fresh_token()
    bot = BotProcess(emulator.bot_api_url, await _database(tmp_path), wrong)
    try:
        await bot.start()
        code = await bot.wait()
    finally:
        await bot.stop()

    assert code == 2
    assert bot.output[-1] == (
        "carecircle: Telegram refused the bot token; check CARECIRCLE_BOT_TOKEN "
        "(and --base-url, if you set one)."
    )
    assert all(LOG_LINE.match(line) for line in bot.output[:-1]), bot.output
    assert not any(wrong in line or wrong.split(":")[1] in line for line in bot.output)


async def test_the_bot_waits_for_telegram_and_starts_once_it_answers(tmp_path: Path) -> None:
    port = free_port()
    emulator = Emulator(token=fresh_token())
    token = emulator.core.token
    bot = BotProcess(f"http://127.0.0.1:{port}/bot", await _database(tmp_path), token)
    try:
        await bot.start()
        await bot.wait_for("trying again in 2 s")
        await emulator.start(port=port)

        await bot.wait_for("CareCircle is running")
    finally:
        await bot.stop()
        await emulator.stop()

    retries = [line for line in bot.output if "cannot reach Telegram" in line]
    assert len(retries) >= 2
    assert "WARNING" in retries[0] and retries[0].endswith("trying again in 1 s (attempt 1)")
    assert all(LOG_LINE.match(line) for line in bot.output), bot.output
    assert not any(token.split(":")[1] in line for line in bot.output)


async def test_stopping_the_bot_while_it_waits_for_telegram_ends_it_cleanly(
    tmp_path: Path,
) -> None:
    bot = BotProcess(
        f"http://127.0.0.1:{free_port()}/bot", await _database(tmp_path), fresh_token()
    )
    try:
        await bot.start()
        await bot.wait_for("cannot reach Telegram")
    finally:
        await bot.stop()

    assert bot.process is not None and bot.process.returncode == 0
    assert all(LOG_LINE.match(line) for line in bot.output), bot.output
