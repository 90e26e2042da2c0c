"""Settling what a report's phrases said into the record: amounts, one value per field, notes."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.parsed import (
    MAX_COUNT,
    MAX_DURATION_SECONDS,
    EpisodeParseError,
    Option,
    Question,
)
from bot.services.episodes.reading import Match, Reading, Rescue
from bot.services.parsing.numerals import EXACT, OVER, RANGE, UNDER, Quantity, decimal, grouped
from models.episode import DurationBound, EpisodeKind

SINGLE_VALUED = ("kind", "intensity", "setting", "rescue", "injury", "observer")
_ORDER = {table.field: list(table.phrases) for table in vocab.TABLES}


def whole_seconds(seconds: Decimal) -> int:
    """Round to whole seconds, keeping any real duration at least a second long."""
    whole = int(seconds.to_integral_value(rounding=ROUND_HALF_UP))
    return max(whole, 1) if seconds > 0 else 0


def say_seconds(seconds: int) -> str:
    """A length as "45 s", "3 min", "1 min 30 s" (for option labels)."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def duration_fields(quantity: Quantity) -> dict[str, Any]:
    """The record's duration fields for a length in seconds."""
    low = None if quantity.low is None else whole_seconds(quantity.low)
    high = None if quantity.high is None else whole_seconds(quantity.high)
    bound = {EXACT: None, RANGE: DurationBound.RANGE, UNDER: DurationBound.UNDER,
             OVER: DurationBound.OVER}[quantity.bound]  # fmt: skip
    return {"duration_seconds": low, "duration_max_seconds": high, "duration_bound": bound}


def _readings(quantity: Quantity) -> list[Quantity]:
    """A length as read, and as read with "1,000" taken for a thousand rather than one."""
    ambiguous = next((number for number in quantity.written if grouped(number)), None)
    if ambiguous is None:
        return [quantity]
    factor = Decimal(re.sub("[.,]", "", ambiguous)) / decimal(ambiguous)
    return [quantity, quantity.scaled(factor)]


def _from_zero(quantity: Quantity) -> Quantity:
    """ "0-1 min" is "under 1 min"."""
    if quantity.bound == RANGE and quantity.low == 0:
        return Quantity(None, quantity.high, UNDER, quantity.approximate, quantity.written)
    return quantity


def _possible(quantity: Quantity) -> bool:
    return 0 < quantity.largest <= MAX_DURATION_SECONDS and (quantity.low or 1) > 0


def durations(reading: Reading) -> tuple[dict[str, Any], Question | None]:
    """How long it lasted, and any question about it; no time at all, or over a day, refused."""
    read: list[tuple[Match, Quantity]] = []
    for match in reading.of("duration"):
        choices = [_from_zero(q) for q in _readings(match.fact.value) if _possible(q)]
        if not choices:
            reason = "duration_zero" if match.fact.value.largest == 0 else "duration_too_long"
            raise EpisodeParseError(reason, duration=reading.words(match))
        if len(choices) > 1:
            number = next(n for n in match.fact.value.written if grouped(n))
            options = tuple(
                Option(say_seconds(whole_seconds(q.largest)), duration_fields(q)) for q in choices
            )
            return duration_fields(Quantity(None)), Question("number", number, options)
        read.append((match, choices[0]))
    rescue = _rescue_given_at(reading)
    if not read:
        return {}, rescue
    distinct = list({(q.low, q.high, q.bound): (m, q) for m, q in read}.values())
    longest = max(distinct, key=lambda pair: pair[1].largest)  # the safer one to act on
    saved = duration_fields(longest[1])
    if len(distinct) > 1:
        ordered = [longest, *(pair for pair in distinct if pair is not longest)][:4]
        options = tuple(Option(reading.words(m), duration_fields(q)) for m, q in ordered)
        other = reading.words(ordered[1][0])
        return saved, Question("which_duration", other, options, type_it=True)
    return saved, rescue


def _rescue_given_at(reading: Reading) -> Question | None:
    """ "gave midazolam at 3 min": ask whether 3 min is when it was given, or how long it lasted."""
    for match in reading.of("rescue"):
        rescue: Rescue = match.fact.value
        if rescue.at_seconds is None or rescue.at_words is None:
            continue
        lasted = duration_fields(Quantity(rescue.at_seconds))
        given_at = rescue.name[len(rescue.plain or "") :].strip()  # "at 3 min", as typed
        options = (
            Option(given_at, {}),
            Option(rescue.at_words, lasted | {"rescue_medication": rescue.plain}),
        )
        params = {"medicine": rescue.drug or ""}
        return Question("rescue_time", rescue.at_words, options, params=params)
    return None


