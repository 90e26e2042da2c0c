"""Read one-line ``/med`` commands into start, change and stop records, without side effects.

``<verb> <medicine> <what>``: the verb first (start, change, stop and their synonyms), then
the medicine's name and, in any order, a dose ("250 mg", "10 mg/kg/day"), times ("08:00",
"8pm", "morning and evening", "at night": the child's bedtime), a frequency ("bd", "twice
daily", "3 times a day", "every 8 hours"), the day it takes effect ("from tomorrow",
"monday") and a titration plan; "reason ..." ends the line. The name may also come after
the dose ("start 5 mg clobazam at night"). Words one typo away from exactly one /med word
are read as that word; the vocabulary is data (``vocab/<language>/medications.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.services.medications.commands import (
    MedChange,
    MedicationParseError,
    MedStart,
    MedStop,
    Titration,
    fail,
)
from bot.services.medications.drugs import Drug, normalise_unit, resolve
from bot.services.medications.plans import read_titration, titration, titration_steps
from bot.services.medications.reading import (
    Cursor,
    Draft,
    Reader,
    amount,
    default_times,
    is_value,
    read_clock,
    read_dose_time,
    read_filler,
    read_frequency,
    schedule,
    titration_here,
    words_of,
)
from bot.services.medications.when import read_day
from bot.services.medications.words import vocabulary
from bot.services.parsing import vocab
from bot.services.parsing.tokens import Token
from models.team import DEFAULT_BEDTIME

__all__ = [
    "MedChange",
    "MedStart",
    "MedStop",
    "MedicationParseError",
    "Titration",
    "default_times",
    "needs_dose_confirmation",
    "parse_med_command",
    "titration_steps",
]

NAME_LIMIT = 64  # medication.name_as_typed is String(64)
# A start that names neither times nor a frequency is taken once daily, in the morning...
START_TIMES = ("08:00",)
# ...except a rescue medicine, which is given when a seizure calls for it, never on a clock.
RESCUE_TIMES: tuple[str, ...] = ()


def needs_dose_confirmation(old_amount: Decimal, new_amount: Decimal) -> bool:
    """Whether the new dose is more than double or less than half the old (tenfold typos)."""
    return new_amount > old_amount * 2 or new_amount * 2 < old_amount


def _split_reason(text: str) -> tuple[str, str | None]:
    """Cut ``reason ...`` / ``because ...`` / ``due to ...`` (rest of line) off the command."""
    spans = list(re.finditer(r"\S+", text))
    lowered = [span[0].lower().rstrip(":") for span in spans]
    for index in range(1, len(spans)):
        found = vocabulary().reasons.longest(lowered, index)
        if found:
            reason = text[spans[found[0] - 1].end() :].strip()
            return text[: spans[index].start()], reason or None
    return text, None


def known_at(cur: Cursor, draft: Draft, ahead: int = 0) -> bool:
    """Whether the word ``ahead`` is a number or begins something a reader understands."""
    probe = Cursor(cur.tokens[cur.pos + ahead :])
    if probe.done or is_value(probe.peek()):
        return True
    quiet = replace(draft, dose=(Decimal(1), "mg"), times=[], per_day=None, spaced=None)
    quiet.day, quiet.titration = None, None
    return any(_accepts(read, probe, quiet) for read in KNOWN)


def _accepts(read: Reader, probe: Cursor, quiet: Draft) -> bool:
    try:
        return read(Cursor(probe.tokens), quiet)
    except MedicationParseError:  # a reader that refuses what follows still knows the word
        return True


def read_dose(cur: Cursor, draft: Draft) -> bool:
    """An amount and its unit ("250 mg", "2,5 ml", "two tablets")."""
    if draft.dose is not None:
        return False
    value = amount(cur.peek())
    if value is None or (not is_value(cur.peek()) and normalise_unit(cur.peek(1)) is None):
        return False
    if value <= 0:
        fail("dose_not_positive", amount=cur.raw())
    unit = normalise_unit(cur.peek(1))
    if unit is None:
        if not cur.peek(1) or known_at(cur, draft, 1):
            fail("unit_missing", amount=cur.raw())
        fail("unknown_unit", unit=cur.raw(1))
    draft.dose = value, unit
    cur.take(2)
    return True


# Readers that can say a word is theirs: a word none knows is (part of) the medicine's name.
KNOWN: tuple[Reader, ...] = (
    titration_here,
    read_day,
    read_frequency,
    read_clock,
    read_dose_time,
    read_filler,
)
_DOSING: tuple[Reader, ...] = (
    read_titration,
    read_day,
    read_frequency,
    read_clock,
    read_dose_time,
    read_dose,
    read_filler,
)
READERS: dict[str, tuple[Reader, ...]] = {
    "start": _DOSING,
    "change": _DOSING,
    "stop": (read_day, read_filler),
}


def _split_name(tokens: list[Token], draft: Draft) -> tuple[str, list[Token], list[Token]]:
    """The medicine's name: the first run of words no reader knows; and the words around it."""
    cur = Cursor(tokens)
    start = next(
        (i for i in range(len(tokens)) if not _known(cur, draft, i)),
        len(tokens),
    )
    stop = next((i for i in range(start, len(tokens)) if _known(cur, draft, i)), len(tokens))
    name = " ".join(token.text for token in tokens[start:stop])
    if not name:
        fail("no_name")
    if len(name) > NAME_LIMIT:
        fail("name_too_long", limit=NAME_LIMIT)
    return name, tokens[:start], tokens[stop:]


