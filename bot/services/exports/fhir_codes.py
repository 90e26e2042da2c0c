"""The codes of the FHIR export: SNOMED CT, UCUM and HL7 where a standard code fits, else ours.

CareCircle's own code systems live under ``BASE``; the URLs are stable (docs/fhir.md lists
every system and code, and why it was chosen). A display is the code's meaning in English.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from bot.services.episodes.vocabulary import BODY_PARTS, KINDS, SETTINGS, TRIGGERS
from models import EpisodeKind, Intensity, Role

BASE = "https://carecircle.org/fhir"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"


def system(name: str) -> str:
    """The URL of one of CareCircle's code systems."""
    return f"{BASE}/CodeSystem/{name}"


def identifier_system(name: str) -> str:
    """The URL under which CareCircle's identifiers of one kind are unique."""
    return f"{BASE}/NamingSystem/{name}"


PSEUDONYM = identifier_system("patient-pseudonym")

SEIZURE = (SNOMED, "91175000", "Seizure")
MYOCLONUS = (SNOMED, "17450006", "Myoclonus")
# Jerks, single or in a series, are myoclonus; every other kind of episode is a seizure.
MYOCLONIC = frozenset({EpisodeKind.SINGLE_JERK, EpisodeKind.CLUSTER})

# The parts of an episode record, as Observation.component codes.
COMPONENTS = {
    "jerk-count": "Jerks counted",
    "duration": "Duration",
    "kind": "Kind of episode",
    "body-part": "Body part involved",
    "intensity": "Intensity",
    "awareness": "Awareness",
    "setting": "Setting",
    "trigger": "Trigger",
    "rescue-medication": "Rescue medicine given",
    "injury": "Injury",
    "witness": "Seen by",
}

BODY_SNOMED = {
    "arms": ("53120007", "Upper limb structure"),
    "left_arm": ("80768000", "Structure of left upper limb"),
    "right_arm": ("6921000", "Structure of right upper limb"),
    "legs": ("61685007", "Lower limb structure"),
    "left_leg": ("32153003", "Structure of left lower limb"),
    "right_leg": ("62175007", "Structure of right lower limb"),
    "face": ("89545001", "Face structure"),
    "head_neck": ("774007", "Structure of head and/or neck"),
    "trunk": ("22943007", "Trunk structure"),
    "whole_body": ("38266002", "Entire body as a whole"),
}
# The R4 condition-severity codes.
SEVERITY_SNOMED = {
    Intensity.MILD: ("255604002", "Mild"),
    Intensity.MODERATE: ("6736007", "Moderate"),
    Intensity.SEVERE: ("24484000", "Severe"),
}

# Our code systems whose codes are the record's own words.
OWN_CODES: dict[str, tuple[str, ...]] = {
    "episode-kind": tuple(str(kind) for kind in KINDS.phrases),
    "body-part": tuple(BODY_PARTS.phrases),
    "setting": tuple(SETTINGS.phrases),
    "trigger": tuple(TRIGGERS.phrases),
    "intensity": tuple(str(value) for value in Intensity),
    "team-role": tuple(str(role) for role in Role),
    "dose-not-given": ("skipped", "missed"),
    "followup-kind": ("followup", "test", "dose", "custom"),
}

# A guardian is HL7's guardian; no HL7 role code fits a caregiver or an educator as well.
RELATIONSHIP = {Role.GUARDIAN: (ROLE_CODE, "GUARD", "guardian")}

UCUM_UNITS = {"mg": "mg", "g": "g", "mcg": "ug", "µg": "ug", "ug": "ug", "ml": "mL", "l": "L"}


_NOT_IN_A_STRING = re.compile(r"[^\S \r\n\t]")


def clean(text: str | None) -> str | None:
    """People's words as a FHIR string holds them: odd whitespace as spaces; None if blank."""
    if text is None:
        return None
    found = _NOT_IN_A_STRING.sub(" ", text)
    return found if found.strip() else None


def coding(system_url: str, code: str, display: str | None = None) -> dict[str, Any]:
    found = {"system": system_url, "code": code}
    return {**found, "display": display} if display else found


def display(code: str) -> str:
    """Our code's meaning in English: the code's words."""
    return code.replace("_", " ")


# The concepts below are made once and shared by every resource that uses them: never change one.


@cache
def own(name: str, code: str, *standard: tuple[str, str, str]) -> dict[str, Any] | None:
    """A CodeableConcept for one of our codes, after any ``standard`` (system, code, display)
    codings of the same meaning; words outside our system are text only (None if blank)."""
    if code not in OWN_CODES.get(name, ()):
        words = clean(code)
        return {"text": words} if words else None
    codings = [coding(*found) for found in standard]
    return {"coding": [*codings, coding(system(name), code, display(code))]}


@cache
def concept(system_url: str, code: str, meaning: str) -> dict[str, Any]:
    return {"coding": [coding(system_url, code, meaning)]}


def component_code(name: str) -> dict[str, Any]:
    return concept(system("episode"), name, COMPONENTS[name])


def body_part(part: str) -> dict[str, Any] | None:
    """A body part with its SNOMED CT body structure where there is one, and our code."""
    if part in BODY_SNOMED:
        return own("body-part", part, (SNOMED, *BODY_SNOMED[part]))
    return own("body-part", part)


def intensity(value: Intensity) -> dict[str, Any] | None:
    return own("intensity", str(value), (SNOMED, *SEVERITY_SNOMED[value]))


def relationship(role: Role) -> dict[str, Any] | None:
    """How a related person stands to the child: HL7's code where one fits, and our role."""
    return own("team-role", str(role), *([RELATIONSHIP[role]] if role in RELATIONSHIP else []))


def quantity(amount: Any, unit: str) -> dict[str, Any]:
    """A dose as a Quantity: UCUM-coded when the unit is one UCUM has."""
    value = int(amount) if amount == amount.to_integral_value() else float(amount)
    found: dict[str, Any] = {"value": value, "unit": unit}
    if unit.lower() in UCUM_UNITS:
        found |= {"system": UCUM, "code": UCUM_UNITS[unit.lower()]}
    return found
