"""An episode written back as the canonical line that reads as the same record."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.facts import kind_of_count
from bot.services.episodes.parsed import SKEW, EpisodeParseError, ParsedEpisode
from bot.services.episodes.reading import phrase_of
from bot.services.parsing import vocab as words
from bot.services.parsing.clocks import Wall
from bot.services.parsing.moments import latest_past, utc, window_end
from models.episode import DurationBound, TimePrecision


def render_episode_line(episode: ParsedEpisode, *, now: datetime, timezone: str) -> str:
    """The canonical line for an episode: parse_episode reads it back to the same record."""
    now, zone = utc(now), ZoneInfo(timezone)
    implied_kind = episode.kind == kind_of_count(episode.jerk_count)
    parts = [
        _render_time(episode, now, zone) if episode.time_given else "",
        _render_duration(episode),
        _render_count(episode),
        "" if implied_kind else phrase_of("kind", episode.kind),
        *(phrase_of("body_part", part) for part in episode.body_parts),
        phrase_of("intensity", episode.intensity),
        phrase_of("setting", episode.setting),
        *(phrase_of("trigger", trigger) for trigger in episode.triggers),
        _render_rescue(episode.rescue_medication),
        phrase_of("no_rescue", True) if episode.no_rescue else "",
        phrase_of("injury", True) if episode.injury else "",
        f"seen by {episode.observer}" if episode.observer else "",
        f"note: {episode.notes}" if episode.notes else "",
    ]
    return " ".join(part for part in parts if part)


def _iso(moment: datetime, zone: ZoneInfo) -> str:
    """A local ISO time with its UTC offset, which pins down an hour a clock change repeats."""
    local = moment.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%dT%H:%M}{offset[:3]}:{offset[3:5]}"


def _clock_text(episode: ParsedEpisode, now: datetime, zone: ZoneInfo, lead: str) -> str:
    """The start as local "YYYY-MM-DD HH:MM" (with offset only if that is ambiguous), any end."""
    start, local = episode.occurred_at, episode.occurred_at.astimezone(zone)
    plain = latest_past(local.date(), Wall(local.hour, local.minute), now + SKEW, zone) == start
    text = f"{local:%Y-%m-%d} {lead}{local:%H:%M}" if plain else f"{lead}{_iso(start, zone)}"
    end = episode.window_end_at
    if end is None:
        return text
    end_local = end.astimezone(zone)
    if window_end(Wall(end_local.hour, end_local.minute), start, zone) == end:
        return f"{text} to {end_local:%H:%M}"
    return f"{text} to {_iso(end, zone)}"


@words.per_language
def _part_phrases() -> tuple[str, ...]:
    """The first phrase of each part of the day."""
    return tuple(entry["phrases"][0] for entry in words.common()["parts"].values())


def _render_time(episode: ParsedEpisode, now: datetime, zone: ZoneInfo) -> str:
    """The time as said: exact, "around", a part of a day, or a day."""
    from bot.services.episodes.parsing import parse_episode

    precision = episode.time_precision
    if precision in (TimePrecision.PART_OF_DAY, TimePrecision.DAY):
        local = episode.occurred_at.astimezone(zone).date()
        days = [f"{local:%Y-%m-%d}", f"{local - timedelta(days=1):%Y-%m-%d}"]  # a night began
        phrases = [""] if precision == TimePrecision.DAY else _part_phrases()
        for day in days:
            for phrase in phrases:
                line = f"{day} {phrase}".strip()
                try:
                    read = parse_episode(line, now=now, timezone=str(zone))
                except EpisodeParseError:  # that part of that day is still to come
                    continue
                if (read.occurred_at, read.time_precision) == (episode.occurred_at, precision):
                    return line
    lead = "around " if precision != TimePrecision.EXACT else ""
    return _clock_text(episode, now, zone, lead)


def _compact(seconds: int) -> str:
    """A duration as "45s", "2m", "1h" or "1m30s"."""
    hours, rest = divmod(seconds, 3600)
    parts = ((hours, "h"), (rest // 60, "m"), (rest % 60, "s"))
    return "".join(f"{value}{unit}" for value, unit in parts if value) or "0s"


def _render_duration(episode: ParsedEpisode) -> str:
    """ "2m", "2-3m", "under 10s", "over 5m"."""
    low, high = episode.duration_seconds, episode.duration_max_seconds
    bound = episode.duration_bound
    if bound == DurationBound.RANGE and low is not None and high is not None:
        unit, size = ("m", 60) if low % 60 == 0 and high % 60 == 0 else ("s", 1)
        return f"{low // size}-{high // size}{unit}"
    if bound == DurationBound.UNDER and high is not None:
        return f"under {_compact(high)}"
    if bound == DurationBound.OVER and low is not None:
        return f"over {_compact(low)}"
    return "" if low is None else _compact(low)


def _render_count(episode: ParsedEpisode) -> str:
    """ "1 jerk", "5 jerks", "about 5 jerks", "8-10 jerks", "under 5 jerks"."""
    count, most = episode.jerk_count, episode.count_max
    about = "about " if episode.count_approximate else ""
    if count is None:
        return f"under {most} jerks" if most is not None else ""
    if most is not None:
        return f"{about}{count}-{most} jerks"
    return f"{about}1 jerk" if count == 1 else f"{about}{count} jerks"


def _render_rescue(medicine: str | None) -> str:
    """A rescue medicine as "gave midazolam 5 mg", or "rescue given" when unnamed."""
    if medicine is None:
        return ""
    if medicine == vocab.UNSPECIFIED_RESCUE:
        return phrase_of("rescue", medicine)
    return f"gave {medicine}"
