"""The PDF's page furniture and text tools: fonts, header and footer, plain text, mono tables.

The fonts are the DejaVu faces matplotlib ships (no font is vendored): Sans for prose,
Sans Mono for tables, whose columns are then whole characters wide, so a row of any length
is one text operation and twenty thousand episodes lay out in well under a second. Both
have Latin, Greek and Cyrillic; a character they lack (an emoji, a CJK name) is dropped
if it is decoration and shown as "?" otherwise.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib
from fontTools.ttLib import TTFont
from fpdf import FPDF

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FACES = {
    ("sans", ""): "DejaVuSans.ttf",
    ("sans", "B"): "DejaVuSans-Bold.ttf",
    ("mono", ""): "DejaVuSansMono.ttf",
    ("mono", "B"): "DejaVuSansMono-Bold.ttf",
}
MARGIN = 12  # mm
MONO_SIZE = 7  # pt
MONO_ADVANCE = 0.6021  # a DejaVu Sans Mono character's width, in ems
LINE = 3.3  # mm, a table line at MONO_SIZE
POINT = 25.4 / 72  # mm
_TAGS = re.compile(r"<[^>]+>")


@cache
def _glyphs() -> frozenset[int]:
    """The characters every face has."""
    found: set[int] | None = None
    for name in FACES.values():
        cmap = set(TTFont(FONTS / name, lazy=True).getBestCmap())
        found = cmap if found is None else found & cmap
    return frozenset(found or ()) | {ord("\n")}


def _decoration(char: str) -> bool:
    code = ord(char)
    return code >= 0x1F000 or 0x2600 <= code < 0x2800 or code in (0xFE0F, 0x200D, 0x2139)


def printable(text: str) -> str:
    """``text`` with only characters the fonts have: emoji dropped, anything else as "?"."""
    if text.isascii() and text.isprintable():  # most cells: no need to look at each character
        return text
    glyphs = _glyphs()
    if all(ord(char) in glyphs for char in text):
        return text
    kept = (c if ord(c) in glyphs else "" if _decoration(c) else "?" for c in text)
    return "".join(kept).strip()


def plain(markup: str) -> str:
    """A line of the bot's Telegram HTML as plain text."""
    return printable(html.unescape(_TAGS.sub("", markup)))


class Document(FPDF):
    """An A4 portrait report whose every page names the child and the period, and is numbered."""

    def __init__(self, title: str, made: str, page: Callable[[int], str]) -> None:
        super().__init__(format="A4", unit="mm")
        self.title_line, self.made_line, self.page_line = printable(title), printable(made), page
        for (family, style), name in FACES.items():
            self.add_font(family, style, str(FONTS / name))
        self.set_margins(MARGIN, MARGIN + 6, MARGIN)
        self.set_auto_page_break(True, margin=MARGIN + 6)
        self.columns = int((self.w - 2 * MARGIN) / (MONO_SIZE * POINT * MONO_ADVANCE))

    def header(self) -> None:
        self.set_font("sans", "B", 9)
        self.set_xy(MARGIN, MARGIN - 2)
        self.cell(0, 5, self.title_line)
        self.set_draw_color(120)
        self.line(MARGIN, MARGIN + 3.5, self.w - MARGIN, MARGIN + 3.5)
        self.set_xy(MARGIN, MARGIN + 6)

    def footer(self) -> None:
        self.set_font("sans", "", 7.5)
        self.set_xy(MARGIN, self.h - MARGIN - 2)
        self.cell(0, 4, self.made_line)
        self.set_xy(MARGIN, self.h - MARGIN - 2)
        self.cell(0, 4, self.page_line(self.page_no()), align="R")

    @property
    def bottom(self) -> float:
        return self.h - MARGIN - 6

    def heading(self, text: str) -> None:
        self.set_font("sans", "B", 12)
        self.cell(0, 7, printable(text), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def prose(self, text: str, *, bold: bool = False, size: float = 9) -> None:
        self.set_font("sans", "B" if bold else "", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")


@dataclass(frozen=True)
class Column:
    title: str
    width: int  # characters


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, its own line breaks kept."""
    if len(text) <= width and "\n" not in text:
        return [text]
    lines = [
        part
        for paragraph in text.splitlines() or [""]
        for part in textwrap.wrap(paragraph, width, break_long_words=True) or [""]
    ]
    return lines or [""]


class Table:
    """Rows of mono text in fixed columns, the header repeated on every page."""

    GAP = "  "

    def __init__(self, pdf: Document, columns: Sequence[Column]) -> None:
        self.pdf, self.columns = pdf, columns
        self.width = sum(c.width for c in columns) + len(self.GAP) * (len(columns) - 1)
        assert self.width <= pdf.columns, f"a table of {self.width} characters does not fit"
        self.y = pdf.get_y()
        self._head()

    def _line(self, text: str) -> None:
        self.pdf.text(MARGIN, self.y + LINE * 0.75, text)
        self.y += LINE

    def _head(self) -> None:
        self.pdf.set_font("mono", "B", MONO_SIZE)
        self._line(self.GAP.join(printable(c.title).ljust(c.width) for c in self.columns))
        right = MARGIN + self.width * MONO_SIZE * POINT * MONO_ADVANCE
        self.pdf.line(MARGIN, self.y + 0.3, right, self.y + 0.3)
        self.y += 0.8
        self.pdf.set_font("mono", "", MONO_SIZE)

    def _room(self, lines: int) -> None:
        if self.y + lines * LINE > self.pdf.bottom:
            self.pdf.add_page()
            self.y = self.pdf.get_y()
            self._head()

    def row(self, cells: Sequence[str], note: str | None = None) -> None:
        """One row, each cell wrapped in its column; ``note`` under it, across the table."""
        pairs = zip(cells, self.columns, strict=True)
        wrapped = [wrap(printable(cell), column.width) for cell, column in pairs]
        height = max(map(len, wrapped))
        notes = wrap(printable(note), self.width - 4) if note else []
        self._room(min(height + len(notes), 60))
        for i in range(height):
            parts = [cell[i] if i < len(cell) else "" for cell in wrapped]
            padded = (p.ljust(c.width) for p, c in zip(parts, self.columns, strict=True))
            self._line(self.GAP.join(padded).rstrip())
        for line in notes:
            self._room(1)
            self._line("    " + line)

    def rows(self, rows: Iterable[tuple[Sequence[str], str | None]]) -> None:
        for cells, note in rows:
            self.row(cells, note)

    def end(self) -> None:
        """Leave the cursor below the table."""
        self.pdf.set_y(self.y + 3)
