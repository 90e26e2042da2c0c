"""Creating a child's care team step by step: name, time zone, then (optionally) birth year."""

from __future__ import annotations

import enum
import re
from functools import cache
from zoneinfo import available_timezones

from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import wizards
from bot.services.errors import DomainError
from bot.services.teams import children as teams
from models import Child, Person, WizardState

FLOW = "newchild"
NAME_LIMIT = 40
OLDEST_AGE = 25


class NewChildStep(enum.StrEnum):
    NAME = "name"
    ZONE = "zone"
    YEAR = "year"


# The buttons offered for the time zone, by the language Telegram reports for the user.
COMMON_ZONES: dict[str, list[str]] = {
    "en": ["Europe/London", "America/New_York", "America/Chicago", "America/Los_Angeles"],
    "de": ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich"],
    "fr": ["Europe/Paris", "Europe/Brussels", "America/Toronto"],
    "es": ["Europe/Madrid", "America/Mexico_City", "America/Bogota"],
    "it": ["Europe/Rome", "Europe/Zurich"],
    "pt": ["Europe/Lisbon", "America/Sao_Paulo"],
    "nl": ["Europe/Amsterdam", "Europe/Brussels"],
    "pl": ["Europe/Warsaw"],
    "uk": ["Europe/Kyiv"],
    "ru": ["Europe/Moscow"],
}

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def common_zones(language: str | None) -> list[str]:
    """The time zones to offer as buttons to a user of ``language``."""
    return COMMON_ZONES.get((language or "en").split("-")[0].lower(), COMMON_ZONES["en"])


def validate_name(text: str) -> str:
    """A child's first name or nickname, tidied; refuse anything that is not a short name."""
    name = " ".join(text.split())
    if not name or len(name) > NAME_LIMIT or name.startswith("/"):
        raise DomainError("newchild.bad_name")
    return name


@cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone by its lower-case name, and by its city when that is unambiguous."""
    names: dict[str, str] = {}
    cities: dict[str, set[str]] = {}
    for zone in available_timezones():
        names[zone.lower()] = zone
        if "/" in zone and not zone.startswith("Etc/"):
            cities.setdefault(zone.rsplit("/", 1)[1].lower(), set()).add(zone)
    for city, zones in cities.items():
        if len(zones) == 1:
            names.setdefault(city, zones.pop())
    return names


def parse_timezone(text: str) -> str:
    """An IANA zone from a zone name, a city, or a whole-hour UTC offset."""
    raw = text.strip()
    if raw.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    offset = _OFFSET.match(raw)
    if offset:
        sign, hours, minutes = offset.group(1), int(offset.group(2)), offset.group(3)
        if minutes not in (None, "00") or hours > (14 if sign == "+" else 12):
            raise DomainError("newchild.bad_offset")
        # POSIX-style Etc zones have inverted signs: UTC+2 is Etc/GMT-2.
        return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}" if hours else "UTC"
    zone = _zone_names().get("_".join(raw.split()).lower())
    if zone is None:
        raise DomainError("newchild.bad_zone")
    return zone


def parse_birth_year(text: str) -> int:
    """A plausible birth year for a child in care."""
    this_year = clock.now().year
    raw = text.strip()
    if not raw.isdigit() or not this_year - OLDEST_AGE <= int(raw) <= this_year:
        raise DomainError("newchild.bad_year")
    return int(raw)


async def begin(session: AsyncSession, person: Person, chat_id: int) -> WizardState:
    """Start asking for a new child's details."""
    return await wizards.start(session, person.id, chat_id, FLOW, NewChildStep.NAME)


async def answer(
    session: AsyncSession, person: Person, state: WizardState, text: str
) -> WizardState | Child:
    """Take a typed answer to the current question; return the next question or the new child."""
    if state.step == NewChildStep.NAME:
        zones = common_zones(person.language_code)
        return await wizards.advance(
            session, state, NewChildStep.ZONE, name=validate_name(text), zones=zones
        )
    if state.step == NewChildStep.ZONE:
        return await wizards.advance(
            session, state, NewChildStep.YEAR, timezone=parse_timezone(text)
        )
    return await _create(session, person, state, parse_birth_year(text))


async def pick_zone(
    session: AsyncSession, person: Person, chat_id: int, ticket: int, index: int
) -> WizardState:
    """The person tapped one of the offered time zones."""
    state = await wizards.resume(session, person.id, chat_id, FLOW, ticket)
    zones = state.data.get("zones", [])
    if state.step != NewChildStep.ZONE or not 0 <= index < len(zones):
        raise wizards.WizardExpired()
    return await wizards.advance(session, state, NewChildStep.YEAR, timezone=zones[index])


async def skip_year(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> Child:
    """The person skipped the birth year; create the team now."""
    state = await wizards.resume(session, person.id, chat_id, FLOW, ticket)
    if state.step != NewChildStep.YEAR:
        raise wizards.WizardExpired()
    return await _create(session, person, state, None)


async def cancel(session: AsyncSession, person: Person, chat_id: int, ticket: int) -> None:
    """The person gave up; forget their answers."""
    await wizards.finish(session, await wizards.resume(session, person.id, chat_id, FLOW, ticket))


async def _create(
    session: AsyncSession, person: Person, state: WizardState, birth_year: int | None
) -> Child:
    data = wizards.answers(state)
    await wizards.finish(session, state)
    return await teams.create_child(session, person, data["name"], data["timezone"], birth_year)
