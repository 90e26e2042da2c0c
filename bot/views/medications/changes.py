"""Regimen screens: /meds, the relay of each change, confirmations, titration steps, /med who."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from bot.callbacks import Callback
from bot.recurrence import utc_to_local
from bot.replies import Button, Reply
from bot.services.medications.changes import ConfirmReason, Pending, Proposal, Recorded
from bot.services.medications.dose_ranges import Finding
from bot.services.medications.drugs import resolve
from bot.services.medications.regimen import Dosing
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import decimal, format_clock, format_day
from bot.views.medications import weight as weight_views
from bot.views.teams.members import role_name
from models import ChangeAction, Medication, Role, Titration

PLAN_STEPS_SHOWN = 5


def amount(value: Decimal, language: str | None = None) -> str:
    """A dose as people write it: 250, 2.5, 0.25 (never 250.0000 or 2.5E+2); 2,5 in Spanish."""
    return decimal(value, language)


def dose(value: Decimal, unit: str) -> str:
    """An amount and its unit: 250 mg."""
    return f"{amount(value)} {unit}"


def dosing_text(dosing: Dosing | None, language: str | None = None) -> str:
    """How a medicine is taken: 250 mg at 08:00, 20:00; 5 mg as needed; or not taken."""
    if dosing is None:
        return t("medications.not_taken", language)
    if not dosing.times:
        return t(
            "medications.dosing_as_needed",
            language,
            amount=amount(dosing.amount, language),
            unit=dosing.unit,
        )
    return t(
        "medications.dosing",
        language,
        amount=amount(dosing.amount, language),
        unit=dosing.unit,
        times=", ".join(dosing.times),
    )


def day_text(day: date, language: str | None = None) -> str:
    """A day with its year (Wed 25 Nov 2026), so a date in the history is never ambiguous."""
    return format_day(day, "day_year", language)


def when(moment: datetime, timezone: str, language: str | None = None) -> str:
    """When a change applies: from a whole day (from Thu 26 Nov 2026), or from a moment."""
    local = utc_to_local(moment, timezone)
    if local.hour == local.minute == 0:
        return t("medications.from_day", language, day=day_text(local.date(), language))
    day, time = day_text(local.date(), language), format_clock(local, language)
    return t("medications.from_moment", language, day=day, time=time)


def medicine_name(medication: Medication) -> str:
    """The generic name (and what was typed, for a brand); a name unknown to us, as typed."""
    typed = medication.name_as_typed
    if not resolve(typed).known:
        return escape(typed)
    name = escape(medication.name)
    if typed.lower() == medication.name:
        return name
    return t("medications.typed_as", name=name, typed=escape(typed))


def recorder(name: str | None, role: Role | None, language: str | None = None) -> str:
    """Who recorded a change, in which role (a titration step is recorded by its plan)."""
    if role is None:
        return t("medications.by_plan", language)
    who = escape(name) if name else t("medications.someone", language)
    return t("medications.by", language, name=who, role=role_name(role, language))


def _plan_lines(
    plan: Titration, steps: list[tuple[date, Decimal]], language: str | None
) -> list[str]:
    sign = "+" if plan.step > 0 else "−"
    lines = [
        t(
            "medications.relay.plan",
            language,
            step=sign + dose(abs(plan.step), plan.unit),
            days=plan.every_days,
            target=dose(plan.target, plan.unit),
        )
    ]
    for day, value in steps[:PLAN_STEPS_SHOWN]:
        lines.append(
            t(
                "medications.relay.plan_step",
                language,
                amount=dose(value, plan.unit),
                day=t("medications.from_day", language, day=day_text(day, language)),
            )
        )
    if len(steps) > PLAN_STEPS_SHOWN:
        lines.append(
            t("medications.relay.plan_more", language, count=len(steps) - PLAN_STEPS_SHOWN)
        )
    return lines


def relay(recorded: Recorded, language: str | None = None) -> Reply:
    """The one message that tells the team about a change: old → new, when, why, by whom."""
    change, child = recorded.change, recorded.child
    new = (
        t("medications.stopped", language)
        if change.action == ChangeAction.STOP
        else dosing_text(recorded.after, language)
    )
    lines = [
        t(f"medications.relay.title_{change.action}", language, child=escape(child.name)),
        t(
            "medications.relay.line",
            language,
            name=medicine_name(recorded.medication),
            old=dosing_text(recorded.before, language),
            new=new,
        ),
        t(
            "medications.relay.when",
            language,
            when=when(change.effective_at, child.timezone, language),
        ),
    ]
    if change.dose_per_kg_day is not None and change.weight_kg is not None:
        basis = weight_views.relay_line(change.dose_per_kg_day, change.weight_kg, language)
        lines.insert(2, basis)
    if change.reason:
        lines.append(t("medications.relay.why", language, reason=escape(change.reason)))
    lines.append(
        t(
            "medications.relay.recorded_by",
            language,
            by=recorder(recorded.recorder.first_name, change.recorded_role, language),
        )
    )
    if recorded.ended_plan is not None:
        target = dose(recorded.ended_plan.target, recorded.ended_plan.unit)
        lines.append(t("medications.relay.plan_ended", language, target=target))
    if recorded.plan is not None:
        lines += _plan_lines(recorded.plan, recorded.steps, language)
    return Reply("\n".join(lines))


def _ratio(before: Decimal, after: Decimal, language: str | None) -> tuple[str, str]:
    """The text key and the ratio: "4" (×) going up; "1/4" or "30%" going down."""
    if after > before:
        return "medications.confirm.dose_ratio_up", amount(round(after / before, 2), language)
    inverse = before / after
    if inverse == inverse.to_integral_value():
        return "medications.confirm.dose_ratio_down", f"1/{amount(inverse, language)}"
    return "medications.confirm.dose_ratio_down", f"{round(100 * after / before)}%"


def _range_line(finding: Finding, language: str | None) -> str:
    """A daily amount outside a child's usual range, and the limit it passes."""
    total = f"{finding.daily.normalize():,f} {finding.unit}"
    if finding.mg_per_ml is None:
        daily = t("medications.confirm.per_day", language, amount=total)
    else:
        strength = amount(finding.mg_per_ml, language)
        daily = t("medications.confirm.per_day_liquid", language, amount=total, strength=strength)
    key = "target_above" if finding.of_target else f"dose_{finding.side}"
    return t(
        f"medications.confirm.{key}",
        language,
        daily=daily,
        name=escape(finding.generic),
        limit=f"{finding.limit.normalize():,f} {finding.unit}",
    )