def counts(reading: Reading) -> tuple[dict[str, Any], Question | None]:
    """How many jerks; none, or an absurd number, is refused; two different ones asked about."""
    read: list[tuple[Match, dict[str, Any]]] = []
    for match in reading.of("count"):
        quantity: Quantity = match.fact.value
        values = [v for v in (quantity.low, quantity.high) if v is not None]
        if not all(1 <= value <= MAX_COUNT and value == int(value) for value in values):
            raise EpisodeParseError("bad_count", count=reading.words(match))
        read.append((match, _count_fields(quantity)))
    if not read:
        return {}, None
    distinct = list({tuple(f.items()): (m, f) for m, f in read}.values())
    if len(distinct) > 1:
        options = tuple(Option(reading.words(m), f) for m, f in distinct[:4])
        other = reading.words(distinct[1][0])
        return distinct[0][1], Question("which_count", other, options, type_it=True)
    return distinct[0][1], None


def _count_fields(quantity: Quantity) -> dict[str, Any]:
    low = None if quantity.low is None else int(quantity.low)
    high = None if quantity.high is None else int(quantity.high)
    if quantity.bound == UNDER:
        return {"jerk_count": None, "count_max": high, "count_approximate": False}
    approximate = quantity.approximate or quantity.bound == OVER
    return {"jerk_count": low, "count_max": high, "count_approximate": approximate}


def kind_of_count(count: int | None) -> EpisodeKind | None:
    """The kind a count implies on its own: one jerk, or a series."""
    if count is None:
        return None
    return EpisodeKind.SINGLE_JERK if count == 1 else EpisodeKind.CLUSTER


def _rank(match: Match) -> int:
    """Lower wins: vocabulary order; a named medicine beats an unnamed one; else the first."""
    value = match.fact.value
    if match.fact.field == "rescue":
        return int(value.name == vocab.UNSPECIFIED_RESCUE)
    order = _ORDER.get(match.fact.field, [])
    return order.index(value) if value in order else 0


def settle(reading: Reading) -> tuple[dict[str, Any], list[Match]]:
    """One value per single-valued field; a different value that loses is kept as notes."""
    chosen: dict[str, Any] = {}
    losers: list[Match] = []
    for field in SINGLE_VALUED:
        matches = reading.of(field)
        if not matches:
            continue
        best = min(matches, key=_rank)
        chosen[field] = best.fact.value
        same = (best.fact.value, Rescue(vocab.UNSPECIFIED_RESCUE))
        losers += [m for m in matches if m.fact.value not in same]
    refusals = reading.of("no_rescue")
    if "rescue" in chosen:
        losers += refusals
    elif refusals:
        chosen["no_rescue"] = True
    return chosen, losers


def collect(reading: Reading, field: str) -> tuple[str, ...]:
    """Every value of a many-valued field, first mention first."""
    return tuple(dict.fromkeys(match.fact.value for match in reading.of(field)))


def notes(reading: Reading, losers: list[Match]) -> str | None:
    """The words not understood, as typed and in order (the words that only join them left out
    at their edges), the phrases that lost to a stronger value, then the note after "note:"."""
    tokens, matches = reading.tokens, reading.matches
    spans = {index for match in matches for index in range(match.start, match.stop)}
    lost = {i for match in losers for i in range(match.start, match.stop)}
    used = spans - lost
    joiners = {
        index
        for index, token in enumerate(tokens)
        if token.norm in vocab.JOINERS and index not in spans and {index - 1, index + 1} <= spans
    }
    kept = [i for i in range(len(tokens)) if i not in used | joiners]
    runs: list[list[int]] = []
    for index in kept:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    words = []
    for run in runs:
        glue = [i not in lost and tokens[i].typed in vocab.GLUE for i in run]
        while run and glue[0]:
            run, glue = run[1:], glue[1:]
        while run and glue[-1]:
            run, glue = run[:-1], glue[:-1]
        words += [tokens[i].text for i in run]
    note = reading.note
    return " ".join([*words, note] if note else words) or None
