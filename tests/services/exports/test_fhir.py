"""The FHIR bundle validates, and keeps the rules the model library does not check."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot import clock
from bot.services.digests.period import Period
from bot.services.exports import export as exports
from bot.services.exports import fhir
from bot.services.exports.export import Format
from bot.services.exports.fhir_codes import (
    BODY_SNOMED,
    MYOCLONUS,
    PSEUDONYM,
    SEIZURE,
    SNOMED,
    clean,
)
from bot.services.exports.records import Records
from models import Child, DoseLog, DoseStatus, Episode, EpisodeKind, Intensity
from models.session import Database
from tests.services.digests.month import TODAY, Month, make_month, nov


@pytest.fixture
async def month(db: Database) -> AsyncIterator[Month]:
    previous = clock.use(clock.FrozenClock(TODAY))
    yield await make_month(db)
    clock.use(previous)


async def _bundle(db: Database, month: Month, names: bool = False) -> dict[str, Any]:
    async with db.transaction() as session:
        made = await exports.for_member(
            session, month.anna, month.lily.id, Format.FHIR, "all", names
        )
    content = fhir.build(made.records, made.include_name)
    Bundle.model_validate_json(content)  # the model library's own checks
    return json.loads(content)


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _references(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("reference"), str):
            yield value["reference"]
        for inner in value.values():
            yield from _references(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _references(inner)


def _identifier(resource: dict[str, Any]) -> str:
    (found,) = resource["identifier"]
    return found["value"]


def check_rules(bundle: dict[str, Any]) -> None:
    """What every bundle must hold, whatever the record."""
    assert bundle["type"] == "collection"
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(urls) == len(set(urls))
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    assert set(_references(bundle)) <= set(urls), "a reference points outside the bundle"
    for observation in _resources(bundle, "Observation"):
        codes = {(c["system"], c["code"]) for c in observation["code"]["coding"]}
        assert codes in ({SEIZURE[:2]}, {MYOCLONUS[:2]})
        assert observation["status"] in ("final", "amended")
        for component in observation["component"]:
            assert all(c["system"] and c["code"] for c in component["code"]["coding"])
            assert [key for key in component if key.startswith("value")]


async def test_the_bundle_validates_and_keeps_the_rules(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    check_rules(bundle)
    kinds = Counter(entry["resource"]["resourceType"] for entry in bundle["entry"])
    assert kinds == {
        "Patient": 1,
        "CareTeam": 1,
        "RelatedPerson": 4,
        "Practitioner": 1,
        "Observation": 18,
        "Medication": 2,
        "MedicationStatement": 3,
        "MedicationAdministration": 58,
        "Appointment": 3,
    }


async def test_every_episode_has_exactly_one_observation(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    async with db.transaction() as session:
        counted = await session.scalars(
            select(Episode.id).where(
                Episode.child_id == month.lily.id,
                Episode.deleted_at.is_(None),
                Episode.merged_into_id.is_(None),
            )
        )
        expected = sorted(str(id_) for id_ in counted)
    observed = sorted(_identifier(o) for o in _resources(bundle, "Observation"))
    assert observed == expected


async def test_jerks_are_myoclonus_and_the_rest_seizures(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    by_start = {
        o.get("effectiveDateTime") or o["effectivePeriod"]["start"]: o
        for o in _resources(bundle, "Observation")
    }
    series = by_start["2026-11-03T07:00:00+00:00"]
    assert series["code"]["coding"][0]["code"] == MYOCLONUS[1]
    assert series["effectivePeriod"]["end"] == "2026-11-03T07:30:00+00:00"
    components = {c["code"]["coding"][0]["code"]: c for c in series["component"]}
    assert components["jerk-count"]["valueInteger"] == 12
    assert components["setting"]["valueCodeableConcept"]["coding"][0]["code"] == "waking"
    urgent = by_start["2026-11-18T11:00:00+00:00"]
    assert urgent["code"]["coding"][0]["code"] == SEIZURE[1]
    assert urgent["effectivePeriod"]["end"] == "2026-11-18T11:06:00+00:00"
    components = {c["code"]["coding"][0]["code"]: c for c in urgent["component"]}
    assert components["duration"]["valueQuantity"] == {
        "value": 360, "unit": "s", "system": "http://unitsofmeasure.org", "code": "s"
    }  # fmt: skip
    assert components["rescue-medication"]["valueCodeableConcept"]["text"] == "midazolam"


async def test_a_second_report_is_a_second_performer(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    people = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    e4 = next(
        o
        for o in _resources(bundle, "Observation")
        if o.get("effectiveDateTime") == "2026-11-12T18:00:00+00:00"
    )
    members = [_identifier(people[p["reference"]]) for p in e4["performer"]]
    assert members == [str(month.anna.id), str(month.ben.id)]


async def test_doses_match_the_dose_log(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    medicines = {
        e["fullUrl"]: e["resource"]["code"]["text"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Medication"
    }
    given = {_identifier(a): a for a in _resources(bundle, "MedicationAdministration")}
    async with db.transaction() as session:
        log = list(await session.scalars(select(DoseLog).where(DoseLog.child_id == month.lily.id)))
    assert sorted(given) == sorted(str(row.id) for row in log)
    for row in log:
        found = given[str(row.id)]
        assert medicines[found["medicationReference"]["reference"]] == "levetiracetam"
        if row.status == DoseStatus.GIVEN:
            assert found["status"] == "completed"
            assert datetime.fromisoformat(found["effectiveDateTime"]) == row.recorded_at
        else:
            assert found["status"] == "not-done"
            assert found["statusReason"][0]["coding"][0]["code"] == str(row.status)
            assert datetime.fromisoformat(found["effectiveDateTime"]) == row.scheduled_at
        dose = found["dosage"]["dose"]
        assert (dose["value"], dose["code"]) == (
            (500 if row.scheduled_at >= nov(16) else 250),
            "mg",
        )


async def test_one_statement_per_dose_period(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    found = [
        (s["dosage"][0]["text"], s["status"], s["effectivePeriod"])
        for s in _resources(bundle, "MedicationStatement")
    ]
    assert sorted(found, key=lambda f: (f[2]["start"], f[0])) == [
        ("250 mg at 08:00, 20:00", "completed",
         {"start": "2026-09-01T08:00:00+01:00", "end": "2026-11-16T00:00:00+00:00"}),
        ("5 mg as needed", "active", {"start": "2026-09-01T08:00:00+01:00"}),
        ("500 mg at 08:00, 20:00", "active", {"start": "2026-11-16T00:00:00+00:00"}),
    ]  # fmt: skip


async def test_follow_ups_are_appointments(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    found = sorted((a["description"], a["status"]) for a in _resources(bundle, "Appointment"))
    assert found == [
        ("EEG", "fulfilled"),
        ("dentist", "cancelled"),
        ("neurology review with Dr Lee", "booked"),
    ]


async def test_without_names_the_child_is_a_pseudonym(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    (patient,) = _resources(bundle, "Patient")
    assert "name" not in patient
    assert patient["identifier"][0]["system"] == PSEUDONYM
    text = json.dumps(bundle, ensure_ascii=False)
    for name in ("Lily", "Anna", "Ben", "Gran", "Ms Park"):
        assert name not in text
    again = await _bundle(db, month)
    assert [e["fullUrl"] for e in again["entry"]] == [e["fullUrl"] for e in bundle["entry"]]


async def test_a_guardian_may_name_the_child(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month, names=True)
    (patient,) = _resources(bundle, "Patient")
    assert patient["name"] == [{"text": "Lily", "given": ["Lily"]}]
    (clinician,) = _resources(bundle, "Practitioner")
    assert clinician["name"][0]["text"] == "Dr Lee"


async def test_the_team_in_its_roles(db: Database, month: Month) -> None:
    bundle = await _bundle(db, month)
    (team,) = _resources(bundle, "CareTeam")
    roles = sorted(p["role"][0]["coding"][0]["code"] for p in team["participant"])
    assert roles == ["caregiver", "clinician", "educator", "guardian", "guardian"]
    guardians = [
        r
        for r in _resources(bundle, "RelatedPerson")
        if r["relationship"][0]["coding"][0]["code"] == "GUARD"
    ]
    assert len(guardians) == 2


# Any record of episodes: the bundle validates and holds one Observation per episode.
KINDS = st.none() | st.sampled_from(list(EpisodeKind))
WORDS = st.text(min_size=1, max_size=20)
EPISODE = st.fixed_dictionaries(
    {
        "kind": KINDS,
        "jerk_count": st.none() | st.integers(1, 500),
        "duration_seconds": st.none() | st.integers(1, 3600),
        "body_parts": st.lists(st.sampled_from([*BODY_SNOMED, "left_side"]) | WORDS, max_size=3),
        "intensity": st.none() | st.sampled_from(list(Intensity)),
        "setting": st.none() | st.sampled_from(["home", "school", "sleep"]) | WORDS,
        "triggers": st.lists(st.sampled_from(["fatigue", "stress"]) | WORDS, max_size=3),
        "rescue_medication": st.none() | WORDS,
        "injury": st.booleans(),
        "observer": st.none() | WORDS,
        "notes": st.none() | st.text(max_size=200),
        "window": st.booleans(),
    }
)


ODD_WORDS = {
    "kind": None, "jerk_count": None, "duration_seconds": 5, "body_parts": ["\x0c"],
    "intensity": None, "setting": " ", "triggers": ["\x1f tired"], "rescue_medication": "\x0b",
    "injury": False, "observer": "\x0c", "notes": "\u2028", "window": False,
}  # fmt: skip


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(EPISODE, max_size=8))
@example([ODD_WORDS])  # whitespace a FHIR string may not hold: blank words are left out
def test_any_episodes_make_a_valid_bundle(facts: list[dict[str, Any]]) -> None:
    start = datetime(2026, 11, 3, 7, tzinfo=UTC)
    child = Child(id=1, name="Lily", timezone="Europe/London", created_at=start)
    episodes = []
    for n, fact in enumerate(facts):
        window = fact.pop("window")
        at = start + timedelta(hours=n)
        episodes.append(
            Episode(
                id=n + 1,
                child_id=1,
                occurred_at=at,
                created_at=at,
                awareness=None,
                source="line",
                window_end_at=at + timedelta(minutes=5) if window else None,
                attachment_file_ids=[],
                merged_into_id=None,
                reporter_id=None,
                corrected_at=None,
                **fact,
            )  # fmt: skip
        )
    records = Records(
        child, Period(date(2026, 11, 1), date(2026, 11, 30), child.timezone), start,
        [], episodes, {}, [], [], [], [],
    )  # fmt: skip
    bundle = json.loads(fhir.build(records))
    check_rules(bundle)
    assert sorted(_identifier(o) for o in _resources(bundle, "Observation")) == sorted(
        str(e.id) for e in episodes
    )
    parts = [c for o in _resources(bundle, "Observation") for c in o["component"]]
    body = [c for c in parts if c["code"]["coding"][0]["code"] == "body-part"]
    said = [p for e in episodes for p in e.body_parts if clean(p)]  # blank words are left out
    assert len(body) == len(said)
    assert all(
        c["valueCodeableConcept"]["coding"][0]["system"] == SNOMED
        for c, part in zip(body, said, strict=True)
        if part in BODY_SNOMED
    )
