"""Importing the handlers changes nothing; building the Application registers everything once."""

from __future__ import annotations

import json
import subprocess
import sys

from telegram.ext import ApplicationBuilder

from bot import scheduling
from bot.handlers import register_all
from bot.services.digests import subscriptions as digests
from bot.services.doses import reminders as doses
from bot.services.followups.schedule import ASK, NOTICE
from bot.services.medications import titration
from bot.services.teams import permissions

TOKEN = "123456:" + "A" * 35
TIMED_KINDS = {doses.REMIND, doses.AGAIN, doses.SNOOZED, doses.MISSED, doses.PLAN, doses.SYNC}
TIMED_KINDS |= {NOTICE, ASK, titration.KIND, digests.KIND}
FEATURE_COMMANDS = ["meds", "med", "doses", "adherence", "followup", "reminders"]
FEATURE_COMMANDS += ["digest", "timezone", "language"]
FEATURE_COMMANDS += ["export"]


def _in_a_fresh_interpreter(code: str) -> dict[str, list[str]]:
    """Run ``code`` in a new Python and return what it reports of the two registries."""
    report = (
        "import json; from bot import scheduling; from bot.services.teams import permissions; "
        "print(json.dumps({'commands': [c.name for c in permissions.COMMANDS], "
        "'kinds': sorted(scheduling.kinds())}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\n{report}"], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_importing_the_handlers_registers_no_command_and_no_timed_handler() -> None:
    state = _in_a_fresh_interpreter("import bot.app, bot.handlers")

    assert state["kinds"] == []
    assert not set(state["commands"]) & set(FEATURE_COMMANDS)


def test_building_the_application_registers_the_commands_and_timed_handlers() -> None:
    state = _in_a_fresh_interpreter(
        "from telegram.ext import ApplicationBuilder\n"
        "from bot.handlers import register_all\n"
        f"register_all(ApplicationBuilder().token({TOKEN!r}).build())"
    )

    assert set(state["kinds"]) == TIMED_KINDS
    # /help lists them in this order, after the team's own commands.
    assert state["commands"][-len(FEATURE_COMMANDS) :] == FEATURE_COMMANDS


def test_building_a_second_application_registers_nothing_twice() -> None:
    for _ in range(2):
        register_all(ApplicationBuilder().token(TOKEN).build())

    names = [command.name for command in permissions.COMMANDS]
    assert len(names) == len(set(names))
    assert scheduling.kinds() >= TIMED_KINDS
