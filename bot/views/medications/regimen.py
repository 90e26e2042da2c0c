"""The /meds screen: the regimen now or on a date, titration plans, and who is reminded when."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.recurrence import utc_to_local
from bot.replies import Button, Reply
from bot.services.doses.duties import Duties
from bot.services.medications.regimen import PlannedChange, RegimenEntry, RegimenPage
from bot.services.teams.permissions import Action, may
from bot.texts import t
from bot.views.common import escape
from bot.views.medications.changes import day_text, dose, dosing_text, medicine_name, recorder, when
from models import ChangeAction, Titration


def _last_change(
    entry: RegimenEntry, names: dict[int, str], timezone: str, language: str | None
) -> list[str]:
    change = entry.last_change
    lines = [
        t(
            "medications.regimen.since",
            language,
            day=day_text(utc_to_local(entry.since, timezone).date(), language),
        )
    ]
    if change.action != ChangeAction.START:
        day = day_text(utc_to_local(change.effective_at, timezone).date(), language)
        old, new = dosing_text(entry.previous, language), dosing_text(entry.dosing, language)
        lines.append(t("medications.regimen.changed", language, day=day, old=old, new=new))
    if change.reason:
        lines.append(t("medications.regimen.why", language, reason=escape(change.reason)))
    name = names.get(change.recorded_by_id) if change.recorded_by_id else None
    lines.append(
        t("medications.regimen.by", language, by=recorder(name, change.recorded_role, language))
    )
    return lines


def _plan_line(plan: Titration, entry: RegimenEntry, timezone: str, language: str | None) -> str:
    target = dose(plan.target, plan.unit)
    if plan.next_step_at is None:
        return t("medications.regimen.plan_paused", language, target=target)
    clamp = min if plan.step > 0 else max
    sign = "+" if plan.step > 0 else "−"
    return t(
        "medications.regimen.plan_active",
        language,
        step=sign + dose(abs(plan.step), plan.unit),
        days=plan.every_days,
        target=target,
        amount=dose(clamp(entry.dosing.amount + plan.step, plan.target), plan.unit),
        day=t(
            "medications.from_day",
            language,
            day=day_text(utc_to_local(plan.next_step_at, timezone).date(), language),
        ),
    )


def _plan_button(plan: Titration, name: str, language: str | None) -> Button:
    action = "resume" if plan.next_step_at is None else "pause"
    return Button(
        t(f"medications.regimen.button_{action}", language, name=name),
        Callback("titr", plan.id, action),
    )


def _planned_line(planned: PlannedChange, timezone: str, language: str | None) -> str:
    change = planned.change
    stopping = change.action == ChangeAction.STOP
    new = t("medications.stopped", language) if stopping else dosing_text(planned.after, language)
    return t(
        "medications.regimen.planned_line",
        language,
        when=when(change.effective_at, timezone, language),
        name=escape(planned.medication.name),
        old=dosing_text(planned.before, language),
        new=new,
    )


def regimen(page: RegimenPage, language: str | None = None) -> Reply:
    """The medicines now (or on a date): dose, times, since when, the last change and why."""
    tz, child = page.child.timezone, escape(page.child.name)
    if page.is_now:
        lines = [t("medications.regimen.title_now", language, child=child)]
    else:
        lines = [
            t(
                "medications.regimen.title_on",
                language,
                child=child,
                day=day_text(utc_to_local(page.moment, tz).date(), language),
            )
        ]
    if not page.entries:
        lines.append(t("medications.regimen.empty", language))
    buttons: list[list[Button]] = []
    for entry in page.entries:
        lines.append(
            t(
                "medications.regimen.entry",
                language,
                name=medicine_name(entry.medication),
                dosing=dosing_text(entry.dosing, language),
            )
        )
        lines += _last_change(entry, page.names, tz, language)
        plan = page.plans.get(entry.medication.id) if page.is_now else None
        if plan is not None:
            lines.append(_plan_line(plan, entry, tz, language))
            if may(page.viewer.role, Action.CHANGE_MEDICATION):
                buttons.append([_plan_button(plan, entry.medication.name, language)])
    if page.planned:
        lines += ["", t("medications.regimen.planned_title", language)]
        lines += [_planned_line(p, tz, language) for p in page.planned]
    return Reply("\n".join(lines), buttons)


def duties(found: Duties, language: str | None = None) -> Reply:
    """Who is reminded at each time of day."""
    lines = [t("medications.who.title", language, child=escape(found.child.name))]
    for duty in found.duties:
        people = ", ".join(escape(p.first_name) for p in duty.people)
        who = people or t("medications.who.nobody", language)
        if duty.is_default:
            who += t("medications.who.default", language)
        lines.append(t("medications.who.line", language, time=duty.time_of_day, who=who))
    if not found.duties:
        lines.append(t("medications.who.empty", language))
    lines += ["", t("medications.who.hint", language)]
    return Reply("\n".join(lines))
