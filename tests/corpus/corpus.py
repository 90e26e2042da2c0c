"""The real-world corpus: lines as people type them, each with the fields it must be read as.

Every ``tests/corpus/*.toml`` file is one set of lines for one parser, in English; the files of
``tests/corpus/<language>/`` (``es``, ``ru``) are lines written in that language, read with the
writer's language as the parser's ``language`` (a file or a line may say ``language = "…"``)::

    parser = "episode"                    # "episode" | "medication" | "followup"
    now = "2026-11-25T15:00:00+00:00"     # when the lines are read (a line may override)
    zone = "Europe/London"                # the child's zone (a line may override)

    [[line]]
    text = "/e yesterday evening 2 myoclonic jerks, very tired"   # a leading /command is dropped
    who = "parent"                        # parent | teacher | grandparent | doctor | nurse | …
    [line.expect]                         # only the fields named are checked
    occurred_at = "2026-11-24 20:00"      # datetimes as local "YYYY-MM-DD HH:MM" in ``zone``
    jerk_count = 2
    triggers = ["fatigue"]
    question = "time_of_day"              # episodes: the kind of the question asked, if any
    unset = ["notes", "jerk_count"]       # fields that must be empty (None, "", [] or false)

    [[line]]
    text = "/e tomorrow 10:00 mild"
    refused = "future_time"               # refused with this reason (the key's last part)

    [[line]]
    text = "…"
    known = "a count after its noun"      # a known miss: the test expects it to fail (strict)

Expected values are compared with the result's fields as plain data: enums as their values,
Decimals as numbers, tuples as lists, nested records as tables (``"drug.generic" = "…"``), and
``type`` is the result's class name (``MedStart``).
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.episodes.parsing import EpisodeParseError, parse_episode
from bot.services.errors import DomainError
from bot.services.followups.parsing import FollowupParseError, parse_followup
from bot.services.medications.parsing import MedicationParseError, parse_med_command

FOLDER = Path(__file__).parent
Parser = Callable[..., Any]
PARSERS: dict[str, tuple[Parser, type[DomainError]]] = {
    "episode": (parse_episode, EpisodeParseError),
    "medication": (parse_med_command, MedicationParseError),
    "followup": (parse_followup, FollowupParseError),
}


@dataclass(frozen=True)
class Line:
    """One corpus line: what was typed, by whom, when, and what it must be read as."""

    file: str
    number: int
    parser: str
    text: str
    who: str
    now: datetime
    zone: str
    expect: dict[str, Any]
    refused: str | None
    known: str | None = None
    unset: tuple[str, ...] = ()
    language: str = "en"

    @property
    def id(self) -> str:
        """A short test id: the file and the line's place in it."""
        return f"{self.file}:{self.number}:{self.text[:40]}"


@dataclass(frozen=True)
class Reading:
    """What the parser made of a line: its fields as plain data, or the refusal's reason."""

    fields: dict[str, Any] | None
    refusal: str | None


def lines(folder: Path = FOLDER) -> Iterator[Line]:
    """Every line of every corpus file, in order: English first, then each language's folder."""
    paths = sorted(folder.glob("*.toml")) + sorted(folder.glob("*/*.toml"))
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        language = data.get("language", "en" if path.parent == folder else path.parent.name)
        name = path.stem if path.parent == folder else f"{path.parent.name}/{path.stem}"
        for number, entry in enumerate(data["line"], start=1):
            yield Line(
                file=name,
                number=number,
                parser=entry.get("parser", data["parser"]),
                text=_argument(entry["text"]),
                who=entry.get("who", "parent"),
                now=datetime.fromisoformat(entry.get("now", data["now"])),
                zone=entry.get("zone", data["zone"]),
                expect=entry.get("expect", {}),
                refused=entry.get("refused"),
                known=entry.get("known"),
                unset=tuple(entry.get("unset", ())),
                language=entry.get("language", language),
            )


def _argument(text: str) -> str:
    """The text after a leading /command, as a handler passes it to the parser."""
    if text.startswith("/"):
        return text.split(maxsplit=1)[1] if len(text.split(maxsplit=1)) > 1 else ""
    return text


def plain(value: Any, zone: ZoneInfo) -> Any:
    """A parsed value as plain data: local times as text, enums as values, records as dicts."""
    if isinstance(value, datetime):
        return f"{value.astimezone(zone):%Y-%m-%d %H:%M}"
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [plain(item, zone) for item in value]
    if isinstance(value, dict):
        return {key: plain(item, zone) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name), zone) for f in fields(value)}
    return value


def read(line: Line) -> Reading:
    """Parse ``line`` with its parser."""
    parse, refusal = PARSERS[line.parser]
    try:
        result = parse(line.text, now=line.now, timezone=line.zone, language=line.language)
    except refusal as refused:
        return Reading(None, refused.key.rsplit(".", 1)[-1])
    found = plain(result, ZoneInfo(line.zone))
    found["type"] = type(result).__name__
    question = getattr(result, "question", None)
    found["question"] = question.kind if question is not None else None
    return Reading(found, None)


def field(found: dict[str, Any], name: str) -> Any:
    """A field by dotted name ("drug.generic"); KeyError when there is none."""
    value: Any = found
    for part in name.split("."):
        value = value[part]
    return value


def same(expected: Any, actual: Any) -> bool:
    """Whether a read value is the expected one (numbers compared as numbers)."""
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return isinstance(actual, int | float | Decimal) and Decimal(str(expected)) == actual
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(map(same, expected, actual))
    return bool(expected == actual)


def mismatches(line: Line, reading: Reading) -> dict[str, tuple[Any, Any]]:
    """Each expected field read differently: name -> (expected, read)."""
    if reading.fields is None:
        expected = {**line.expect, **dict.fromkeys(line.unset)}
        return {name: (value, "<refused>") for name, value in expected.items()}
    wrong = {}
    for name in line.unset:
        actual = reading.fields.get(name, "<no such field>")
        if actual not in (None, "", [], False):
            wrong[name] = (None, actual)
    for name, value in line.expect.items():
        try:
            actual = field(reading.fields, name)
        except (KeyError, TypeError):
            actual = "<no such field>"
        if not same(value, actual):
            wrong[name] = (value, actual)
    return wrong
