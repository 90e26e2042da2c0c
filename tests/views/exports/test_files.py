"""An export's file name, and the README of the CSV zip."""

from __future__ import annotations

from bot.services.exports.csv import COLUMNS
from bot.services.exports.export import Format
from bot.services.exports.fhir import pseudonym
from bot.views.exports.files import filename, readme
from tests.views.exports.sample import export, records


def test_a_file_is_named_for_the_child_and_the_period() -> None:
    assert filename(export(Format.PDF)) == "carecircle-Lily-2026-11-02-2026-11-29.pdf"
    assert filename(export(Format.CSV)) == "carecircle-Lily-2026-11-02-2026-11-29-csv.zip"


def test_a_fhir_file_without_names_carries_the_pseudonym() -> None:
    made = export(Format.FHIR)
    assert (
        filename(made)
        == f"carecircle-{pseudonym(made.records.child)}-2026-11-02-2026-11-29-fhir.json"
    )
    assert "Lily" not in filename(made)


def test_a_name_with_spaces_and_slashes_makes_a_safe_file_name() -> None:
    made = export(Format.PDF, name="Анна / Maria Ö'Neil")
    assert filename(made) == "carecircle-Анна-Maria-Ö-Neil-2026-11-02-2026-11-29.pdf"


def test_the_readme_explains_every_column() -> None:
    text = readme(records())
    assert text.startswith(
        "CareCircle export: Lily, 2026-11-02 to 2026-11-29, made 2026-11-30 09:00."
    )
    for name, columns in COLUMNS.items():
        assert f"\n{name}\n" in text
        for column in columns:
            line = next(line for line in text.splitlines() if line.startswith(f"{column}: "))
            assert len(line) > len(column) + 10