def _known(cur: Cursor, draft: Draft, index: int) -> bool:
    """Whether the word at ``index`` is a number, a unit, or begins a phrase a reader knows."""
    norm = cur.norms[index]
    return is_value(norm) or normalise_unit(norm) is not None or known_at(cur, draft, index)


def _read(tokens: list[Token], draft: Draft, readers: tuple[Reader, ...]) -> None:
    """Read every word with the first reader that accepts it."""
    cur = Cursor(tokens)
    while not cur.done:
        if not any(read(cur, draft) for read in readers):
            fail("not_understood", word=cur.raw())


def _effective_at(day: date | None, now: datetime, zone: ZoneInfo) -> datetime:
    """Local midnight at the start of ``day`` as aware UTC, or ``now`` when no day was named."""
    if day is None:
        return now.astimezone(UTC)
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


def _start(drug: Drug, name: str, draft: Draft, when: datetime, reason: str | None) -> MedStart:
    """A start: a dose is required; no times means the morning (rescue medicines: none)."""
    if draft.dose is None:
        fail("dose_missing", name=name)
    dose, unit = draft.dose
    times = schedule(draft) or (RESCUE_TIMES if drug.is_rescue else START_TIMES)
    return MedStart(drug, name, dose, unit, times, when, reason, titration(draft))


def _change(drug: Drug, name: str, draft: Draft, when: datetime, reason: str | None) -> MedChange:
    """A change: a new dose, new times, or both."""
    times = schedule(draft)
    if draft.dose is None and times is None and draft.titration is None:
        fail("nothing_to_change", name=name)
    dose, unit = draft.dose or (None, None)
    return MedChange(drug, name, dose, unit, times, when, reason, titration(draft))


def _stop(drug: Drug, name: str, draft: Draft, when: datetime, reason: str | None) -> MedStop:
    """A stop."""
    return MedStop(drug, name, when, reason)


BUILDERS: dict[str, Callable[..., MedStart | MedChange | MedStop]] = {
    "start": _start,
    "change": _change,
    "stop": _stop,
}


def parse_med_command(
    text: str,
    *,
    now: datetime,
    timezone: str,
    bedtime: str = DEFAULT_BEDTIME,
    language: str | None = None,
) -> MedStart | MedChange | MedStop:
    """Read the words after ``/med``; a named day takes effect at that day's local midnight.

    "at night" and "at bedtime" mean ``bedtime`` (the child's, "HH:MM"). The words are read
    in ``language`` (the writer's, with English); the result is the same in any language.
    """
    with vocab.speaking(language):
        return _parse(text, now, timezone, bedtime)


def _parse(text: str, now: datetime, timezone: str, bedtime: str) -> MedStart | MedChange | MedStop:
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    words = vocabulary()
    command, reason = _split_reason(text)
    tokens = words_of(command, words)
    if not tokens:
        fail("empty")
    verb = words.verbs.longest([token.norm for token in tokens], 0)
    if verb is None:
        fail("unknown_verb", verb=tokens[0].bare)
    stop, action = verb
    zone = ZoneInfo(timezone)
    draft = Draft(today=now.astimezone(zone).date(), bedtime=bedtime, words=words)
    name, before, after = _split_name(tokens[stop:], draft)
    _read(before, draft, READERS[action])
    _read(after, draft, READERS[action])
    when = _effective_at(draft.day, now, zone)
    return BUILDERS[action](resolve(name), name, draft, when, reason)
