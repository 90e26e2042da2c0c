"""Every user-visible string, by key, from ``en.toml`` (other languages fall back to English)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


@cache
def _catalog(language: str) -> dict[str, str]:
    path = FOLDER / f"{language}.toml"
    if not path.exists():
        return {}
    flat: dict[str, str] = {}

    def walk(prefix: str, table: dict[str, Any]) -> None:
        for key, value in table.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                walk(name, value)
            else:
                flat[name] = str(value)

    walk("", tomllib.loads(path.read_text(encoding="utf-8")))
    return flat


def t(key: str, language: str | None = None, **params: Any) -> str:
    """The text for ``key`` in ``language`` (or English), with ``params`` filled in."""
    language = (language or DEFAULT_LANGUAGE).split("-")[0]
    template = _catalog(language).get(key) or _catalog(DEFAULT_LANGUAGE).get(key)
    if template is None:
        raise KeyError(f"no text for {key!r}")
    return template.format(**params) if params else template


def has(key: str) -> bool:
    return key in _catalog(DEFAULT_LANGUAGE)