def _check_line(check: ConfirmReason, proposal: Proposal, language: str | None) -> str:
    before, after = proposal.before, proposal.after
    if check == ConfirmReason.UNKNOWN_NAME:
        return t(
            "medications.confirm.unknown_name",
            language,
            name=escape(proposal.command.name_as_typed),
        )
    if check == ConfirmReason.SPELLING:
        return t(
            "medications.confirm.spelling",
            language,
            typed=escape(proposal.command.name_as_typed),
            name=escape(proposal.command.drug.generic),
        )
    if check == ConfirmReason.STOP:
        assert proposal.medication is not None
        return t(
            "medications.confirm.stop",
            language,
            name=escape(proposal.medication.name),
            dosing=dosing_text(before, language),
            when=when(proposal.command.effective_at, proposal.child.timezone, language),
        )
    if check == ConfirmReason.DOSE_RANGE:
        assert proposal.finding is not None
        return _range_line(proposal.finding, language)
    assert before is not None and after is not None
    old, new = dose(before.amount, before.unit), dose(after.amount, after.unit)
    if check == ConfirmReason.UNIT:
        return t("medications.confirm.unit", language, old=old, new=new)
    key, ratio = _ratio(before.amount, after.amount, language)
    return t(key, language, ratio=ratio, old=old, new=new)


def confirm(pending: Pending, language: str | None = None) -> Reply:
    """Ask the recorder to confirm a risky change, naming exactly what is risky."""
    proposal = pending.proposal
    name = escape(
        proposal.medication.name if proposal.medication else proposal.command.drug.generic
    )
    new = (
        dosing_text(proposal.after, language)
        if proposal.after
        else t("medications.stopped", language)
    )
    lines = [
        t("medications.confirm.title", language),
        t(
            "medications.relay.line",
            language,
            name=name,
            old=dosing_text(proposal.before, language),
            new=new,
        ),
        *(
            line
            for check in proposal.checks
            for line in (
                weight_views.per_kg_lines(proposal, language)
                if check == ConfirmReason.PER_KG
                else [_check_line(check, proposal, language)]
            )
        ),
        t("medications.confirm.question", language),
    ]
    buttons = [
        Button(
            t("medications.confirm.button_yes", language),
            Callback("med", pending.ticket, "confirm"),
        ),
        Button(
            t("medications.confirm.button_cancel", language),
            Callback("med", pending.ticket, "cancel"),
        ),
    ]
    return Reply("\n".join(lines), [buttons])


def cancelled(language: str | None = None) -> Reply:
    """The recorder tapped Cancel."""
    return Reply(t("medications.confirm.cancelled", language))
