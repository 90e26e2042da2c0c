"""Turn Bot API `parse_mode` text into plain text plus entities, failing as Telegram does."""

from __future__ import annotations

from typing import Any

from bot.sandbox.markup_core import ParseError, sorted_json, utf16_len
from bot.sandbox.markup_html import parse_html
from bot.sandbox.markup_markdown import parse_markdown, parse_markdown_v2

__all__ = ["ParseError", "parse_text", "utf16_len"]

_PARSERS = {"html": parse_html, "markdownv2": parse_markdown_v2, "markdown": parse_markdown}


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and Bot API entities for `text` under `parse_mode`; raises ParseError."""
    mode = (parse_mode or "").lower()
    if not text or mode in ("", "none"):
        return text, []
    if mode not in _PARSERS:
        raise ParseError("Bad Request: unsupported parse_mode")
    try:
        plain, entities = _PARSERS[mode](text)
    except ParseError as error:
        raise ParseError(f"Bad Request: can't parse entities: {error.description}") from None
    return plain, sorted_json(entities)
