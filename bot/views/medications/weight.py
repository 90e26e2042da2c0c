"""Weight and bedtime screens: the dose worked out from mg/kg/day, the weight question, settings."""

from __future__ import annotations

from decimal import Decimal

from bot.callbacks import Callback
from bot.recurrence import utc_to_local
from bot.replies import Button, Reply
from bot.services.medications.changes import WeightAsked
from bot.services.medications.per_kg import PerKg
from bot.services.medications.proposals import Proposal
from bot.services.medications.settings import Setting
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import decimal, format_day


def amount(value: Decimal, language: str | None = None) -> str:
    """A number as people write it: 220, 112.5, 0.045 (112,5 in Spanish)."""
    return decimal(value, language)


def _how(doses_a_day: int, language: str | None) -> str:
    """How often the dose is taken: once daily, twice daily, 3 times daily, as needed."""
    if doses_a_day == 0:
        return t("medications.weight.as_needed", language)
    if doses_a_day <= 2:
        return t(f"medications.weight.{('once', 'twice')[doses_a_day - 1]}", language)
    return t("medications.weight.times", language, count=doses_a_day)


def worked_out(basis: PerKg, language: str | None = None) -> str:
    """``10 mg/kg/day × 22 kg = 220 mg a day, 110 mg twice daily``."""
    key = "worked_out_rounded" if basis.rounded else "worked_out"
    return t(
        f"medications.weight.{key}",
        language,
        per_kg=amount(basis.per_kg_day, language),
        weight=amount(basis.weight_kg, language),
        daily=amount(basis.daily, language),
        dose=amount(basis.dose, language),
        how=_how(basis.doses_a_day, language),
    )


def per_kg_lines(proposal: Proposal, language: str | None = None) -> list[str]:
    """The working-out of a dose from the weight, and when that weight was recorded."""
    assert proposal.basis is not None
    lines = [worked_out(proposal.basis, language)]
    if proposal.weighed_at is not None:
        local = utc_to_local(proposal.weighed_at, proposal.child.timezone)
        lines.append(
            t("medications.weight.weighed", language, day=format_day(local, "day_year", language))
        )
    return lines


def relay_line(per_kg_day: Decimal, weight_kg: Decimal, language: str | None = None) -> str:
    """What the team is told a recorded dose was worked out from."""
    return t(
        "medications.weight.relay",
        language,
        per_kg=amount(per_kg_day, language),
        weight=amount(weight_kg, language),
    )


def question(asked: WeightAsked, language: str | None = None) -> Reply:
    """Ask for the child's weight (saying the last one, if it is too old), with Cancel."""
    child = escape(asked.child.name)
    if asked.last_kg is not None and asked.last_at is not None:
        day = utc_to_local(asked.last_at, asked.child.timezone)
        text = t(
            "medications.weight.ask_again",
            language,
            child=child,
            weight=amount(asked.last_kg, language),
            day=format_day(day, "day_year", language),
        )
    else:
        text = t("medications.weight.ask", language, child=child)
    cancel = Button(
        t("medications.confirm.button_cancel", language), Callback("med", asked.ticket, "cancel")
    )
    return Reply(text, [[cancel]])


def weight(setting: Setting, language: str | None = None) -> Reply:
    """The child's weight: just recorded, as recorded, or none yet."""
    child = setting.child
    name = escape(child.name)
    if child.weight_kg is None or child.weight_recorded_at is None:
        return Reply(t("medications.weight.none", language, child=name))
    kg = amount(child.weight_kg, language)
    if setting.changed:
        return Reply(t("medications.weight.saved", language, child=name, weight=kg))
    day = utc_to_local(child.weight_recorded_at, child.timezone)
    return Reply(
        t(
            "medications.weight.shown",
            language,
            child=name,
            weight=kg,
            day=format_day(day, "day_year", language),
        )
    )


def bedtime(setting: Setting, language: str | None = None) -> Reply:
    """The child's bedtime, just set or as it is."""
    key = "saved" if setting.changed else "shown"
    return Reply(
        t(
            f"medications.bedtime.{key}",
            language,
            child=escape(setting.child.name),
            time=setting.child.bedtime,
        )
    )
