"""The medicines part of the digest text: each change with its windows and verdict, and doses."""

from __future__ import annotations

from datetime import datetime

from bot.services.digests.figures import Figures
from bot.services.digests.medicines import Effect, Window
from bot.services.doses.adherence import Tally
from bot.texts import t
from bot.views.digests.words import bounded, day_month
from bot.views.medications.changes import dose

UNIT_LIMIT = 5
MAX_CHANGES, MAX_MEDICINES = 4, 4


def _rate(window: Window) -> str:
    return "–" if window.rate is None else f"{window.rate:.1f}"


def _steps(n: int, language: str | None) -> str:
    return t("digest.steps", language, n=n)


def _verdict(effect: Effect, period_end: datetime, language: str | None) -> str:
    after = effect.window_after
    if effect.under_way or after is None:
        return t("digest.under_way", language, steps=_steps(effect.steps, language))
    if effect.responder is not None:
        return t("digest.responder" if effect.responder else "digest.not_responder", language)
    if not after.full:
        # Cut short by the period's end, or by the next change of any medicine.
        return t("digest.too_soon" if after.end >= period_end else "digest.cut_short", language)
    if not effect.window_before.full:
        return t("digest.short_before", language)
    return t("digest.none_before", language)


def _head(effect: Effect, day: str, language: str | None) -> str:
    name = bounded(effect.medication)
    if effect.after is None:
        return t("digest.change_stopped", language, day=day, name=name)
    after = dose(effect.after.amount, bounded(effect.after.unit, UNIT_LIMIT))
    if effect.before is None:
        return t("digest.change_started", language, day=day, name=name, after=after)
    before = dose(effect.before.amount, bounded(effect.before.unit, UNIT_LIMIT))
    head = t("digest.change", language, day=day, name=name, before=before, after=after)
    if effect.steps and not effect.under_way:
        head += " " + t("digest.titration", language, steps=_steps(effect.steps, language))
    return head


def _change(effect: Effect, figures: Figures, language: str | None) -> list[str]:
    head = _head(effect, day_month(figures.period.day_of(effect.at)), language)
    window, after_window = effect.window_before, effect.window_after
    if after_window is None:
        rates = t(
            "digest.window_before", language, before=_rate(window), before_days=round(window.days)
        )
    else:
        rates = t(
            "digest.windows",
            language,
            before=_rate(window),
            before_days=round(window.days),
            after=_rate(after_window),
            after_days=round(after_window.days),
        )
    return [head, f"   {rates}", f"   {_verdict(effect, figures.period.end, language)}"]


def changes(figures: Figures, language: str | None) -> list[str]:
    lines = [t("digest.changes_title", language)]
    if not figures.changes:
        return [*lines, t("digest.no_changes", language)]
    for effect in figures.changes[:MAX_CHANGES]:
        lines += _change(effect, figures, language)
    if len(figures.changes) > MAX_CHANGES:
        lines.append(t("digest.more_changes", language, n=len(figures.changes) - MAX_CHANGES))
    return lines


def given_percent(tallies: list[Tally]) -> int | None:
    """The share of doses given, on time or late, over every medicine; None with no doses."""
    total = sum(tally.total for tally in tallies)
    return round(100 * sum(t.given + t.late for t in tallies) / total) if total else None


def doses(figures: Figures, language: str | None) -> list[str]:
    lines = [t("digest.doses_title", language)]
    if not figures.adherence:
        return [*lines, t("digest.no_doses", language)]
    for tally in figures.adherence[:MAX_MEDICINES]:
        lines.append(
            t(
                "digest.dose_line",
                language,
                name=bounded(tally.name),
                given=given_percent([tally]),
                on_time=tally.given,
                late=tally.late,
                skipped=tally.skipped,
                missed=tally.missed,
            )
        )
    if len(figures.adherence) > MAX_MEDICINES:
        rest = figures.adherence[MAX_MEDICINES:]
        lines.append(t("digest.more_medicines", language, n=len(rest), given=given_percent(rest)))
    return lines
