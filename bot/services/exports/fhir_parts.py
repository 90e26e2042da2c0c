"""Pieces of FHIR resources: an episode's components, a dose period's dosage."""

from __future__ import annotations

from typing import Any

from bot.services.exports import fhir_codes as codes
from bot.services.exports.dosing import DosePeriod


def components(row: Any) -> list[dict[str, Any]]:
    """What was seen, where, why and what was given, one component each (a list: one each)."""
    found: list[tuple[str, str, Any]] = []
    if row.jerk_count is not None:
        found.append(("jerk-count", "valueInteger", row.jerk_count))
    if row.duration_seconds is not None:
        seconds = {"value": row.duration_seconds, "unit": "s", "system": codes.UCUM, "code": "s"}
        found.append(("duration", "valueQuantity", seconds))
    if row.kind is not None:
        found.append(("kind", "valueCodeableConcept", codes.own("episode-kind", str(row.kind))))
    found += [("body-part", "valueCodeableConcept", codes.body_part(p)) for p in row.body_parts]
    if row.intensity is not None:
        found.append(("intensity", "valueCodeableConcept", codes.intensity(row.intensity)))
    if row.awareness:
        found.append(("awareness", "valueString", row.awareness))
    if row.setting:
        found.append(("setting", "valueCodeableConcept", codes.own("setting", row.setting)))
    found += [("trigger", "valueCodeableConcept", codes.own("trigger", t)) for t in row.triggers]
    if row.rescue_medication:
        found.append(("rescue-medication", "valueCodeableConcept", {"text": row.rescue_medication}))
    if row.injury:
        found.append(("injury", "valueBoolean", True))
    if row.observer:
        found.append(("witness", "valueString", row.observer))
    return [{"code": codes.component_code(name), kind: value} for name, kind, value in found]


def dosage(period: DosePeriod) -> dict[str, Any]:
    """How much, in which unit, at which local times of day (or as needed)."""
    dosing = period.dosing
    amount = format(dosing.amount.normalize(), "f")
    dosage: dict[str, Any] = {
        "doseAndRate": [{"doseQuantity": codes.quantity(dosing.amount, dosing.unit)}]
    }
    if dosing.times:
        dosage["text"] = f"{amount} {dosing.unit} at {', '.join(dosing.times)}"
        dosage["timing"] = {"repeat": {"timeOfDay": [f"{t}:00" for t in dosing.times]}}
    else:
        dosage["text"] = f"{amount} {dosing.unit} as needed"
        dosage["asNeededBoolean"] = True
    return dosage
