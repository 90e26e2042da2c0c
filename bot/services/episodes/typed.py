"""A typed answer to a report's open question ("20:15", "3 min", "7") read into record values."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services.episodes.asked import Asked
from bot.services.episodes.parsed import EpisodeParseError, Option, ParsedEpisode
from bot.services.episodes.parsing import parse_episode
from bot.services.episodes.reading import read
from bot.services.errors import DomainError
from models import Episode

_SAYS_WHEN = frozenset({"clock", "part", "ago"})
_TEXT_LIMIT = 60  # a refusal quotes at most this much of the answer


def typed_option(asked: Asked, text: str, episode: Episode, timezone: str, now: datetime) -> Option:
    """What ``text`` answers to ``asked``, as an option; refuse what does not answer it."""
    text = " ".join(text.split())
    try:
        if asked.topic == "time":
            return _time(text, episode, timezone, now)
        if asked.topic == "count":
            return _count(text, now, timezone)
        return _duration(text, now, timezone)
    except EpisodeParseError:
        pass
    raise DomainError(f"episodes.answer.unreadable_{asked.topic}", answer=text[:_TEXT_LIMIT])


def _time(text: str, episode: Episode, timezone: str, now: datetime) -> Option:
    """A time on the day the report is saved on, unless the answer names its own day."""
    day = episode.occurred_at.astimezone(ZoneInfo(timezone)).date()
    line = text if read(text).of("day") else f"{day.isoformat()} {text}"  # "8": 8 on that day
    if not any(m.fact.field in _SAYS_WHEN for m in read(line).matches):
        raise EpisodeParseError("nothing_recognised")
    found = parse_episode(line, now=now, timezone=timezone)
    if found.question is not None and found.question.kind == "am_pm":
        # "8" for "yesterday evening": the half of the day nearer the time it was saved at.
        saved = episode.occurred_at
        nearest = min(
            found.question.options,
            key=lambda o: abs(datetime.fromisoformat(o.fields["occurred_at"]) - saved),
        )
        return Option(text, nearest.fields)
    end = found.window_end_at.isoformat() if found.window_end_at else None
    fields = {"occurred_at": found.occurred_at.isoformat(), "window_end_at": end}
    return Option(text, fields | {"time_precision": found.time_precision.value})


def _duration(text: str, now: datetime, timezone: str) -> Option:
    found = parse_episode(text, now=now, timezone=timezone)
    if found.duration_seconds is None and found.duration_max_seconds is None:
        raise EpisodeParseError("nothing_recognised")
    bound = found.duration_bound.value if found.duration_bound else None
    fields = {
        "duration_seconds": found.duration_seconds,
        "duration_max_seconds": found.duration_max_seconds,
        "duration_bound": bound,
    }
    return Option(text, fields)


def _count(text: str, now: datetime, timezone: str) -> Option:
    found = _counted(text, now, timezone) or _counted(f"{text} jerks", now, timezone)  # "7"
    if found is None:
        raise EpisodeParseError("nothing_recognised")
    fields = {"jerk_count": found.jerk_count, "count_max": found.count_max,
              "count_approximate": found.count_approximate}  # fmt: skip
    return Option(text, fields)


def _counted(text: str, now: datetime, timezone: str) -> ParsedEpisode | None:
    try:
        found = parse_episode(text, now=now, timezone=timezone)
    except EpisodeParseError:
        return None
    return found if found.jerk_count is not None or found.count_max is not None else None
