"""Dose screens: the reminder and its buttons, each copy once answered, the missed alert, /doses."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.callbacks import Callback
from bot.recurrence import utc_to_local
from bot.replies import Button, Reply
from bot.services.doses.adherence import AdherenceReport
from bot.services.doses.answers import DoseLine, DosesOfDay, RepeatDoseWarning, Snoozed
from bot.services.doses.outcomes import DoseOutcome
from bot.services.doses.reminders import TIMING, DoseCall
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import format_clock
from bot.views.medications.changes import amount, day_text
from models import Child, DoseReminder, DoseStatus, Medication


def clock_time(moment: datetime, child: Child, language: str | None = None) -> str:
    """The time of ``moment`` on the child's wall clock, as 08:05."""
    return format_clock(utc_to_local(moment, child.timezone), language)


def medicine(reminder: DoseReminder, medication: Medication, language: str | None = None) -> str:
    """The medicine and the dose the reminder asked for (levetiracetam 500 mg)."""
    return t(
        "doses.medicine",
        language,
        name=escape(medication.name),
        amount=amount(reminder.dose_amount, language),
        unit=reminder.dose_unit,
    )


def _buttons(reminder: DoseReminder, language: str | None) -> list[list[Button]]:
    return [
        [
            Button(t(f"doses.button_{action}", language), Callback("dose", reminder.id, action))
            for action in ("given", "skipped", "snooze")
        ]
    ]


def reminder(
    call: DoseCall, *, title: str = "title", language: str | None = None, group: bool = False
) -> Reply:
    """The reminder of one dose with Given, Skipped and Snooze; the group copy says for whom."""
    lines = [
        t(
            f"doses.{title}",
            language,
            time=clock_time(call.reminder.scheduled_at, call.child, language),
            child=escape(call.child.name),
        ),
        medicine(call.reminder, call.medication, language),
    ]
    if group and call.recipients.in_group:
        names = ", ".join(escape(p.first_name) for p in call.recipients.in_group)
        lines.append(t("doses.for_whom", language, names=names))
    return Reply("\n".join(lines), _buttons(call.reminder, language))


def snoozed(found: Snoozed, language: str | None = None) -> Reply:
    """The pressed copy after Snooze: the same buttons, and until when."""
    head = t(
        "doses.title",
        language,
        time=clock_time(found.reminder.scheduled_at, found.child, language),
        child=escape(found.child.name),
    )
    lines = [
        head,
        medicine(found.reminder, found.medication, language),
        t(
            "doses.snoozed",
            language,
            name=escape(found.by),
            time=clock_time(found.until, found.child, language),
        ),
    ]
    return Reply("\n".join(lines), _buttons(found.reminder, language))


