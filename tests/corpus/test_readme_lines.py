"""Every /med, /followup and /remind one-liner the README shows is read, none refused."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.services.followups.parsing import parse_followup
from bot.services.medications.parsing import parse_med_command

README = Path(__file__).parents[2] / "README.md"
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
ZONE = "Europe/London"
_LINE = re.compile(r"`/(med|followup|remind) ([^`<]+)`")
RECORDING = ("start ", "change ", "stop ")  # /med pause, who, weight, bedtime are not changes

LINES = [
    (command, rest)
    for command, rest in _LINE.findall(" ".join(README.read_text(encoding="utf-8").split()))
    if command != "med" or rest.lower().startswith(RECORDING)
]


def test_the_readme_shows_one_liners() -> None:
    assert sum(command == "med" for command, _ in LINES) >= 5
    assert sum(command != "med" for command, _ in LINES) >= 5


@pytest.mark.parametrize(("command", "rest"), LINES, ids=[f"/{c} {r}" for c, r in LINES])
def test_a_readme_one_liner_is_read(command: str, rest: str) -> None:
    if command == "med":
        parse_med_command(rest, now=NOW, timezone=ZONE)
    else:
        assert parse_followup(rest, now=NOW, timezone=ZONE).title
