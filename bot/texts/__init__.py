"""Every user-visible string, by key, in Fluent catalogues: ``<language>/<feature>.ftl``.

A key ``feature.some.name`` is the Fluent message ``feature-some-name`` of
``<language>/feature.ftl``. Plurals and other per-language choices are Fluent select
expressions on CLDR categories, numbers are formatted by Babel for the language (through
fluent.runtime). A key missing in a language falls back to English at run time; the
catalogue tests make that visible. The texts are HTML: user-provided text enters one only
through ``escape``.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import ast, parse
from fluent.syntax.visitor import Visitor

FOLDER = Path(__file__).parent
DEFAULT_LANGUAGE = "en"


def message_id(key: str) -> str:
    """The Fluent message id of a text key."""
    return key.replace(".", "-")


@cache
def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, English first."""
    found = sorted(path.name for path in FOLDER.iterdir() if any(path.glob("*.ftl")))
    return (DEFAULT_LANGUAGE, *(name for name in found if name != DEFAULT_LANGUAGE))


def base_language(language: str | None) -> str:
    """``es`` for ``es-MX``; English for anything without a catalogue."""
    base = (language or DEFAULT_LANGUAGE).split("-")[0].split("_")[0].lower()
    return base if base in languages() else DEFAULT_LANGUAGE


@cache
def _messages(language: str) -> dict[str, tuple[str, ast.Message]]:
    """Each Fluent message of ``language`` by id, with the feature file it is in."""
    found: dict[str, tuple[str, ast.Message]] = {}
    for path in sorted((FOLDER / language).glob("*.ftl")):
        for entry in parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message):
                found[entry.id.name] = (path.stem, entry)
    return found


@cache
def _bundle(language: str) -> FluentBundle:
    bundle = FluentBundle([language], use_isolating=False)
    for path in sorted((FOLDER / language).glob("*.ftl")):
        bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    return bundle


def keys(language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Every text key of ``language``'s catalogue."""
    return [
        f"{stem}.{name[len(stem) + 1 :].replace('-', '.')}"
        for name, (stem, _) in _messages(language).items()
    ]


def _argument(value: Any) -> Any:
    # Ints are counts, ids and years: Babel picks their plural form, without grouping.
    if isinstance(value, bool) or not isinstance(value, int):
        return value if isinstance(value, int | float) else str(value)
    return fluent_number(value, useGrouping=False)


# fluent.runtime refuses a placeable over 1,000 characters; long words (a note, a list) are
# put in after formatting, in place of a private-use marker.
_LONG = 500


def _format(language: str, key: str, params: dict[str, Any]) -> str | None:
    bundle = _bundle(language)
    name = message_id(key)
    if not bundle.has_message(name):
        return None
    arguments, long_words = {}, {}
    for param, value in params.items():
        if isinstance(value, str) and len(value) > _LONG:
            marker = f"\ue000{len(long_words)}\ue001"
            long_words[marker], value = value, marker
        arguments[param] = _argument(value)
    text, errors = bundle.format_pattern(bundle.get_message(name).value, arguments)
    if errors:
        if language != DEFAULT_LANGUAGE:
            return None
        raise KeyError(f"text {key!r}: {errors[0]}")
    for marker, value in long_words.items():
        text = text.replace(marker, value)
    return text


def t(key: str, language: str | None = None, **params: Any) -> str:
    """The text for ``key`` in ``language`` (or English), with ``params`` filled in."""
    text = _format(base_language(language), key, params)
    if text is None:
        text = _format(DEFAULT_LANGUAGE, key, params)
    if text is None:
        raise KeyError(f"no text for {key!r}")
    return text


def has(key: str) -> bool:
    return message_id(key) in _messages(DEFAULT_LANGUAGE)


def variables(key: str, language: str = DEFAULT_LANGUAGE) -> set[str]:
    """The ``$names`` the text for ``key`` uses in ``language``."""
    found: set[str] = set()

    class Collect(Visitor):
        def visit_VariableReference(self, node: ast.VariableReference) -> None:
            found.add(node.id.name)

    entry = _messages(language).get(message_id(key))
    if entry is not None:
        Collect().visit(entry[1])
    return found


def escape(text: str | None) -> str:
    """The only way user-provided text enters a message."""
    return html.escape(text or "", quote=False)
