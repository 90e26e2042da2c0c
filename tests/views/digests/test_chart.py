"""The digest chart: a real PNG a phone can show, the same bytes for the same figures."""

from __future__ import annotations

import struct
from dataclasses import replace
from io import BytesIO

import numpy as np
import pytest
from matplotlib.image import imread

from bot.views.digests.chart import COLORS, MISSED, PRINT, chart
from tests.views.digests.sample import FIGURES, empty, nov

SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def month() -> bytes:
    """The chart of the made-up month, drawn once for this module."""
    return chart(FIGURES)


@pytest.fixture(scope="module")
def quiet() -> bytes:
    """The chart of a period with nothing recorded."""
    return chart(empty())


def _size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG's header chunk."""
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _pixels_of(png: bytes, color: str) -> int:
    """How many pixels are exactly ``color`` (#rrggbb)."""
    image = (imread(BytesIO(png))[:, :, :3] * 255).round().astype(int)
    wanted = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return int(np.all(image == wanted, axis=2).sum())


def test_the_chart_is_a_png_as_wide_as_a_phone_screen(month: bytes) -> None:
    png = month

    assert png.startswith(SIGNATURE)
    width, height = _size(png)
    assert width == 1080 and 700 <= height <= 1400
    assert 10_000 < len(png) < 400_000
    assert imread(BytesIO(png)).shape[:2] == (height, width)


def test_the_same_figures_give_the_same_bytes(month: bytes) -> None:
    assert chart(FIGURES) == month
    assert b"Software" not in month  # no version stamp that would change the bytes


def test_bars_are_drawn_in_the_colour_of_each_place(month: bytes, quiet: bytes) -> None:
    for place in ("home", "school", "other", "unknown"):
        # Beyond the legend's swatch (all a quiet chart has), at least one bar's worth.
        assert _pixels_of(month, COLORS[place]) > _pixels_of(quiet, COLORS[place]) + 1000, place


def test_a_missed_dose_more_changes_the_picture(month: bytes) -> None:
    [line] = FIGURES.doses
    more = chart(replace(FIGURES, doses=[replace(line, missed=(*line.missed, nov(5, 8)))]))

    assert more != month
    assert _pixels_of(more, MISSED) > _pixels_of(month, MISSED)


def test_nine_medicines_still_fit_the_phone(month: bytes) -> None:
    many = [replace(FIGURES.doses[0], medication=f"medicine {n}") for n in range(9)]

    png = chart(replace(FIGURES, doses=many))

    width, height = _size(png)
    assert width == 1080 and _size(month)[1] < height <= 1400


def test_the_chart_for_print_uses_no_place_colour_and_marks_places_with_greys_and_hatches(
    month: bytes,
) -> None:
    printed = chart(FIGURES, for_print=True)

    assert printed.startswith(SIGNATURE) and printed != month
    for place in ("home", "school", "other"):  # "unknown" is a grey already
        assert _pixels_of(printed, COLORS[place]) == 0, place
    assert _pixels_of(printed, PRINT["home"][0]) > 1000  # dark grey bars
    assert _pixels_of(printed, PRINT["other"][0]) > 200  # light grey ones
