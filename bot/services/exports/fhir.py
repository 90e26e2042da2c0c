"""The FHIR R4 export: one ``collection`` Bundle, validated with ``fhir.resources`` (R4B models).

The Patient is known by a pseudonym (no name unless asked for); the CareTeam lists a
Practitioner for each clinician and a RelatedPerson for everyone else, in their roles;
then one Observation per episode, one MedicationStatement per dose period, one
MedicationAdministration per dose logged and one Appointment per follow-up. Entries are
``urn:uuid:`` URLs derived from the pseudonym, so a second export names the same things the
same way. docs/fhir.md explains each choice.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.observation import ObservationComponent
from pydantic import ValidationError

from bot.services.exports import fhir_codes as codes
from bot.services.exports import fhir_parts as parts
from bot.services.exports.dosing import DosePeriod, Doses, dose_periods
from bot.services.exports.records import Member, Records
from models import ChangeAction, Child, DoseStatus, FollowupStatus, Role

Tick = Callable[[int], None]
TICK = 500
_APPOINTMENT = {
    FollowupStatus.ACTIVE: "booked",
    FollowupStatus.DONE: "fulfilled",
    FollowupStatus.CANCELLED: "cancelled",
}


class InvalidBundle(Exception):
    """The bundle does not validate: a bug in this module, never the user's doing."""


def pseudonym(child: Child) -> str:
    """A stable identifier for the child that says nothing about them."""
    seed = f"carecircle:child:{child.id}:{child.created_at.isoformat()}"
    return "cc-" + hashlib.sha256(seed.encode()).hexdigest()[:20]


