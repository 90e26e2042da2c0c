"""The file of an export: its name, and its bytes (the PDF renderer, the CSV and FHIR builders)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.recurrence import utc_to_local
from bot.services.exports import csv
from bot.services.exports.export import Export, Format
from bot.services.exports.records import Records
from bot.texts import t

# The PDF and FHIR libraries (fpdf2, matplotlib, fhir.resources: some 50 MB) are loaded with
# the first export that needs them, not by every bot process.

Tick = Callable[[int], None]
_UNSAFE = re.compile(r"[^\w-]+")
SUFFIX = {Format.PDF: ".pdf", Format.CSV: "-csv.zip", Format.FHIR: "-fhir.json"}


def filename(export: Export) -> str:
    """carecircle-Lily-2026-11-02-2026-11-29.pdf; a FHIR file without names has the pseudonym."""
    records = export.records
    if export.format == Format.FHIR and not export.include_name:
        from bot.services.exports import fhir

        who = fhir.pseudonym(records.child)
    else:
        who = _UNSAFE.sub("-", records.child.name).strip("-_")[:32] or "child"
    period = records.period
    return f"carecircle-{who}-{period.first}-{period.last}{SUFFIX[export.format]}"


def readme(records: Records, language: str | None = None) -> str:
    """README.txt of the CSV zip: what the files hold, then every column of each."""
    child, period = records.child, records.period
    made = f"{utc_to_local(records.made_at, child.timezone):%Y-%m-%d %H:%M}"
    parts = [
        t(
            "exports.csv.readme", language, child=child.name, first=period.first,
            last=period.last, made=made, timezone=child.timezone,
        )
    ]  # fmt: skip
    for name, columns in csv.COLUMNS.items():
        table = name.removesuffix(".csv")
        lines = [name, "-" * len(name)]
        lines += [f"{c}: {t(f'exports.csv.columns.{table}.{c}', language)}" for c in columns]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def render(export: Export, language: str | None = None, tick: Tick | None = None) -> bytes:
    """The file's bytes (CPU work: run it off the event loop)."""
    if export.format == Format.PDF:
        from bot.views.exports import pdf

        return pdf.render(export, language, tick)
    if export.format == Format.CSV:
        return csv.build(export.records, readme(export.records, language), tick)
    from bot.services.exports import fhir

    return fhir.build(export.records, export.include_name, tick)
