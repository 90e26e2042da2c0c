"""The PDF report: the digest with its chart, the episodes, the medication history, the doses.

Page 1 is the digest of the period (the chart drawn for black-and-white print); then every
episode of the period, oldest first; every medication change (old → new, from when, why,
who); and the doses given, late, skipped and missed per medicine. Every page names the
child and the period and carries its number and the day the report was made.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from typing import Any

from bot.recurrence import utc_to_local
from bot.services.digests.figures import Figures
from bot.services.episodes.vocabulary import UNSPECIFIED_RESCUE
from bot.services.exports.dosing import steps
from bot.services.exports.export import Export
from bot.services.exports.records import Member, Records
from bot.texts import has, t
from bot.views.dates import format_day, format_moment
from bot.views.digests.chart import chart
from bot.views.digests.text import message
from bot.views.episodes.card import looked
from bot.views.exports.pdf_page import Column, Document, Table, plain
from bot.views.medications.changes import dosing_text
from bot.views.teams.members import role_name
from models import ChangeAction, Role

Tick = Callable[[int], None]
TICK = 500
CHART_WIDTH = 120  # mm


def _p(key: str, language: str | None, **params: Any) -> str:
    return t(f"exports.pdf.{key}", language, **params)


def _clock(moment: datetime, timezone: str) -> str:
    return f"{utc_to_local(moment, timezone):%Y-%m-%d %H:%M}"


def _who(member: Member | None, language: str | None, role: Role | None = None) -> str:
    if member is None:
        return _p("someone", language)
    return _p("role", language, name=member.name, role=role_name(role or member.role, language))


def _digest(doc: Document, figures: Figures, language: str | None) -> None:
    doc.heading(_p("digest_title", language))
    png = chart(figures, language, for_print=True)
    doc.image(BytesIO(png), x=(doc.w - CHART_WIDTH) / 2, w=CHART_WIDTH)
    doc.ln(2)
    for line in message(figures, language).text.split("\n"):
        if not line.strip():
            doc.ln(1.5)
            continue
        bold = line.startswith("<b>") and line.endswith("</b>")
        doc.prose(plain(line), bold=bold, size=8)


def _label(kind: str, key: str, language: str | None) -> str:
    return t(f"episodes.{kind}.{key}", language) if has(f"episodes.{kind}.{key}") else key


def _episode_cells(
    row: Any, records: Records, also: list[str], language: str | None
) -> tuple[list[str], str | None]:
    zone = records.child.timezone
    when = _clock(row.occurred_at, zone)
    if row.window_end_at is not None:
        when += f"–{utc_to_local(row.window_end_at, zone):%H:%M}"
    what = ", ".join(plain(fact) for fact in looked(row, language))
    where = [_label("setting", row.setting, language)] if row.setting else []
    where += [_label("trigger", trigger, language) for trigger in row.triggers]
    rescue = row.rescue_medication or ""
    if rescue == UNSPECIFIED_RESCUE:
        rescue = plain(t("episodes.rescue_unnamed", language))
    people = records.by_person
    member = people.get(row.reporter_id) if row.reporter_id is not None else None
    who = [_who(member, language)]
    if row.observer:
        who.append(_p("seen_by", language, observer=row.observer))
    if also:
        who.append(_p("also", language, names=", ".join(also)))
    note = _p("notes", language, notes=row.notes) if row.notes else None
    return [when, what, "; ".join(where), rescue, "; ".join(who)], note


def _episodes(doc: Document, records: Records, language: str | None, tick: Tick | None) -> None:
    counted = [row for row in records.episodes if row.merged_into_id is None]
    doc.heading(_p("episodes_title", language, n=len(counted)))
    if not counted:
        doc.prose(_p("no_episodes", language))
        return
    people = records.by_person
    also: dict[int, list[str]] = {}
    for row in records.episodes:
        if row.merged_into_id is not None and row.reporter_id in people:
            also.setdefault(row.merged_into_id, []).append(people[row.reporter_id].name)
    columns = ("when", 22), ("what", 34), ("where", 27), ("rescue", 12), ("reported", 21)
    table = Table(doc, [Column(_p(key, language), width) for key, width in columns])
    for n, row in enumerate(counted, 1):
        table.row(*_episode_cells(row, records, also.get(row.id, []), language))
        if tick is not None and n % TICK == 0:
            tick(TICK)
    table.end()


def _effective(moment: datetime, timezone: str) -> str:
    local = utc_to_local(moment, timezone)
    return f"{local:%Y-%m-%d}" if local.hour == local.minute == 0 else f"{local:%Y-%m-%d %H:%M}"


def _medicines(doc: Document, records: Records, language: str | None) -> None:
    shown = {change.id for change in records.changes_shown()}
    found = [step for step in steps(records.changes) if step.change.id in shown]
    doc.heading(_p("medicines_title", language, n=len(found)))
    if not found:
        doc.prose(_p("no_changes", language))
        doc.ln(3)
        return
    columns = ("effective", 16), ("medicine", 16), ("change", 38), ("why", 26), ("who", 20)
    table = Table(doc, [Column(_p(key, language), width) for key, width in columns])
    people = records.by_person
    for step in found:
        change = step.change
        before, after = dosing_text(step.before, language), dosing_text(step.after, language)
        if change.action == ChangeAction.START or step.before is None:
            what = _p("started", language, after=after)
        elif change.action == ChangeAction.STOP:
            what = _p("stopped", language, before=before)
        else:
            what = _p("changed", language, before=before, after=after)
        if change.recorded_role is None and change.titration_id is not None:
            who = _p("by_plan", language)  # a step its titration plan took on its day
        else:
            member = people.get(change.recorded_by_id) if change.recorded_by_id else None
            who = _who(member, language, change.recorded_role)
        medicine = records.medications[change.medication_id].name
        effective = _effective(change.effective_at, records.child.timezone)
        table.row([effective, medicine, what, change.reason or "—", who])
    table.end()


def _adherence(doc: Document, figures: Figures, language: str | None) -> None:
    doc.heading(_p("adherence_title", language))
    if not figures.adherence:
        doc.prose(_p("no_doses", language))
        return
    keys = [("medicine", 24), ("scheduled", 10), ("given", 8), ("late", 8), ("skipped", 8)]
    keys += [("missed", 8), ("percent", 8)]
    table = Table(doc, [Column(_p(key, language), width) for key, width in keys])
    for tally in figures.adherence:
        share = round(100 * (tally.given + tally.late) / tally.total) if tally.total else 0
        counts = (tally.total, tally.given, tally.late, tally.skipped, tally.missed, share)
        table.row([tally.name, *map(str, counts)])
    table.end()


def render(export: Export, language: str | None = None, tick: Tick | None = None) -> bytes:
    """The report as PDF bytes."""
    records, figures = export.records, export.figures
    assert figures is not None, "a PDF export reads the digest of its period"
    child, period = records.child, records.period
    zone = child.timezone
    made = f"{format_moment(utc_to_local(records.made_at, zone), 'moment_year', language)} ({zone})"
    first, last = (format_day(day, "date", language) for day in (period.first, period.last))
    title = _p("title", language, child=child.name, first=first, last=last)
    doc = Document(
        title, _p("made", language, made=made), lambda n: _p("page", language, page=n, pages="{nb}")
    )
    doc.set_title(title)
    doc.set_creator("CareCircle")
    doc.set_creation_date(records.made_at)
    doc.add_page()
    _digest(doc, figures, language)
    doc.add_page()
    _episodes(doc, records, language, tick)
    doc.add_page()
    _medicines(doc, records, language)
    _adherence(doc, figures, language)
    return bytes(doc.output())