class _Bundler:
    def __init__(self, records: Records, include_name: bool) -> None:
        self.records, self.include_name = records, include_name
        self.alias = pseudonym(records.child)
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{codes.BASE}/{self.alias}")
        self.members = records.by_person
        self.entries: list[dict[str, Any]] = []
        self.refs: dict[tuple[str, object], dict[str, str]] = {}
        self.zone = ZoneInfo(records.child.timezone)

    def time(self, moment: datetime) -> str:
        """A FHIR dateTime or instant, in the child's zone with its offset."""
        return moment.astimezone(self.zone).isoformat()

    def urn(self, kind: str, key: object) -> str:
        return f"urn:uuid:{uuid.uuid5(self.namespace, f'{kind}/{key}')}"

    def ref(self, kind: str, key: object) -> dict[str, str]:
        """A reference to a resource of the bundle (made once, shared: never changed)."""
        found = self.refs.get((kind, key))
        if found is None:
            found = self.refs[kind, key] = {"reference": self.urn(kind, key)}
        return found

    def add(self, kind: str, key: object, resource: dict[str, Any]) -> str:
        url = self.urn(kind, key)
        resource = {"resourceType": kind, "id": url.removeprefix("urn:uuid:"), **resource}
        self.entries.append({"fullUrl": url, "resource": resource})
        return url

    @property
    def patient(self) -> dict[str, str]:
        return self.ref("Patient", self.alias)

    def person(self, person_id: int | None) -> dict[str, str] | None:
        """The reference of a team member, by person id."""
        member = self.members.get(person_id) if person_id is not None else None
        if member is None:
            return None
        kind = "Practitioner" if member.role == Role.CLINICIAN else "RelatedPerson"
        return self.ref(kind, member.membership_id)

    def add_patient(self) -> None:
        child = self.records.child
        resource: dict[str, Any] = {
            "identifier": [{"system": codes.PSEUDONYM, "value": self.alias}],
            "active": True,
        }
        if self.include_name and (name := codes.clean(child.name)):
            resource["name"] = [{"text": name, "given": [name]}]
        if child.birth_year:
            resource["birthDate"] = str(child.birth_year)
        self.add("Patient", self.alias, resource)

    def add_team(self) -> None:
        participants = []
        for member in self.records.members:
            reference = self._add_member(member)
            period = {"start": self.time(member.joined_at)}
            if member.left_at is not None:
                period["end"] = self.time(member.left_at)
            role = codes.own("team-role", str(member.role))
            participants.append({"role": [role], "member": reference, "period": period})
        self.add(
            "CareTeam",
            self.alias,
            {"status": "active", "subject": self.patient, "participant": participants},
        )

    def _add_member(self, member: Member) -> dict[str, str]:
        identifier = [{"system": codes.identifier_system("member"), "value": str(member.person_id)}]
        resource: dict[str, Any] = {"identifier": identifier, "active": member.left_at is None}
        if self.include_name and (name := codes.clean(member.name)):
            resource["name"] = [{"text": name}]
        if member.role == Role.CLINICIAN:
            self.add("Practitioner", member.membership_id, resource)
            return self.ref("Practitioner", member.membership_id)
        resource |= {"patient": self.patient, "relationship": [codes.relationship(member.role)]}
        self.add("RelatedPerson", member.membership_id, resource)
        return self.ref("RelatedPerson", member.membership_id)

    def add_episodes(self) -> None:
        seconds: dict[int, list[int]] = {}
        for row in self.records.episodes:
            if row.merged_into_id is not None and row.reporter_id is not None:
                seconds.setdefault(row.merged_into_id, []).append(row.reporter_id)
        for row in self.records.episodes:
            if row.merged_into_id is None:
                self.add("Observation", row.id, self._observation(row, seconds.get(row.id, [])))

    def _observation(self, row: Any, also: list[int]) -> dict[str, Any]:
        system, code, meaning = (
            codes.MYOCLONUS
            if row.kind in codes.MYOCLONIC or (row.kind is None and row.jerk_count is not None)
            else codes.SEIZURE
        )
        resource: dict[str, Any] = {
            "identifier": [{"system": codes.identifier_system("episode"), "value": str(row.id)}],
            "status": "amended" if row.corrected_at else "final",
            "code": codes.concept(system, code, meaning),
            "subject": self.patient,
            "issued": self.time(row.created_at),
        }
        end = row.window_end_at
        if end is None and row.duration_seconds:
            end = row.occurred_at + timedelta(seconds=row.duration_seconds)
        if end is None:
            resource["effectiveDateTime"] = self.time(row.occurred_at)
        else:
            start = self.time(row.occurred_at)
            resource["effectivePeriod"] = {"start": start, "end": self.time(end)}
        performers = []
        for person_id in (row.reporter_id, *also):
            found = self.person(person_id)
            if found is not None and found not in performers:
                performers.append(found)
        if performers:
            resource["performer"] = performers
        if notes := codes.clean(row.notes):
            resource["note"] = [{"text": notes}]
        resource["component"] = parts.components(row)
        return resource

    def add_medicines(self, periods: list[DosePeriod]) -> None:
        used = {p.medication.id for p in periods} | {d.medication_id for d in self.records.doses}
        for id_, medication in sorted(self.records.medications.items()):
            if id_ in used:
                identifier = {"system": codes.identifier_system("medication"), "value": str(id_)}
                resource = {
                    "identifier": [identifier],
                    "code": {"text": codes.clean(medication.name) or "?"},
                }
                self.add("Medication", id_, resource)
        for period in periods:
            self.add("MedicationStatement", period.opened_by.id, self._statement(period))

    def _statement(self, period: DosePeriod) -> dict[str, Any]:
        now, opened = self.records.made_at, period.opened_by
        if period.start > now:
            status = "intended"
        elif period.end is None or period.end > now:
            status = "active"
        else:
            ended = period.ended_by
            status = "stopped" if ended and ended.action == ChangeAction.STOP else "completed"
        effective = {"start": self.time(period.start)}
        if period.end is not None:
            effective["end"] = self.time(period.end)
        resource: dict[str, Any] = {
            "identifier": [
                {"system": codes.identifier_system("medication-change"), "value": str(opened.id)}
            ],
            "status": status,
            "medicationReference": self.ref("Medication", period.medication.id),
            "subject": self.patient,
            "effectivePeriod": effective,
            "dateAsserted": self.time(opened.created_at),
            "dosage": [parts.dosage(period)],
        }
        source = self.person(opened.recorded_by_id)
        if source is not None:
            resource["informationSource"] = source
        if reason := codes.clean(opened.reason):
            resource["note"] = [{"text": reason}]
        return resource

    def add_doses(self, doses: Doses) -> None:
        for row in self.records.doses:
            given = row.status == DoseStatus.GIVEN
            resource: dict[str, Any] = {
                "identifier": [{"system": codes.identifier_system("dose"), "value": str(row.id)}],
                "status": "completed" if given else "not-done",
                "medicationReference": self.ref("Medication", row.medication_id),
                "subject": self.patient,
                "effectiveDateTime": self.time(row.recorded_at if given else row.scheduled_at),
                "note": [{"text": f"Scheduled for {self.time(row.scheduled_at)}"}],
            }
            if not given:
                resource["statusReason"] = [codes.own("dose-not-given", str(row.status))]
            actor = self.person(row.recorded_by_id) if given else None
            if actor is not None:
                resource["performer"] = [{"actor": actor}]
            period = doses.at(row.medication_id, row.scheduled_at)
            if period is not None:
                amount, unit = period.dosing.amount, period.dosing.unit
                resource["dosage"] = {"dose": codes.quantity(amount, unit)}
            self.add("MedicationAdministration", row.id, resource)

    def add_followups(self) -> None:
        for followup in self.records.followups:
            identifier = {"system": codes.identifier_system("followup"), "value": str(followup.id)}
            resource: dict[str, Any] = {
                "identifier": [identifier],
                "status": _APPOINTMENT[followup.status],
                "appointmentType": codes.own("followup-kind", str(followup.kind)),
                "description": codes.clean(followup.title) or str(followup.kind),
                # CareCircle knows when a follow-up starts, not how long it lasts.
                "start": self.time(followup.due_at),
                "end": self.time(followup.due_at),
                "created": self.time(followup.created_at),
                "participant": [{"actor": self.patient, "status": "accepted"}],
            }
            if recurrence := codes.clean(followup.recurrence):
                resource["comment"] = f"Repeats: {recurrence}"
            self.add("Appointment", followup.id, resource)


