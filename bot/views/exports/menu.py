"""The /export screens: format, period, names (FHIR, guardians), and the file's caption.

Buttons: ``exp:<child id>:format:<pdf|csv|fhir>``, ``exp:<child id>:period:<format>.<choice>``,
``exp:<child id>:name:fhir.<choice>.<0|1>`` and ``exp:<child id>:menu`` (back to the start).
"""

from __future__ import annotations

from bot.callbacks import Callback
from bot.recurrence import utc_to_local
from bot.replies import Button, Reply
from bot.services.digests.period import Period
from bot.services.exports.export import CHOICES, Export, Format
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import format_day, format_moment
from models import Child

PREFIX = "exp"


def _button(key: str, child: Child, action: str, arg: str | None, language: str | None) -> Button:
    return Button(t(f"exports.{key}", language), Callback(PREFIX, child.id, action, arg))


def choose_format(child: Child, language: str | None = None) -> Reply:
    rows = [[_button(f"format_{f}", child, "format", str(f), language)] for f in Format]
    return Reply(t("exports.choose_format", language, child=escape(child.name)), rows)


def choose_period(child: Child, format: Format, language: str | None = None) -> Reply:
    rows = [
        [_button(f"period_{c}", child, "period", f"{format}.{c}", language) for c in pair]
        for pair in (CHOICES[:2], CHOICES[2:])
    ]
    rows.append([_button("button_back", child, "menu", None, language)])
    about = t(f"exports.about_{format}", language)
    return Reply(t("exports.choose_period", language, about=about), rows)


def choose_name(child: Child, choice: str, language: str | None = None) -> Reply:
    rows = [
        [_button("name_without", child, "name", f"fhir.{choice}.0", language)],
        [_button("name_with", child, "name", f"fhir.{choice}.1", language)],
        [_button("button_back", child, "format", "fhir", language)],
    ]
    return Reply(t("exports.choose_name", language, child=escape(child.name)), rows)


def _days(period: Period, language: str | None) -> dict[str, str]:
    first, last = (format_day(day, "date", language) for day in (period.first, period.last))
    return {"first": first, "last": last}


def preparing(export: Export, language: str | None = None) -> Reply:
    records = export.records
    return Reply(
        t(
            "exports.preparing",
            language,
            format=t(f"exports.format_name.{export.format}", language),
            child=escape(records.child.name),
            **_days(records.period, language),
        )
    )


def caption(export: Export, language: str | None = None) -> str:
    records = export.records
    made = utc_to_local(records.made_at, records.child.timezone)
    return t(
        "exports.sent",
        language,
        child=escape(records.child.name),
        format=t(f"exports.format_name.{export.format}", language),
        made=format_moment(made, "moment_year", language),
        **_days(records.period, language),
    )


def too_large(size: int, limit: int, language: str | None = None) -> Reply:
    megabytes = f"{size / 1024 / 1024:.1f}"
    return Reply(t("exports.too_large", language, size=megabytes, limit=limit // 1024 // 1024))


def failed(language: str | None = None) -> Reply:
    return Reply(t("exports.failed", language))


def only_in_private(child: Child, bot_username: str, language: str | None = None) -> Reply:
    button = Button(t("exports.button_open_private", language), url=f"https://t.me/{bot_username}")
    return Reply(t("exports.only_in_private", language, child=escape(child.name)), [[button]])
