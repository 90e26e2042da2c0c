"""Read a one-line episode report such as "2m cluster arms school tired" into a record and back.

Built on the shared toolkit (``bot.services.parsing``): ``reading`` turns the words into
facts, ``when`` settles the time, ``facts`` the amounts and single values, ``rendering`` writes
a record back as the line that reads as it. An episode is never lost because the wording was
loose: a line that says something happened is read with everything understood and at most one
``Question`` about what was ambiguous (two durations, "yesterday evening" at what time, …).
Only a line with nothing understood in it, or one that can't be true (a time to come, a clock
or date that doesn't exist, longer than a day, a count of none or over 1000), is refused.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services.episodes import facts
from bot.services.episodes.parsed import (
    MAX_AGO,
    MAX_COUNT,
    MAX_DURATION_SECONDS,
    SKEW,
    EpisodeParseError,
    Option,
    ParsedEpisode,
    Question,
    answer,
)
from bot.services.episodes.reading import read
from bot.services.episodes.rendering import render_episode_line
from bot.services.episodes.when import resolve
from bot.services.parsing import vocab
from bot.services.parsing.moments import utc

__all__ = [
    "MAX_AGO", "MAX_COUNT", "MAX_DURATION_SECONDS", "SKEW", "EpisodeParseError", "Option",
    "ParsedEpisode", "Question", "answer", "parse_episode", "render_episode_line",
]  # fmt: skip


def parse_episode(
    text: str, *, now: datetime, timezone: str, language: str | None = None
) -> ParsedEpisode:
    """Read one line of a report into an episode, or raise EpisodeParseError and save nothing.

    The note is what follows "note:" and the words not understood, as typed; the line itself
    is kept whole in ``text_as_typed``. The words are read in ``language`` (the reporter's,
    with English); the record is the same whatever the language.
    """
    with vocab.speaking(language):
        return _parse(text, now, timezone)


def _parse(text: str, now: datetime, timezone: str) -> ParsedEpisode:
    now, zone = utc(now), ZoneInfo(timezone)
    reading = read(text)
    said = [m for m in reading.matches if not (m.fact.field == "day" and m.fact.value == 0)]
    if reading.tokens and not said and reading.note is None:  # "today" alone says nothing
        raise EpisodeParseError("nothing_recognised")
    when = resolve(reading, now, zone)
    duration, duration_question = facts.durations(reading)
    count, count_question = facts.counts(reading)
    chosen, losers = facts.settle(reading)
    rescue = chosen.get("rescue")
    part = reading.of("part")
    setting = chosen.get("setting") or next(
        (m.fact.value.setting for m in part if m.fact.value.setting), None
    )
    return ParsedEpisode(
        occurred_at=when.start,
        window_end_at=when.end,
        kind=chosen.get("kind") or facts.kind_of_count(count.get("jerk_count")),
        body_parts=facts.collect(reading, "body_part"),
        intensity=chosen.get("intensity"),
        setting=setting,
        triggers=facts.collect(reading, "trigger"),
        rescue_medication=rescue.name if rescue else None,
        injury=chosen.get("injury", False),
        observer=chosen.get("observer"),
        notes=facts.notes(reading, losers),
        time_given=when.given,
        time_precision=when.precision,
        no_rescue=chosen.get("no_rescue", False),
        text_as_typed=text,
        question=duration_question or count_question or when.question,
        **duration,
        **count,
    )
