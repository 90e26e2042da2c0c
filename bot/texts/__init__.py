"""Every user-visible string, by key. ``en/<feature>.toml`` holds the keys ``<feature>.*``.

Other languages fall back to English key by key. The texts are HTML: user-provided
text enters one only through ``escape``.
"""

from __future__ import annotations

import html
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


def _flatten(prefix: str, table: dict[str, Any], into: dict[str, str]) -> None:
    for key, value in table.items():
        name = f"{prefix}.{key}"
        if isinstance(value, dict):
            _flatten(name, value, into)
        else:
            into[name] = str(value)


@cache
def _catalog(language: str) -> dict[str, str]:
    flat: dict[str, str] = {}
    for path in sorted((FOLDER / language).glob("*.toml")):
        _flatten(path.stem, tomllib.loads(path.read_text(encoding="utf-8")), flat)
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


def escape(text: str | None) -> str:
    """The only way user-provided text enters a message."""
    return html.escape(text or "", quote=False)
