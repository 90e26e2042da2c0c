"""The digest as one reader reads it: Telegram HTML that fits a phone and Telegram's limits.

Every part that grows with the data is capped (names cut, at most a few changes, medicines
and follow-ups), so the message stays under 4096 characters and the caption under 1024
whatever the record holds.
"""

from __future__ import annotations

from bot.replies import Reply
from bot.services.digests.episodes import Compared
from bot.services.digests.figures import Figures
from bot.texts import has, t
from bot.views.common import local_time
from bot.views.digests import medicines
from bot.views.digests.words import bounded, day_month
from bot.views.episodes.card import duration

CHILD_LIMIT, TITLE_LIMIT, TRIGGER_LIMIT = 32, 32, 12
MAX_FOLLOWUPS = 3


def _header(figures: Figures, language: str | None) -> str:
    period = figures.period
    last = f"{day_month(period.last, language)} {period.last.year}"
    child = bounded(figures.child.name, CHILD_LIMIT)
    return t(
        "digest.title", language, child=child, first=day_month(period.first, language), last=last
    )


def _against(counted: Compared, language: str | None) -> str:
    """The comparison: "before 7, +43%", or "none before"."""
    if counted.percent is None:
        return t("digest.before_none", language)
    if counted.percent == 0:
        change = t("digest.same", language)
    else:
        key = "digest.up" if counted.percent > 0 else "digest.down"
        change = t(key, language, percent=abs(counted.percent))
    return t("digest.before", language, before=counted.before, change=change)


def _frequency(figures: Figures, language: str | None) -> list[str]:
    found, severity, days = figures.frequency, figures.severity, figures.period.days
    lines = [
        t("digest.better_title", language),
        t(
            "digest.episodes",
            language,
            now=found.episodes.now,
            before=_against(found.episodes, language),
        ),
        t(
            "digest.episode_days",
            language,
            now=found.episode_days.now,
            days=days,
            before=_against(found.episode_days, language),
        ),
    ]
    if any(c.small and c.percent is not None for c in (found.episodes, found.episode_days)):
        lines.append(t("digest.small", language))
    if figures.record_start is not None:
        lines.append(
            t("digest.record_start", language, day=day_month(figures.record_start, language))
        )
    lines.append(t("digest.free_days", language, days=found.free_days, run=found.longest_free_run))
    if found.jerk_days:
        lines.append(
            t(
                "digest.jerks",
                language,
                days=found.jerk_days,
                median=f"{found.jerks_median:g}",
                most=found.jerks_max,
            )
        )
    threshold = duration(severity.threshold_seconds, language)
    lines.append(
        t(
            "digest.severity",
            language,
            size=severity.cluster_episodes,
            hours=severity.cluster_hours,
            clusters=severity.clusters,
            threshold=threshold,
            long=severity.long,
            rescue=severity.rescue,
        )
    )
    return lines


def _parts(counts: tuple[tuple[str, int], ...], prefix: str, language: str | None) -> str:
    shown = [
        t("digest.part", language, label=t(f"{prefix}.{key}", language), n=n)
        for key, n in counts
        if n
    ]
    return " · ".join(shown)


def _trigger(key: str, language: str | None) -> str:
    known = f"episodes.trigger.{key}"
    return t(known, language) if has(known) else bounded(key, TRIGGER_LIMIT)


def _pattern(figures: Figures, language: str | None) -> list[str]:
    found = figures.pattern
    if not figures.frequency.episodes.now:
        return []
    times = (*found.times, ("waking", found.waking), ("sleep", found.sleep))
    triggers = ", ".join(f"{_trigger(key, language)} {n}" for key, n in found.triggers)
    return [
        t("digest.where_title", language),
        _parts(found.places, "digest.place", language),
        _parts(times, "digest.time", language),
        t("digest.triggers", language, triggers=triggers)
        if triggers
        else t("digest.no_triggers", language),
        t(
            "digest.after_doses",
            language,
            episodes=found.after_dose_not_given,
            doses=found.doses_not_given,
        ),
    ]


def _trust(figures: Figures, language: str | None) -> list[str]:
    found = figures.trust
    lines = [
        t("digest.trust_title", language),
        t("digest.silent", language, days=found.silent_days, of=figures.period.days),
    ]
    if found.episodes:
        lines.append(t("digest.witnessed", language, n=found.witnessed, of=found.episodes))
    if found.median_delay_minutes is not None:
        delay = duration(found.median_delay_minutes * 60, language)
        lines.append(t("digest.delay", language, delay=delay))
    reporters = _parts(found.reporters, "digest.reporter", language)
    if reporters:
        lines.append(t("digest.reporters", language, reporters=reporters))
    return lines


def _followups(figures: Figures, language: str | None) -> list[str]:
    lines = [t("digest.followups_title", language)]
    for upcoming in figures.followups[:MAX_FOLLOWUPS]:
        when = local_time(upcoming.times[0], figures.child.timezone, "moment_plain", language)
        title = bounded(upcoming.followup.title, TITLE_LIMIT)
        lines.append(t("digest.followup", language, when=when, title=title))
    return lines if figures.followups else [*lines, t("digest.no_followups", language)]


def message(figures: Figures, language: str | None = None) -> Reply:
    """The whole digest as one message."""
    before = figures.period.previous()
    days = figures.period.days
    sections = [
        [
            _header(figures, language),
            t(
                "digest.compared",
                language,
                days=days,
                first=day_month(before.first, language),
                last=day_month(before.last, language),
            ),
        ],
        _frequency(figures, language),
        _pattern(figures, language),
        medicines.changes(figures, language),
        medicines.doses(figures, language),
        _trust(figures, language),
        _followups(figures, language),
    ]
    return Reply("\n\n".join("\n".join(lines) for lines in sections if lines))


def caption(figures: Figures, language: str | None = None) -> str:
    """The few lines that go under the chart."""
    found, severity = figures.frequency, figures.severity
    threshold = duration(severity.threshold_seconds, language)
    record = [t("digest.caption_silent", language, silent=figures.trust.silent_days)]
    given = medicines.given_percent(figures.adherence)
    if given is not None:
        record.insert(0, t("digest.caption_doses", language, given=given))
    return "\n".join(
        [
            _header(figures, language),
            t(
                "digest.caption_frequency",
                language,
                now=found.episodes.now,
                before=_against(found.episodes, language),
                days=found.episode_days.now,
                days_before=_against(found.episode_days, language),
            ),
            t(
                "digest.caption_severity",
                language,
                clusters=severity.clusters,
                threshold=threshold,
                long=severity.long,
                rescue=severity.rescue,
            ),
            " · ".join(record),
        ]
    )