def duration(delay: timedelta, language: str | None = None) -> str:
    """A delay as people say it: 45 min, 7 h, 7 h 20 min."""
    hours, minutes = divmod(int(delay.total_seconds() // 60), 60)
    if not hours:
        return t("doses.minutes", language, minutes=minutes)
    if not minutes:
        return t("doses.hours", language, hours=hours)
    return t("doses.hours_minutes", language, hours=hours, minutes=minutes)


def _result(found: DoseOutcome, language: str | None) -> str:
    log, child = found.log, found.child
    name = escape(found.by or "")
    if log.status == DoseStatus.MISSED:
        deadline = found.reminder.scheduled_at + TIMING.missed_after
        return t("doses.outcome_missed", language, time=clock_time(deadline, child, language))
    if log.status == DoseStatus.SKIPPED:
        return t(
            "doses.outcome_skipped",
            language,
            name=name,
            time=clock_time(log.recorded_at, child, language),
        )
    delay = log.recorded_at - log.scheduled_at
    if delay > TIMING.late_after:
        return t(
            "doses.outcome_given_late",
            language,
            name=name,
            time=clock_time(log.recorded_at, child, language),
            delay=duration(delay, language),
        )
    return t(
        "doses.outcome_given",
        language,
        name=name,
        time=clock_time(log.recorded_at, child, language),
    )


def outcome(found: DoseOutcome, language: str | None = None) -> Reply:
    """Every copy of the reminder once answered: what happened, by whom, when; no buttons."""
    head = t(
        "doses.outcome_title",
        language,
        time=clock_time(found.reminder.scheduled_at, found.child, language),
        child=escape(found.child.name),
        medicine=medicine(found.reminder, found.medication, language),
    )
    return Reply(f"{head}\n{_result(found, language)}")


def already(found: DoseOutcome, language: str | None = None) -> str:
    """The alert for a press on a dose already answered."""
    log = found.log
    return t(
        f"doses.already_{log.status}",
        language,
        name=found.by or "",
        time=clock_time(log.recorded_at, found.child, language),
    )


def missed_alert(found: DoseOutcome, language: str | None = None) -> Reply:
    """Tell the team a dose was missed, with "It was given" and Acknowledge until answered."""
    log, child = found.log, found.child
    minutes = int(TIMING.missed_after.total_seconds() // 60)
    lines = [
        t("doses.missed_title", language, child=escape(child.name)),
        t(
            "doses.missed_line",
            language,
            medicine=medicine(found.reminder, found.medication, language),
            time=clock_time(found.reminder.scheduled_at, child, language),
            minutes=minutes,
        ),
    ]
    if log.acknowledged_at is not None:
        who = escape(found.acknowledged_by or "")
        seen = clock_time(log.acknowledged_at, child, language)
        lines.append(t("doses.acknowledged", language, name=who, time=seen))
    if log.status != DoseStatus.MISSED:
        lines.append(_result(found, language))
        return Reply("\n".join(lines))
    row = [
        Button(
            t("doses.button_given_after_all", language),
            Callback("dose", found.reminder.id, "given"),
        )
    ]
    if log.acknowledged_at is None:
        row.append(
            Button(
                t("doses.button_acknowledge", language), Callback("dose", found.reminder.id, "ack")
            )
        )
    return Reply("\n".join(lines), [row])


def warning(found: RepeatDoseWarning, language: str | None = None) -> Reply:
    """Ask before recording a second Given within the medicine's interval."""
    by = t("doses.warning_by", language, name=escape(found.by)) if found.by else ""
    text = t(
        "doses.warning",
        language,
        name=escape(found.medication.name),
        time=clock_time(found.earlier.recorded_at, found.child, language),
        by=by,
        slot=clock_time(found.reminder.scheduled_at, found.child, language),
    )
    rows = [
        [
            Button(
                t("doses.button_anyway", language), Callback("dose", found.reminder.id, "anyway")
            ),
            Button(t("doses.button_back", language), Callback("dose", found.reminder.id, "back")),
        ]
    ]
    return Reply(text, rows)


def _state(line: DoseLine, child: Child, now: datetime, language: str | None) -> str:
    log = line.log
    if log is None:
        key = "waiting" if line.called else "due" if line.scheduled_at > now else "unanswered"
        return t(f"doses.state_{key}", language)
    name, at = escape(line.by or ""), clock_time(log.recorded_at, child, language)
    if log.status == DoseStatus.GIVEN:
        late = log.recorded_at - log.scheduled_at > TIMING.late_after
        return t(f"doses.state_given{'_late' if late else ''}", language, name=name, time=at)
    return t(f"doses.state_{log.status}", language, name=name)


def day(found: DosesOfDay, now: datetime, language: str | None = None) -> Reply:
    """Today's doses and what became of each."""
    child = found.child
    lines = [
        t("doses.day_title", language, child=escape(child.name), day=day_text(found.day, language))
    ]
    for line in found.lines:
        dosing = line.dosing
        text = t(
            "doses.medicine",
            language,
            name=escape(line.medication.name),
            amount=amount(dosing.amount, language),
            unit=dosing.unit,
        )
        lines.append(
            t(
                "doses.day_line",
                language,
                time=clock_time(line.scheduled_at, child, language),
                medicine=text,
                state=_state(line, child, now, language),
            )
        )
    if not found.lines:
        lines.append(t("doses.day_empty", language))
    return Reply("\n".join(lines))


def adherence(report: AdherenceReport, days: int, language: str | None = None) -> Reply:
    """Per medicine: doses given, late, skipped and missed, as counts and percentages."""
    child = report.child
    since, until = (
        day_text(utc_to_local(m, child.timezone).date(), language)
        for m in (report.since, report.until)
    )
    lines = [
        t(
            "doses.adherence_title",
            language,
            child=escape(child.name),
            days=days,
            since=since,
            until=until,
        )
    ]
    for tally in report.tallies:
        lines.append(
            t("doses.adherence_medicine", language, name=escape(tally.name), total=tally.total)
        )
        counts = {k: getattr(tally, k) for k in ("given", "late", "skipped", "missed")}
        percents = {f"{k}_pct": tally.percent(v) for k, v in counts.items()}
        lines.append(t("doses.adherence_counts", language, **counts, **percents))
    if not report.tallies:
        lines.append(t("doses.adherence_empty", language))
    return Reply("\n".join(lines))
