"""How one episode reads in every view: when, what was seen, where, rescue, notes and who."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services.episodes.history import Card
from bot.services.episodes.vocabulary import UNSPECIFIED_RESCUE
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import format_clock, format_day, format_moment
from bot.views.limits import MAX_TEXT, clip
from models import Child, Episode, EpisodeKind
from models.episode import DurationBound, TimePrecision

LATE = timedelta(minutes=15)  # an entry this late says so in the relay; history always says
NOTE_LIMIT = 300  # how much of a note a relay or a receipt shows; the record keeps it all
NAMES_LIMIT = 300  # how much of the list of other observers a card shows
# A time said as a part of the day is shown as the part its saved hour falls in.
PARTS = {"morning": (5, 11), "afternoon": (12, 16), "evening": (17, 20), "late": (21, 23)}


def duration(seconds: int, language: str | None = None) -> str:
    """A duration in plain words: "45 s", "2 min", "1 min 30 s", "1 h 5 min"."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        t(f"episodes.duration.{unit}", language, n=value)
        for value, unit in ((hours, "hours"), (minutes, "minutes"), (secs, "seconds"))
        if value
    ]
    return " ".join(parts) or t("episodes.duration.seconds", language, n=0)


def lasted(
    low: int | None, high: int | None, bound: DurationBound | None, language: str | None = None
) -> str | None:
    """How long, as said: "45 s", "2–3 min", "45 s–2 min", "under 10 s", "over 5 min"."""
    if high is not None and bound is not None:
        if low is None:
            return t("episodes.lasted.under", language, high=duration(high, language))
        return _range(low, high, language)
    if low is not None and bound is not None:
        return t("episodes.lasted.over", language, low=duration(low, language))
    return None if low is None else duration(low, language)


