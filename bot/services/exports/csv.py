"""The CSV export: a zip of one UTF-8 CSV per record type, with a header row, and a README.

Times are ISO 8601 in the child's zone with its offset (2026-11-03T07:00:00+00:00), to the
microsecond when the record has one; lists and the audit payload are JSON; booleans are
``true``/``false``; an empty cell is "none". Every column is described in README.txt, whose
words come from the caller (``readme``): this module knows only the columns.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.doses.adherence import outcome_of
from bot.services.exports.dosing import Doses, dose_periods, steps
from bot.services.exports.records import Member, Records

Tick = Callable[[int], None]
TICK = 500
# The files whose rows ``Records.size`` counts.
TICKED = ("episodes.csv", "medication_changes.csv", "dose_log.csv", "audit_log.csv")

# The files and their columns, in order: README.txt describes each one.
COLUMNS: dict[str, tuple[str, ...]] = {
    "episodes.csv": (
        "id", "occurred_at", "window_end_at", "duration_seconds", "jerk_count", "kind",
        "body_parts", "intensity", "awareness", "setting", "triggers", "rescue_medication",
        "injury", "observer", "notes", "source", "attachments", "reporter_person_id",
        "reporter_name", "reporter_role", "same_episode_as", "entered_at", "corrected_at",
    ),
    "medication_changes.csv": (
        "id", "medication_id", "medicine", "medicine_as_typed", "action", "dose_amount",
        "dose_unit", "times", "reason", "effective_at", "before", "after",
        "recorded_by_person_id", "recorded_by_name", "recorded_role", "titration_id",
        "recorded_at",
    ),
    "dose_log.csv": (
        "id", "medication_id", "medicine", "scheduled_at", "dose_amount", "dose_unit", "status",
        "outcome", "recorded_by_person_id", "recorded_by_name", "recorded_at",
        "acknowledged_by_person_id", "acknowledged_by_name", "acknowledged_at",
    ),
    "followups.csv": (
        "id", "kind", "title", "due_at", "timezone", "recurrence", "status",
        "created_by_person_id", "created_by_name", "created_at",
    ),
    "members.csv": (
        "membership_id", "person_id", "first_name", "last_name", "username", "role",
        "notify", "joined_at", "left_at",
    ),
    "audit_log.csv": ("id", "at", "kind", "actor_person_id", "actor_name", "payload"),
}  # fmt: skip


class Cells:
    """Turns values into CSV cells, times in the child's zone."""

    def __init__(self, timezone: str) -> None:
        self.zone = ZoneInfo(timezone)

    def __call__(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, datetime):
            return value.astimezone(self.zone).isoformat()
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, list | tuple | dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)


def _name(members: dict[int, Member], person_id: int | None) -> str | None:
    member = members.get(person_id) if person_id is not None else None
    return member.name if member else None


def _dosing(dosing: Any) -> str | None:
    if dosing is None:
        return None
    amount = f"{format(dosing.amount.normalize(), 'f')} {dosing.unit}"
    return f"{amount} at {', '.join(dosing.times)}" if dosing.times else f"{amount} as needed"


def tables(records: Records) -> dict[str, Iterable[Sequence[Any]]]:
    """Each file's rows (values, not yet cells), in the order of ``COLUMNS``."""
    people = records.by_person
    names = {id_: m.name for id_, m in records.medications.items()}
    shown = {change.id for change in records.changes_shown()}
    doses = Doses(dose_periods(records.medications, records.changes))

    def episodes() -> Iterable[Sequence[Any]]:
        for e in records.episodes:
            member = people.get(e.reporter_id) if e.reporter_id is not None else None
            yield (
                e.id, e.occurred_at, e.window_end_at, e.duration_seconds, e.jerk_count, e.kind,
                e.body_parts, e.intensity, e.awareness, e.setting, e.triggers,
                e.rescue_medication, e.injury, e.observer, e.notes, e.source,
                len(e.attachment_file_ids or ()), e.reporter_id,
                member.name if member else None, member.role if member else None,
                e.merged_into_id, e.created_at, e.corrected_at,
            )  # fmt: skip

    def changes() -> Iterable[Sequence[Any]]:
        for step in steps(records.changes):
            c = step.change
            if c.id not in shown:
                continue
            medication = records.medications[c.medication_id]
            yield (
                c.id, c.medication_id, medication.name, medication.name_as_typed, c.action,
                c.dose_amount, c.dose_unit, c.schedule_times, c.reason, c.effective_at,
                _dosing(step.before), _dosing(step.after), c.recorded_by_id,
                _name(people, c.recorded_by_id), c.recorded_role, c.titration_id, c.created_at,
            )  # fmt: skip

    def dose_log() -> Iterable[Sequence[Any]]:
        for d in records.doses:
            period = doses.at(d.medication_id, d.scheduled_at)
            yield (
                d.id, d.medication_id, names.get(d.medication_id), d.scheduled_at,
                period.dosing.amount if period else None, period.dosing.unit if period else None,
                d.status, outcome_of(d), d.recorded_by_id, _name(people, d.recorded_by_id),
                d.recorded_at, d.acknowledged_by_id, _name(people, d.acknowledged_by_id),
                d.acknowledged_at,
            )  # fmt: skip

    def followups() -> Iterable[Sequence[Any]]:
        for f in records.followups:
            yield (
                f.id, f.kind, f.title, f.due_at, f.timezone, f.recurrence, f.status,
                f.created_by_id, _name(people, f.created_by_id), f.created_at,
            )  # fmt: skip

    def members() -> Iterable[Sequence[Any]]:
        for m in records.members:
            yield (
                m.membership_id, m.person_id, m.first_name, m.last_name, m.username, m.role,
                m.notify, m.joined_at, m.left_at,
            )  # fmt: skip

    def audit_log() -> Iterable[Sequence[Any]]:
        for event in records.events:
            actor = _name(people, event.actor_id)
            yield (event.id, event.created_at, event.kind, event.actor_id, actor, event.payload)

    return {
        "episodes.csv": episodes(),
        "medication_changes.csv": changes(),
        "dose_log.csv": dose_log(),
        "followups.csv": followups(),
        "members.csv": members(),
        "audit_log.csv": audit_log(),
    }


def build(records: Records, readme: str, tick: Tick | None = None) -> bytes:
    """The zip: every table as a CSV, and ``readme`` as README.txt."""
    cell = Cells(records.child.timezone)
    stamp = records.made_at.astimezone(cell.zone).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("README.txt", stamp), readme.encode())
        for name, rows in tables(records).items():
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(COLUMNS[name])
            count = 0
            for count, row in enumerate(rows, 1):
                writer.writerow([cell(value) for value in row])
                if tick is not None and name in TICKED and count % TICK == 0:
                    tick(TICK)
            if tick is not None and name in TICKED:
                tick(count % TICK)
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.getvalue().encode())
    return out.getvalue()
