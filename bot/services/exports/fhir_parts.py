"""Pieces of FHIR resources: an episode's components, a dose period's dosage."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from bot.services.exports import fhir_codes as codes
from bot.services.exports.dosing import DosePeriod


def _seconds(seconds: int) -> dict[str, Any]:
    return {"value": seconds, "unit": "s", "system": codes.UCUM, "code": "s"}


def _text(words: str) -> dict[str, Any] | None:
    found = codes.clean(words)
    return {"text": found} if found else None


# How each component's value is made from what the record holds, and which value[x] it is.
_VALUES: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "jerk-count": ("valueInteger", lambda n: n),
    "duration": ("valueQuantity", _seconds),
    "kind": ("valueCodeableConcept", lambda kind: codes.own("episode-kind", kind)),
    "body-part": ("valueCodeableConcept", codes.body_part),
    "intensity": ("valueCodeableConcept", codes.intensity),
    "awareness": ("valueString", codes.clean),
    "setting": ("valueCodeableConcept", lambda setting: codes.own("setting", setting)),
    "trigger": ("valueCodeableConcept", lambda trigger: codes.own("trigger", trigger)),
    "rescue-medication": ("valueCodeableConcept", _text),
    "injury": ("valueBoolean", lambda injured: injured),
    "witness": ("valueString", codes.clean),
}


@lru_cache(maxsize=4096)
def part(name: str, value: Any) -> dict[str, Any] | None:
    """One component, made once for each value and shared (never changed); None if blank."""
    kind, make = _VALUES[name]
    made = make(value)
    return None if made is None else {"code": codes.component_code(name), kind: made}


def components(row: Any) -> list[dict[str, Any]]:
    """What was seen, where, why and what was given: one component each (one per body part
    and per trigger); people's words that are blank are left out."""
    found = [
        ("jerk-count", row.jerk_count),
        ("duration", row.duration_seconds),
        ("kind", str(row.kind) if row.kind is not None else None),
        *(("body-part", body) for body in row.body_parts),
        ("intensity", row.intensity),
        ("awareness", row.awareness),
        ("setting", row.setting),
        *(("trigger", trigger) for trigger in row.triggers),
        ("rescue-medication", row.rescue_medication),
        ("injury", True if row.injury else None),
        ("witness", row.observer),
    ]
    made = (part(name, value) for name, value in found if value is not None and value != "")
    return [component for component in made if component is not None]


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
