"""The medicine dictionary: brand names and synonyms to generic names, and dose units."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.services.parsing import vocab
from bot.services.parsing.amounts import dose_unit
from bot.services.parsing.phrases import Speller

# A name one typo away from exactly one known name this long or longer is read as that name,
# and the recorder is asked to confirm it; shorter names are too close to each other.
SPELLING_MIN_LENGTH = 5


@dataclass(frozen=True)
class Drug:
    """A medicine as the regimen records it."""

    generic: str
    is_rescue: bool
    known: bool
    respelled: bool = False  # known by correcting one typo ("levetiracetem")


# Generic name -> the other names people type for it (brands, salts, older names).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "levetiracetam": ("keppra", "кеппра", "кеппру", "кеппры", "леветирацетам"),
    "valproate": (
        "depakine",
        "depakote",
        "epilim",
        "convulex",
        "valproic acid",
        "sodium valproate",
        "valproate sodium",
        "valproate semisodium",
        "semisodium valproate",
        "divalproex",
        "divalproex sodium",
        "депакин",
        "депакин хроно",
        "конвулекс",
        "вальпроат",
        "вальпроевая кислота",
    ),
    "clonazepam": ("rivotril", "klonopin"),
    "topiramate": ("topamax", "топамакс", "топирамат"),
    "zonisamide": ("zonegran",),
    "clobazam": ("frisium", "onfi", "клобазам", "фризиум"),
    "ethosuximide": ("zarontin",),
    "piracetam": ("nootropil",),
    "perampanel": ("fycompa",),
    "brivaracetam": ("briviact",),
    "lamotrigine": ("lamictal",),
    "midazolam": ("buccolam", "epistatus", "hypnovel", "versed", "мидазолам", "букколам"),
    "diazepam": ("stesolid", "valium", "diastat", "диазепам", "реланиум"),
}

RESCUE = frozenset({"midazolam", "diazepam"})

# Release forms and presentations that do not change which medicine it is ("Keppra XR").
RELEASE_SUFFIXES = frozenset({"xr", "er", "sr", "cr", "xl", "chrono", "retard", "sprinkle"})

# Canonical unit -> every spelling accepted for it.
UNITS: dict[str, tuple[str, ...]] = {
    "mg": ("mg", "mgs", "milligram", "milligrams", "milligramme", "milligrammes"),
    "g": ("g", "gram", "grams", "gramme", "grammes"),
    "ml": ("ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters"),
    "drops": ("drop", "drops", "gtt", "gtts"),
    "tablets": ("tab", "tabs", "tablet", "tablets"),
    "mg/kg/day": ("mg/kg/day", "mg/kg/d"),
}

_GENERIC_BY_NAME = {
    name: generic for generic, names in SYNONYMS.items() for name in (generic, *names)
}
_UNIT_BY_SPELLING = {spelling: unit for unit, spellings in UNITS.items() for spelling in spellings}


def _key(name: str) -> str:
    """The lookup form of a name: lowercase, no trademark signs, hyphens as spaces."""
    cleaned = name.lower().replace("®", "").replace("™", "")
    cleaned = cleaned.replace("-", " ").replace("_", " ")
    return " ".join(cleaned.split())


def _generic(key: str) -> str | None:
    """The generic name for a lookup key, ignoring a trailing release-form word."""
    if key in _GENERIC_BY_NAME:
        return _GENERIC_BY_NAME[key]
    base, _, suffix = key.rpartition(" ")
    if suffix in RELEASE_SUFFIXES:
        return _GENERIC_BY_NAME.get(base)
    return None


@cache
def _speller() -> Speller:
    return Speller(
        (name for name in _GENERIC_BY_NAME if " " not in name), min_length=SPELLING_MIN_LENGTH
    )


def _respelled(key: str) -> str | None:
    """The generic name for a key one typo away from one known name ("keppra xr" too)."""
    base, _, suffix = key.rpartition(" ")
    if suffix not in RELEASE_SUFFIXES:
        base = key
    corrected = _speller().correct(base)
    return _GENERIC_BY_NAME[corrected] if corrected and corrected != base else None


def resolve(name: str) -> Drug:
    """The medicine ``name`` stands for; unknown names are kept as typed, lowercased."""
    key = _key(name)
    generic = _generic(key)
    if generic is not None:
        return Drug(generic=generic, is_rescue=generic in RESCUE, known=True)
    generic = _respelled(key)
    if generic is not None:
        return Drug(generic=generic, is_rescue=generic in RESCUE, known=True, respelled=True)
    return Drug(generic=" ".join(name.lower().split()), is_rescue=False, known=False)


def normalise_unit(text: str) -> str | None:
    """The canonical unit for ``text`` ("mL" -> "ml", "tabs" -> "tablets"), or None."""
    spelling = "".join(text.lower().split()).rstrip(".")
    return _UNIT_BY_SPELLING.get(spelling) or _spoken_unit(spelling)


def _spoken_unit(spelling: str) -> str | None:
    """A unit spelled in the writer's language ("мг", "miligramos"), from the vocabulary."""
    if vocab.current() == vocab.DEFAULT_LANGUAGE:
        return None
    unit = dose_unit(spelling)
    return unit if unit in UNITS else None
