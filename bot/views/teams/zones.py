"""/timezone: a person's own time zone, offered as buttons, for what comes on their schedule."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.texts import escape, t
from bot.views.teams.newchild import zone_label
from models import Child, Person


def _whose(person: Person, child: Child | None, language: str | None) -> tuple[str, str]:
    """The zone in force, and whose it is when it is the child's."""
    if person.timezone is not None or child is None:
        return person.timezone or "UTC", ""
    return child.timezone, t("timezone.childs", language, child=escape(child.name))


def menu(
    person: Person, child: Child | None, zones: list[str], language: str | None = None
) -> Reply:
    """The zone now, and the common ones to pick from (or the child's again)."""
    zone, whose = _whose(person, child, language)
    text = "\n".join(
        [t("timezone.title", language, zone=zone, whose=whose), t("timezone.ask", language)]
    )
    picks = [
        Button(zone_label(name), Callback("tz", person.id, "set", str(index)))
        for index, name in enumerate(zones)
    ]
    rows = [picks[i : i + 2] for i in range(0, len(picks), 2)]
    if person.timezone is not None and child is not None:
        rows.append(
            [Button(t("timezone.button_reset", language), Callback("tz", person.id, "reset"))]
        )
    return Reply(text, rows)


def saved(person: Person, child: Child | None, language: str | None = None) -> Reply:
    zone, whose = _whose(person, child, language)
    return Reply(t("timezone.saved", language, zone=zone, whose=whose))
