"""Every corpus line is saved (or refused) and read as the people who wrote it meant."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.corpus.corpus import Line, lines, mismatches, read

LINES = list(lines())
NOW = datetime.fromisoformat("2026-11-25T15:00:00+00:00")


def test_there_are_at_least_130_episode_lines() -> None:
    assert sum(line.parser == "episode" for line in LINES) >= 130


def test_the_corpus_holds_at_least_200_lines() -> None:
    parsers = {line.parser for line in LINES}
    if not {"medication", "followup"} <= parsers:
        pytest.skip("the medicine and follow-up lines are not in this corpus yet")
    assert len(LINES) >= 200


def _param(line: Line) -> object:
    """A line as a test case; a known miss is expected to fail, and to be noticed when fixed."""
    marks = [pytest.mark.xfail(reason=line.known, strict=True)] if line.known else []
    return pytest.param(line, id=line.id, marks=marks)


@pytest.mark.parametrize("line", [_param(line) for line in LINES])
def test_a_corpus_line_reads_as_meant(line: Line) -> None:
    reading = read(line)
    if line.refused is not None:
        assert reading.refusal == line.refused, reading.fields
        return
    assert reading.refusal is None, f"refused: {reading.refusal}"
    assert mismatches(line, reading) == {}


def _line(parser: str, text: str, **expect: object) -> Line:
    return Line("example", 1, parser, text, "parent", NOW, "Europe/London", dict(expect), None)


def test_the_runner_reads_every_parser_as_plain_data() -> None:
    medicine = read(_line("medication", "start keppra 250mg twice daily"))
    assert medicine.fields is not None and medicine.fields["type"] == "MedStart"
    assert mismatches(_line("medication", "", **{"drug.generic": "levetiracetam", "amount": 250}),
                      medicine) == {}  # fmt: skip
    followup = read(_line("followup", "tomorrow 9:00 EEG"))
    assert followup.fields is not None and followup.fields["due_at"] == "2026-11-26 09:00"
    refused = read(_line("episode", "tomorrow 10:00 mild"))
    assert (refused.fields, refused.refusal) == (None, "future_time")
    wrong = mismatches(_line("episode", "", jerk_count=3), read(_line("episode", "5 jerks")))
    assert wrong == {"jerk_count": (3, 5)}
