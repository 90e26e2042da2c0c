"""The words the one-line episode parser understands, kept as data apart from the parsing code."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

from bot.services.medications import drugs
from models.episode import EpisodeKind, Intensity

# Pattern syntax: words separated by spaces; "a|b" is a choice and "[a|b]" an optional choice.
# The first pattern of each value, without its optional words, is the phrase the renderer writes.
# Within a single-valued field the values are listed best first: when a line names two different
# ones, the first listed wins and the other phrase is kept in the notes.


@dataclass(frozen=True)
class Table:
    """The phrases of one field (canonical value -> patterns) and lead-ins consumed with them."""

    field: str
    phrases: dict[Any, tuple[str, ...]]
    leadins: tuple[str, ...] = ()


KINDS = Table(
    "kind",
    {
        EpisodeKind.GENERALIZED: (
            "generalized",
            "generalised|gtc|gtcs|convulsion|convulsions|convulsing|convulsed",
            "tonic-clonic [seizure]",
            "tonic clonic [seizure]",
            "grand mal",
        ),
        EpisodeKind.FALL: ("fall", "fell [down|over]", "falls|drop", "drop attack"),
        EpisodeKind.ABSENCE: (
            "absence",
            "absences|absence-like|staring|stare|stared|blank",
            "blank stare|look",
            "staring spell",
            "zoned|spaced out",
        ),
        EpisodeKind.CLUSTER: (
            "cluster",
            "clusters|series|burst|flurry",
            "[myoclonic] jerks|twitches|spasms",
            "several|multiple|many|repeated|few [myoclonic] jerks|twitches|spasms",
            "run|lots|series of jerks|twitches|spasms",
        ),
        EpisodeKind.SINGLE_JERK: ("single", "[myoclonic] jerk|twitch|spasm"),
        EpisodeKind.OTHER: ("other",),
    },
    leadins=("a|an",),
)

BODY_PARTS = Table(
    "body_part",
    {
        "arms": ("arms", "arm|hands|hand|fingers"),
        "left_arm": ("left arm", "left hand"),
        "right_arm": ("right arm", "right hand"),
        "legs": ("legs", "leg|feet|foot"),
        "left_leg": ("left leg", "left foot"),
        "right_leg": ("right leg", "right foot"),
        "face": ("face", "eyes|eye|eyelids|eyelid|mouth|lips|jaw"),
        "head_neck": ("head and neck", "head|neck"),
        "trunk": ("trunk", "torso|shoulders|shoulder|chest"),
        "whole_body": ("whole body", "whole-body|everywhere", "full|entire body", "all over"),
        "left_side": ("left side",),
        "right_side": ("right side",),
    },
    leadins=("in|on [the|his|her|their|both]", "both|his|her|their"),
)

INTENSITIES = Table(
    "intensity",
    {
        Intensity.SEVERE: ("severe", "severely|strong|violent|big|heavy|intense"),
        Intensity.MODERATE: ("moderate", "moderately|medium"),
        Intensity.MILD: ("mild", "mildly|light|slight|slightly|small|minor|weak|gentle"),
    },
    leadins=("very|quite|really|fairly|pretty|extremely|rather",),
)

SETTINGS = Table(
    "setting",
    {
        "sleep": (
            "in sleep",
            "asleep|sleeping|napping",
            "in his|her|their sleep",
            "during|while [a|his|her|the] sleep|nap",
            "while|when asleep|sleeping",
            "fell|falling|fall asleep",
        ),
        "waking": (
            "on waking",
            "after|when|upon waking [up]",
            "waking [up]",
            "[just|after] woke up",
        ),
        "car": ("car",),
        "school": ("school", "class|classroom|nursery|kindergarten|preschool|daycare"),
        "outside": ("outside", "outdoors|park|playground"),
        "home": ("home", "house"),
    },
    leadins=("at|in|on|during [the]",),
)

TRIGGERS = Table(
    "trigger",
    {
        "fatigue": ("tired", "fatigue|fatigued|exhausted|tiredness|overtired|sleepy", "worn out"),
        "stress": ("stressed", "stress|stressful|anxious|anxiety|upset|worried|nervous"),
        "poor_sleep": (
            "poor sleep",
            "bad|little|short|broken|disturbed sleep",
            "bad|rough|late|short night",
            "not enough sleep",
            "lack of sleep",
            "sleep deprived|deprivation",
            "slept badly|poorly",
        ),
        "illness": (
            "ill",
            "illness|sick|unwell|infection|virus|fever",
            "[a|high] temperature|fever",
        ),
        "missed_dose": (
            "missed dose",
            "missed [a|his|her|their|the|morning|evening] dose|meds|medicine|medication",
            "forgot|forgotten [his|her|their|the] dose|meds|medicine|medication",
        ),
        "flashing_lights": ("flashing lights", "flashing|flickering|strobe light|lights", "strobe"),
        "startle": ("startled", "startle", "loud|sudden noise|sound"),
        "excitement": ("excited", "excitement|overexcited|over-excited"),
    },
    leadins=(
        "after|from|with|by [a|the|being]",
        "because [of] [a|the|being]",
        "due to [a|the|being]",
        "triggered|caused by [a|the|being]",
    ),
)

UNSPECIFIED_RESCUE = "rescue medicine (unspecified)"

RESCUES = Table(
    "rescue",
    {
        UNSPECIFIED_RESCUE: (
            "rescue given",
            "rescue [med|meds|medicine|medication] given|used|administered",
            "gave|used|administered rescue [med|meds|medicine|medication]",
        ),
    },
)

INJURIES = Table(
    "injury",
    {
        True: (
            "injury",
            "injuries|injured|hurt|bruised|bruise",
            "hurt himself|herself|themself|themselves",
            "bumped|banged|hit [his|her|their|the] head",
        ),
        False: ("no injury|injuries", "not injured|hurt", "uninjured|unhurt", "without injury"),
    },
)

DAYS = Table("day", {0: ("today",), -1: ("yesterday",), 1: ("tomorrow",)})

TABLES = (KINDS, BODY_PARTS, INTENSITIES, SETTINGS, TRIGGERS, RESCUES, INJURIES, DAYS)

# Words the grammar (numbers, times, medicines, observers) is built from.
NEGATORS = frozenset({"no", "not", "without", "never"})
JOINERS = frozenset({"and", "&", "+", "with", "plus", "-", "–", "—"})
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "thirty": 30,
}  # fmt: skip
SECONDS_PER_UNIT = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
}  # fmt: skip
COUNT_UNITS = frozenset(
    {"jerk", "jerks", "twitch", "twitches", "spasm", "spasms", "time", "times", "x"}
)
COUNT_WORDS = {"once": 1, "twice": 2}
COUNT_ADJECTIVES = frozenset({"myoclonic"})  # "5 myoclonic jerks"
COUNT_SIGNS = frozenset({"x", "×"})  # "x 3"
MERIDIEMS = frozenset({"am", "pm"})
NAMED_TIMES = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
WINDOW_SEPARATORS = frozenset({"-", "–", "—", "to", "until", "till", "and"})
TIME_LEADINS = ("at|around|about|from|between",)
DURATION_LEADINS = (
    "for|lasted|lasting|lasts [about|around|approx|approximately|roughly|over]",
    "about|around|approx|approximately|roughly|over",
)
COUNT_LEADINS = ("a|about|around|approx|approximately|roughly",)
AGO = "ago"
AHEAD_LEADINS = ("in",)  # "in 2 hours" is a time to come, not a duration
FROM_NOW = ("from", "now")  # "2 hours from now", the same
RESCUE_LEADINS = ("gave|given|administered|used|took",)
RESCUE_ROUTES = frozenset({"buccal", "intranasal", "nasal", "rectal", "oral"})
# Rescue medicines by generic name; brands and synonyms come from the shared medicine dictionary.
RESCUE_GENERICS = drugs.RESCUE | {"clonazepam", "lorazepam"}
RESCUE_DRUGS = {
    name: generic
    for generic in RESCUE_GENERICS
    for name in (generic, *drugs.SYNONYMS.get(generic, ()))
    if " " not in name
}
RESCUE_AFTERWORDS = frozenset({"given", "administered"})
DOSE_UNITS = frozenset({"mg", "ml", "mcg"})
MICROGRAMS = frozenset({"mcg", "µg", "ug", "microgram", "micrograms"})
OBSERVER_VERBS = frozenset({"seen", "witnessed", "observed", "noticed", "spotted"})
OBSERVER_TITLES = frozenset(
    {"the", "his", "her", "their", "my", "our", "a", "mr", "mrs", "ms", "miss", "dr"}
    | {"aunt", "auntie", "uncle"}
)


def expand(pattern: str) -> list[tuple[str, ...]]:
    """Every word sequence a pattern stands for."""
    choices = []
    for part in pattern.split():
        words = part.strip("[]").split("|")
        choices.append([*words, ""] if part.startswith("[") else words)
    return [tuple(word for word in combo if word) for combo in product(*choices)]


def canonical(pattern: str) -> str:
    """The words the renderer writes for a pattern: first choices, optional words left out."""
    return " ".join(part.split("|")[0] for part in pattern.split() if not part.startswith("["))


def _all_words() -> frozenset[str]:
    """Every word any phrase, lead-in or grammar rule uses (lower case)."""
    patterns = [p for table in TABLES for ps in table.phrases.values() for p in ps]
    patterns += [p for table in TABLES for p in table.leadins]
    patterns += [*TIME_LEADINS, *DURATION_LEADINS, *COUNT_LEADINS, *RESCUE_LEADINS]
    words = {word for pattern in patterns for seq in expand(pattern) for word in seq}
    units = DOSE_UNITS & drugs.UNITS.keys()
    words |= {spelling for unit in units for spelling in drugs.UNITS[unit]}
    return frozenset(
        words
        | NEGATORS
        | JOINERS
        | NUMBER_WORDS.keys()
        | SECONDS_PER_UNIT.keys()
        | COUNT_UNITS
        | COUNT_WORDS.keys()
        | COUNT_ADJECTIVES
        | COUNT_SIGNS
        | MERIDIEMS
        | {"a.m", "p.m"}
        | NAMED_TIMES.keys()
        | WINDOW_SEPARATORS
        | {AGO, "by", *AHEAD_LEADINS, *FROM_NOW}
        | RESCUE_ROUTES
        | RESCUE_DRUGS.keys()
        | RESCUE_AFTERWORDS
        | DOSE_UNITS
        | MICROGRAMS
        | OBSERVER_VERBS
        | OBSERVER_TITLES
    )


VOCABULARY_WORDS = _all_words()
