"""Titration screens: a step taking effect, and a plan paused or resumed."""

from __future__ import annotations

from datetime import date

from bot.replies import Reply
from bot.services.medications.titration import AppliedStep, PlanState
from bot.texts import t
from bot.views.common import escape
from bot.views.medications.changes import day_text, dose, dosing_text, medicine_name, when


def _from(day: date, language: str | None) -> str:
    return t("medications.from_day", language, day=day_text(day, language))


def step(applied: AppliedStep, language: str | None = None) -> Reply:
    """A titration step taking effect today, and the next one."""
    child, change = applied.child, applied.change
    lines = [
        t("medications.relay.step_title", language, child=escape(child.name)),
        t(
            "medications.relay.line",
            language,
            name=medicine_name(applied.medication),
            old=dosing_text(applied.before, language),
            new=dosing_text(applied.after, language),
        ),
        t(
            "medications.relay.when",
            language,
            when=when(change.effective_at, child.timezone, language),
        ),
    ]
    if applied.upcoming:
        day, value = applied.upcoming[0]
        next_dose = dose(value, applied.plan.unit)
        lines.append(
            t("medications.relay.step_next", language, amount=next_dose, day=_from(day, language))
        )
    else:
        lines.append(t("medications.relay.step_last", language))
    return Reply("\n".join(lines))


def plan_state(state: PlanState, by: str, language: str | None = None) -> Reply:
    """A titration plan paused or resumed, for the team."""
    medication, name = state.medication, escape(state.medication.name)
    child, who = escape(state.child.name), escape(by)
    if state.plan.next_step_at is None:
        dosing = dose(medication.dose_amount, medication.dose_unit)
        return Reply(
            t("medications.plan.paused", language, child=child, name=name, dosing=dosing, by=who)
        )
    day, value = state.upcoming[0]
    return Reply(
        t(
            "medications.plan.resumed",
            language,
            child=child,
            name=name,
            amount=dose(value, state.plan.unit),
            day=_from(day, language),
            by=who,
        )
    )
