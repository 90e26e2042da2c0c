"""Every corpus line is saved (or refused) and read as the people who wrote it meant."""

from __future__ import annotations

import pytest

from tests.corpus.corpus import Line, lines, mismatches, read

LINES = list(lines())


def test_the_corpus_is_large_enough() -> None:
    """At least 200 lines, of which 130 or more are episode reports."""
    assert len(LINES) >= 200
    assert sum(line.parser == "episode" for line in LINES) >= 130


@pytest.mark.parametrize("line", LINES, ids=[line.id for line in LINES])
def test_a_corpus_line_reads_as_meant(line: Line) -> None:
    reading = read(line)
    if line.refused is not None:
        assert reading.refusal == line.refused, reading.fields
        return
    assert reading.refusal is None, f"refused: {reading.refusal}"
    assert mismatches(line, reading) == {}