def bundle(records: Records, include_name: bool = False) -> dict[str, Any]:
    """The bundle as JSON-ready data (not yet validated)."""
    bundler = _Bundler(records, include_name)
    periods = [
        p for p in dose_periods(records.medications, records.changes) if p.overlaps(records.period)
    ]
    bundler.add_patient()
    bundler.add_team()
    bundler.add_episodes()
    bundler.add_medicines(periods)
    bundler.add_doses(Doses(dose_periods(records.medications, records.changes)))
    bundler.add_followups()
    made = bundler.urn("Bundle", bundler.time(records.made_at))
    return {
        "resourceType": "Bundle",
        "id": made.removeprefix("urn:uuid:"),
        "identifier": {"system": "urn:ietf:rfc:3986", "value": made},
        "type": "collection",
        "timestamp": bundler.time(records.made_at),
        "entry": bundler.entries,
    }


def validate(data: dict[str, Any], tick: Tick | None = None) -> None:
    """Check every entry, then the bundle around them, against the R4B models.

    An Observation's components are shared between episodes (``fhir_parts.part``): each is
    checked once, then the Observation around them; nothing goes unchecked.
    """
    checked: set[int] = set()
    try:
        for count, entry in enumerate(data["entry"], 1):
            resource = entry["resource"]
            if "component" in resource:
                for component in resource["component"]:
                    if id(component) not in checked:
                        ObservationComponent.model_validate(component)
                        checked.add(id(component))
                rest = {key: value for key, value in resource.items() if key != "component"}
                entry = {**entry, "resource": rest}
            BundleEntry.model_validate(entry)
            if tick is not None and count % TICK == 0:
                tick(TICK)
        Bundle.model_validate({key: value for key, value in data.items() if key != "entry"})
    except ValidationError as error:
        raise InvalidBundle(str(error)) from error


def build(records: Records, include_name: bool = False, tick: Tick | None = None) -> bytes:
    """The bundle as UTF-8 JSON, validated before it is written."""
    data = bundle(records, include_name)
    validate(data, tick)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