def _range(low: int, high: int, language: str | None) -> str:
    """ "10–30 s" and "2–3 min" in one unit when both are whole in it, else "45 s–2 min"."""
    if high < 60:
        return t("episodes.duration.seconds_range", language, low=low, high=high)
    if low % 60 == 0 and high % 60 == 0 and high < 3600:
        return t("episodes.duration.minutes_range", language, low=low // 60, high=high // 60)
    low_text, high_text = duration(low, language), duration(high, language)
    return t("episodes.lasted.range", language, low=low_text, high=high_text)


def _lasted(episode: Episode, language: str | None) -> str | None:
    return lasted(
        episode.duration_seconds, episode.duration_max_seconds, episode.duration_bound, language
    )


def _counted(episode: Episode, language: str | None) -> str | None:
    """How many, as said: "1 jerk", "about 5 jerks", "8–10 jerks", "under 5 jerks"."""
    count, most = episode.jerk_count, episode.count_max
    if count is None:
        return None if most is None else t("episodes.count.under", language, n=most)
    if most is not None:
        return t("episodes.count.range", language, low=count, high=most)
    if episode.count_approximate:
        return t("episodes.count.about", language, n=count)
    return t("episodes.count.jerks", language, n=count)


def part_of_day(hour: int) -> str:
    """The part of the day an hour falls in: morning, afternoon, evening, late or night."""
    for part, (first, last) in PARTS.items():
        if first <= hour <= last:
            return part
    return "night"


def moment(
    at: datetime,
    timezone: str,
    now: datetime,
    language: str | None = None,
    precision: TimePrecision = TimePrecision.EXACT,
) -> str:
    """A time in the child's zone as precisely as it was said: "at 10:15", "at about 07:00",
    "yesterday evening", "on Tue 24 Nov", "on Tue 24 Nov at 21:30"."""
    zone = ZoneInfo(timezone)
    local, today = at.astimezone(zone), now.astimezone(zone).date()
    on = "today" if local.date() == today else None
    if local.date() == today - timedelta(days=1):
        on = "yesterday"
    day = format_day(local, "day", language)
    if precision == TimePrecision.DAY:
        return t(f"episodes.on_day.{on or 'other'}", language, day=day)
    if precision == TimePrecision.PART_OF_DAY:
        part = part_of_day(local.hour)
        return t(f"episodes.part.{on or 'other'}.{part}", language, day=day)
    time = format_clock(local, language)
    about = "_about" if precision == TimePrecision.ABOUT else ""
    if on == "today":
        return t(f"episodes.today_at{about}", language, time=time)
    if on == "yesterday":
        return t(f"episodes.yesterday_at{about}", language, time=time)
    return t(f"episodes.day_at{about}", language, day=day, time=time)


def stamp(episode: Episode, timezone: str, language: str | None = None) -> str:
    """When, in a list: "Tue 24 Nov 21:30", "Tue 24 Nov ~07:00", "Tue 24 Nov, evening"."""
    local = episode.occurred_at.astimezone(ZoneInfo(timezone))
    day, time = format_day(local, "day", language), format_clock(local, language)
    if episode.time_precision == TimePrecision.DAY:
        return day
    if episode.time_precision == TimePrecision.PART_OF_DAY:
        part = t(f"episodes.part_word.{part_of_day(local.hour)}", language)
        return t("episodes.stamp_part", language, day=day, part=part)
    if episode.time_precision == TimePrecision.ABOUT:
        return t("episodes.stamp_about", language, day=day, time=time)
    return format_moment(local, "moment_plain", language)


def when(episode: Episode, timezone: str, now: datetime, language: str | None = None) -> str:
    """When an episode happened, as precisely as it was said, with the end of its window."""
    precision = episode.time_precision or TimePrecision.EXACT
    start = moment(episode.occurred_at, timezone, now, language, precision)
    if episode.window_end_at is None:
        return start
    end = format_clock(episode.window_end_at.astimezone(ZoneInfo(timezone)), language)
    return t("episodes.window", language, start=start, end=end)


def entry_delay(episode: Episode) -> timedelta:
    """How long after the episode (or the end of its window) it was entered."""
    end = episode.window_end_at or episode.occurred_at
    return max(episode.created_at - end, timedelta(0))


def looked(episode: Episode, language: str | None = None) -> list[str]:
    """What was seen: how long, how many, what kind, where on the body, how strong."""
    facts = [fact for fact in (_lasted(episode, language), _counted(episode, language)) if fact]
    implied = episode.jerk_count is not None and episode.kind in (
        EpisodeKind.CLUSTER,
        EpisodeKind.SINGLE_JERK,
    )
    if episode.kind is not None and not implied:
        facts.append(t(f"episodes.kind.{episode.kind}", language))
    facts += [t(f"episodes.body.{part}", language) for part in episode.body_parts]
    if episode.intensity is not None:
        facts.append(t(f"episodes.intensity.{episode.intensity}", language))
    if episode.injury:
        facts.append(t("episodes.injury", language))
    return facts


def _where_and_why(episode: Episode, language: str | None) -> list[str]:
    facts = []
    if episode.setting:
        place = t(f"episodes.setting.{episode.setting}", language)
        facts.append(t("episodes.at", language, setting=place))
    if episode.triggers:
        names = ", ".join(t(f"episodes.trigger.{name}", language) for name in episode.triggers)
        facts.append(t("episodes.triggers", language, triggers=names))
    return facts


def _people(card: Card, show_delay: bool, language: str | None) -> str:
    if card.reporter is None:
        facts = [t("episodes.reporter_gone", language)]
    else:
        role = t(f"permissions.role.{card.role}", language) if card.role else "—"
        facts = [t("episodes.reporter", language, name=escape(card.reporter), role=role)]
    if card.episode.observer:
        facts.append(t("episodes.seen_by", language, observer=escape(card.episode.observer)))
    if card.also_seen_by:
        names = escape(clip(", ".join(card.also_seen_by), NAMES_LIMIT))
        facts.append(t("episodes.also_seen_by", language, names=names))
    if show_delay:
        minutes = int(entry_delay(card.episode).total_seconds()) // 60 * 60
        facts.append(t("episodes.late", language, delay=duration(minutes, language)))
    return " · ".join(facts)


def body(
    card: Card,
    child: Child,
    now: datetime,
    language: str | None = None,
    *,
    urgent: bool = False,
    delay_from: timedelta = LATE,
    note_room: int = NOTE_LIMIT,
) -> list[str]:
    """The lines every view of an episode shares: when, what, where, rescue, notes, who.

    The note shows its first ``note_room`` units, then "…".
    """
    episode = card.episode
    head = "episodes.head_urgent" if urgent else "episodes.head"
    moment_said = when(episode, child.timezone, now, language)
    lines = [t(head, language, child=escape(child.name), when=moment_said)]
    if episode.corrected_at is not None:
        lines[0] += " " + t("episodes.edited", language)
    lines += [
        " · ".join(f) for f in (looked(episode, language), _where_and_why(episode, language)) if f
    ]
    if episode.rescue_medication == UNSPECIFIED_RESCUE:
        lines.append(t("episodes.rescue_unnamed", language))
    elif episode.rescue_medication:
        medicine = escape(episode.rescue_medication)
        lines.append(t("episodes.rescue", language, medicine=medicine))
    if episode.notes:
        note = escape(clip(episode.notes, note_room))
        lines.append(t("episodes.notes", language, notes=note))
    if episode.attachment_file_ids:
        lines.append(t("episodes.attached", language, files=attachments(episode, language)))
    late = entry_delay(episode) >= max(delay_from, timedelta(minutes=1))
    lines.append(_people(card, late, language))
    return lines


def attachments(episode: Episode, language: str | None = None) -> str:
    """What is attached to a report, in words: "video", "photo, voice message"."""
    kinds = list((episode.details or {}).get("attachment_kinds", []))
    kinds += ["file"] * (len(episode.attachment_file_ids) - len(kinds))
    known = {"photo", "video", "video_note", "voice"}
    return ", ".join(
        t(f"episodes.attachment.{kind if kind in known else 'file'}", language) for kind in kinds
    )


def plan_block(child: Child, language: str | None = None, room: int = MAX_TEXT) -> list[str]:
    """The action plan, as shown under an urgent episode (its first ``room`` units)."""
    if child.action_plan:
        plan = escape(clip(child.action_plan, room))
    else:
        plan = t("episodes.no_plan", language)
    return [t("episodes.plan_title", language), plan]
