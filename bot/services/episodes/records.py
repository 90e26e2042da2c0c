"""What an episode record holds and may hold: its columns, audit snapshot, checks and urgency."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.parsed import MAX_COUNT, MAX_DURATION_SECONDS, SKEW, ParsedEpisode
from bot.services.errors import DomainError
from models import Child, Episode, Intensity
from models.episode import DurationBound

# Which Episode columns a report fills in, and which an audit event copies.
FIELDS = (
    "occurred_at",
    "window_end_at",
    "duration_seconds",
    "jerk_count",
    "kind",
    "body_parts",
    "intensity",
    "setting",
    "triggers",
    "rescue_medication",
    "injury",
    "observer",
    "notes",
    "time_precision",
    "duration_max_seconds",
    "duration_bound",
    "count_max",
    "count_approximate",
    "no_rescue",
    "text_as_typed",
)
BODY_PARTS = frozenset(vocab.BODY_PARTS.phrases)
SETTINGS = frozenset(vocab.SETTINGS.phrases)
TRIGGERS = frozenset(vocab.TRIGGERS.phrases)
NAME_LIMIT = 128


def is_urgent(episode: Episode, child: Child) -> bool:
    """At or over the plan's emergency threshold, or severe with an injury.

    Only numbers read whole count (a number the parser could not read leaves no duration): a
    length at or over the threshold, "over N" at or over it, or a range ("4-6 min") or
    "under N" whose upper end goes past it — when it may have been that long, the team hears.
    """
    threshold = child.emergency_threshold_seconds
    too_long = (episode.duration_seconds or 0) >= threshold
    reaches = (episode.duration_max_seconds or 0) > threshold
    return too_long or reaches or (episode.intensity == Intensity.SEVERE and episode.injury)


def calls_for_plan(episode: Episode, child: Child) -> bool:
    """Relayed as 🚨 at once: urgent by its length or its severity, or rescue medicine given."""
    return is_urgent(episode, child) or bool(episode.rescue_medication)


def fields(parsed: ParsedEpisode) -> dict[str, Any]:
    """The Episode columns a parsed report fills in."""
    values = {name: getattr(parsed, name) for name in FIELDS}
    values["body_parts"] = list(parsed.body_parts)
    values["triggers"] = list(parsed.triggers)
    values["text_as_typed"] = parsed.text_as_typed or None
    return values


def snapshot(episode: Episode) -> dict[str, Any]:
    """The reported fields of ``episode`` as JSON, for the audit log's before and after."""
    values: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(episode, name)
        values[name] = value.isoformat() if isinstance(value, datetime) else value
    return values


def parsed_of(episode: Episode) -> ParsedEpisode:
    """An episode's facts as the parser's record, to write them back as a line or change them."""
    values = fields(episode)  # type: ignore[arg-type]
    values["body_parts"], values["triggers"] = tuple(episode.body_parts), tuple(episode.triggers)
    values["text_as_typed"] = episode.text_as_typed or ""
    return ParsedEpisode(**values, time_given=True)


def validate(parsed: ParsedEpisode, now: datetime) -> None:
    """Refuse a record that cannot be true, whichever way it was entered."""
    _in_the_past(parsed, now)
    _in_range(parsed)
    _known_words(parsed)


def _in_the_past(parsed: ParsedEpisode, now: datetime) -> None:
    end = parsed.window_end_at or parsed.occurred_at
    if parsed.occurred_at > now + SKEW or end > now + SKEW:
        raise DomainError("episodes.in_future")
    if end < parsed.occurred_at:
        raise DomainError("episodes.window_backwards")


def _in_range(parsed: ParsedEpisode) -> None:
    low, high = parsed.duration_seconds, parsed.duration_max_seconds
    if any(v is not None and not 0 <= v <= MAX_DURATION_SECONDS for v in (low, high)):
        raise DomainError("episodes.bad_duration")
    if not _bounded(low, high, parsed.duration_bound):
        raise DomainError("episodes.bad_duration")
    counts = (parsed.jerk_count, parsed.count_max)
    if any(v is not None and not 1 <= v <= MAX_COUNT for v in counts):
        raise DomainError("episodes.bad_count")
    if None not in counts and parsed.count_max <= parsed.jerk_count:  # type: ignore[operator]
        raise DomainError("episodes.bad_count")


def _bounded(low: int | None, high: int | None, bound: DurationBound | None) -> bool:
    """Whether a duration's numbers fit what its bound says (see DurationBound)."""
    if bound is None:
        return high is None
    if bound == DurationBound.RANGE:
        return low is not None and high is not None and low < high
    if bound == DurationBound.UNDER:
        return low is None and high is not None
    return low is not None and high is None


def _known_words(parsed: ParsedEpisode) -> None:
    known = (
        set(parsed.body_parts) <= BODY_PARTS
        and set(parsed.triggers) <= TRIGGERS
        and parsed.setting in SETTINGS | {None}
        and len(parsed.observer or "") <= NAME_LIMIT
        and len(parsed.rescue_medication or "") <= NAME_LIMIT
    )
    if not known:
        raise DomainError("episodes.not_understood")
