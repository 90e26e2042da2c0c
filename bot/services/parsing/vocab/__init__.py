"""The words parsers understand, as data: ``vocab/<language>/<section>.toml``, read once.

``common.toml`` holds what every parser shares (numbers, units, clock and day words, parts of
the day); each feature adds its own section (``episodes.toml``, …). Month and weekday names come
from dateparser's locale data, so that a language added here needs no list of them.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


@cache
def load(section: str, language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The table in ``<language>/<section>.toml``; a missing section is a programming error."""
    path = FOLDER / language / f"{section}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def common(language: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
    """The shared words: numbers, units, clock, days, parts of the day."""
    return load("common", language)


@cache
def calendar_names(language: str = DEFAULT_LANGUAGE) -> tuple[dict[str, int], dict[str, int]]:
    """Month names (-> 1..12) and weekday names (-> 0 = Monday) from dateparser's locale data.

    Names shorter than three letters ("mo") are left out: in a free line they are other words.
    """
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    months = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]  # fmt: skip
    weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    def names(keys: list[str]) -> dict[str, int]:
        return {
            name.lower().rstrip("."): number
            for number, key in enumerate(keys)
            for name in info.get(key, ())
            if len(name.rstrip(".")) >= 3
        }

    month_names = {name: number + 1 for name, number in names(months).items()}
    return month_names, names(weekdays)
