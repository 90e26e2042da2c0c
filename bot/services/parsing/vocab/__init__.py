"""The words parsers understand, as data: ``vocab/<language>/<section>.toml``, read once.

``common.toml`` holds what every parser shares (numbers, units, clock and day words, parts of
the day); each feature adds its own section (``episodes.toml``, …). Month and weekday names come
from dateparser's locale data, so that a language added here needs no list of them.

A language other than English is read *with* English: its files add words to the English ones
(lists are joined, tables merged, a single value replaced), since people mix languages and drug
names and units are shared. The values the words stand for are the same in every language, so a
record reads the same whatever the language it was written in. Words are folded (``fold``: no
accents, "ё" as "е") in the data as in what is typed.

The language being read is a context (``speaking``): a parser's entry point takes a
``language`` and reads in it; every cached table below is kept per language (``per_language``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

FOLDER = Path(__file__).parent
DEFAULT_LANGUAGE = "en"
LANGUAGES = tuple(sorted(p.name for p in FOLDER.iterdir() if (p / "common.toml").is_file()))
_SPEAKING: ContextVar[str] = ContextVar("parsing_language", default=DEFAULT_LANGUAGE)
_FOLDS = str.maketrans("áàâäãéèêëíìîïóòôöõúùûüñçёÁÉÍÓÚÜÑЁ", "aaaaaeeeeiiiiooooouuuuncеAEIOUUNЕ")

P = ParamSpec("P")
R = TypeVar("R")


def fold(word: str) -> str:
    """A word without the accents people often leave out ("mañana" = "manana", "ещё" = "еще")."""
    return word.translate(_FOLDS)


def supported(language: str | None) -> str:
    """The vocabulary for a language code: its base ("es" for "es-MX"), else English."""
    base = (language or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def current() -> str:
    """The language being read."""
    return _SPEAKING.get()


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Read in ``language`` (with English) inside the block."""
    token = _SPEAKING.set(supported(language))
    try:
        yield _SPEAKING.get()
    finally:
        _SPEAKING.reset(token)


def per_language(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` cached per (positional) arguments and per language being read."""

    @cache
    def cached(language: str, *args: Any) -> R:
        return function(*args)  # type: ignore[call-arg]

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            raise TypeError("a per-language table takes positional arguments only")
        return cached(current(), *args)

    return wrapper


def _folded(data: Any) -> Any:
    if isinstance(data, dict):
        return {fold(key): _folded(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_folded(value) for value in data]
    return fold(data) if isinstance(data, str) else data


def _merged(base: Any, extra: Any) -> Any:
    """``extra`` added to ``base``: tables merged, lists joined, a single value replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merged(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return [*base, *(value for value in extra if value not in base)]
    return extra


@cache
def _read(section: str, language: str) -> dict[str, Any]:
    path = FOLDER / language / f"{section}.toml"
    if language != DEFAULT_LANGUAGE and not path.is_file():
        return {}
    return _folded(tomllib.loads(path.read_text(encoding="utf-8")))  # type: ignore[no-any-return]


def load(section: str, language: str | None = None) -> dict[str, Any]:
    """The table in ``<language>/<section>.toml`` added to the English one (default: the
    language being read); a missing English section is a programming error."""
    return _load(section, supported(language or current()))


@cache
def _load(section: str, language: str) -> dict[str, Any]:
    english = _read(section, DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return english
    return _merged(english, _read(section, language))  # type: ignore[no-any-return]


def common(language: str | None = None) -> dict[str, Any]:
    """The shared words: numbers, units, clock, days, parts of the day."""
    return load("common", language)


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@cache
def _names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info

    def names(keys: list[str]) -> dict[str, int]:
        return {
            fold(name.lower().rstrip(".")): number
            for number, key in enumerate(keys)
            for name in info.get(key, ())
            if len(name.rstrip(".")) >= 3
        }

    return {name: n + 1 for name, n in names(_MONTHS).items()}, names(_WEEKDAYS)


def calendar_names(language: str | None = None) -> tuple[dict[str, int], dict[str, int]]:
    """Month names (-> 1..12) and weekday names (-> 0 = Monday) from dateparser's locale data,
    the language's added to English's (default: the language being read).

    Names shorter than three letters ("mo") are left out: in a free line they are other words.
    """
    return _calendar(supported(language or current()))


@cache
def _calendar(language: str) -> tuple[dict[str, int], dict[str, int]]:
    months, weekdays = _names(DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return months, weekdays
    extra_months, extra_weekdays = _names(language)
    return {**extra_months, **months}, {**extra_weekdays, **weekdays}
