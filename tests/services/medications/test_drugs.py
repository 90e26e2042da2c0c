"""The medicine dictionary: every brand and synonym finds its generic; units normalise."""

from __future__ import annotations

import pytest

from bot.services.medications.drugs import Drug, normalise_unit, resolve

SYNONYMS = [
    ("Keppra", "levetiracetam"),
    ("Depakine", "valproate"),
    ("Depakote", "valproate"),
    ("Epilim", "valproate"),
    ("Convulex", "valproate"),
    ("valproic acid", "valproate"),
    ("sodium valproate", "valproate"),
    ("valproate semisodium", "valproate"),
    ("divalproex", "valproate"),
    ("Rivotril", "clonazepam"),
    ("Klonopin", "clonazepam"),
    ("Topamax", "topiramate"),
    ("Zonegran", "zonisamide"),
    ("Frisium", "clobazam"),
    ("Onfi", "clobazam"),
    ("Zarontin", "ethosuximide"),
    ("Nootropil", "piracetam"),
    ("Fycompa", "perampanel"),
    ("Briviact", "brivaracetam"),
    ("Lamictal", "lamotrigine"),
    ("Buccolam", "midazolam"),
    ("Epistatus", "midazolam"),
    ("Hypnovel", "midazolam"),
    ("Versed", "midazolam"),
    ("Stesolid", "diazepam"),
    ("Valium", "diazepam"),
    ("Diastat", "diazepam"),
]
GENERICS = sorted({generic for _, generic in SYNONYMS})
SPELLINGS = [
    ("KEPPRA", "levetiracetam"),
    ("  keppra  ", "levetiracetam"),
    ("Keppra®", "levetiracetam"),
    ("Keppra XR", "levetiracetam"),
    ("keppra-xr", "levetiracetam"),
    ("Depakote ER", "valproate"),
    ("Depakine Chrono", "valproate"),
    ("Epilim-Chrono", "valproate"),
    ("Valproic-Acid", "valproate"),
    ("sodium  valproate", "valproate"),
    ("Lamictal XR", "lamotrigine"),
    ("Topamax Sprinkle", "topiramate"),
    ("Levetiracetam ER", "levetiracetam"),
]
UNITS = [
    ("mg", "mg"),
    ("MG", "mg"),
    ("milligram", "mg"),
    ("milligrams", "mg"),
    ("g", "g"),
    ("gram", "g"),
    ("grams", "g"),
    ("ml", "ml"),
    ("mL", "ml"),
    ("millilitre", "ml"),
    ("millilitres", "ml"),
    ("drop", "drops"),
    ("drops", "drops"),
    ("gtt", "drops"),
    ("tab", "tablets"),
    ("tabs", "tablets"),
    ("tablet", "tablets"),
    ("tablets", "tablets"),
    ("mg/kg/day", "mg/kg/day"),
    ("mg/kg/d", "mg/kg/day"),
    ("mg / kg / day", "mg/kg/day"),
]


@pytest.mark.parametrize(("name", "generic"), SYNONYMS + SPELLINGS)
def test_brands_and_synonyms_resolve_to_their_generic(name: str, generic: str) -> None:
    drug = resolve(name)

    assert drug.generic == generic
    assert drug.known


@pytest.mark.parametrize("generic", GENERICS)
def test_a_generic_name_resolves_to_itself(generic: str) -> None:
    rescue = generic in {"midazolam", "diazepam"}

    assert resolve(generic) == Drug(generic, is_rescue=rescue, known=True)


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Melatonin", "melatonin"),
        ("  Vitamin   B6 ", "vitamin b6"),
        ("Keppra Plus", "keppra plus"),
        ("xr", "xr"),
        ("", ""),
    ],
)
def test_an_unknown_name_is_kept_as_typed_lowercased(name: str, kept: str) -> None:
    assert resolve(name) == Drug(generic=kept, is_rescue=False, known=False)


@pytest.mark.parametrize(
    ("name", "rescue"),
    [
        ("Buccolam", True),
        ("midazolam", True),
        ("Epistatus", True),
        ("Diastat", True),
        ("diazepam", True),
        ("Stesolid", True),
        ("Keppra", False),
        ("clobazam", False),
        ("Rivotril", False),
        ("melatonin", False),
    ],
)
def test_only_midazolam_and_diazepam_are_rescue_medicines(name: str, rescue: bool) -> None:
    assert resolve(name).is_rescue is rescue


@pytest.mark.parametrize(("text", "unit"), UNITS)
def test_units_normalise(text: str, unit: str) -> None:
    assert normalise_unit(text) == unit


@pytest.mark.parametrize("text", ["mcg", "iu", "", "kg", "spoon", "mg/kg"])
def test_an_unknown_unit_is_none(text: str) -> None:
    assert normalise_unit(text) is None
