"""The one callback-data scheme: ``<prefix>:<id>:<action>[:<arg>]``, at most 64 bytes.

Every feature declares its prefix and actions here, so a forged or stale
press can be told apart from a real one before any handler runs. Buttons are
routed from this table (``handlers/routes.py``): each action has exactly one handler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64

ACTIONS: dict[str, frozenset[str]] = {
    "menu": frozenset({"help", "invitation", "newchild"}),
    # "child:<child id>:<command>" answers "which child?"; features add their commands.
    "child": frozenset(
        {"team", "invite", "invites", "notify", "leave", "deletechild", "default", "link"}
        | {"report", "timer"}
        | {"episode", "history", "today", "plan"}
        | {"followup", "reminders"}
        | {"meds", "med", "doses", "adherence"}
        | {"digest", "dsched"}
        | {"export"}
    ),
    "newchild": frozenset({"zone", "skip", "cancel"}),
    "inv": frozenset({"new", "role", "revoke"}),
    "team": frozenset({"show", "leave", "cancel"}),
    "mem": frozenset({"open", "role", "remove", "remove_yes"}),
    "str": frozenset({"invite", "remove", "role"}),
    "notify": frozenset({"show", "set"}),
    "del": frozenset({"ask", "confirm", "cancel"}),
    # The guided report: "wiz:<flow ticket>:<answer or move>[:<value, or the step it was on>]".
    "wiz": frozenset(
        {"when", "typed", "timer", "dur", "kind", "body", "int", "set", "trig", "resc"}
        | {"back", "skip", "done", "save", "more", "cancel"}
    ),
    "tmr": frozenset({"stop", "cancel"}),
    # "ep:<episode id>:<action>[:<value, the other episode, or the history page to go back to>]";
    # a report's question: "ep:<id>:ans:<question number>.<option index>", ":typeit:<number>".
    "ep": frozenset(
        {"undo", "details", "int", "where", "why", "done", "same", "differ", "fix"}
        | {"delete", "delyes", "keep", "open", "ans", "typeit"}
    ),
    # "hist:<child id>:page:<period>.<page>", e.g. "hist:7:page:30d.2".
    "hist": frozenset({"page"}),
    # "fu:<follow-up id>:<action>[:<notice name, or the occurrence as 20261203T1430>]".
    "fu": frozenset({"notice", "cancel", "drop", "keep", "move"} | {"happened", "moved", "missed"}),
    # The guided /followup: "fuflow:<flow ticket>:kind:<neuro|eeg|blood|other>" or ":stop".
    "fuflow": frozenset({"kind", "stop"}),
    # The /med flow: "med:<flow ticket>:<start|change|stop>[:<medication id>]", confirm, cancel.
    "med": frozenset({"start", "change", "stop", "skip", "confirm", "cancel"}),
    "titr": frozenset({"pause", "resume"}),
    # "dose:<dose reminder id>:<answer>"; "anyway" records a Given despite the warning.
    "dose": frozenset({"given", "skipped", "snooze", "anyway", "back", "ack"}),
    # Under a digest: "dg:<child id>:ack:<first>.<last>" (20261123.20261129), ":reply[:<same>]".
    "dg": frozenset({"ack", "reply"}),
    # /digest schedule: "dsub:<child id>:<step>[:<cadence>[.<weekday>[.<hour>]]]",
    # e.g. "dsub:7:at:weekly.0.08"; "dsub:7:group:on".
    "dsub": frozenset({"menu", "cadence", "day", "at", "off", "group"}),
    # A note relayed to the team: "note:<writer's membership id>:answer"; "note:<flow ticket>:stop".
    "note": frozenset({"answer", "stop"}),
    # /timezone: "tz:<person id>:set:<index of the zone offered>" or ":reset" (the child's zone).
    "tz": frozenset({"set", "reset"}),
    # /export: "exp:<child id>:<format|period|name|menu>[:<format>[.<period>[.<with names>]]]".
    "exp": frozenset({"menu", "format", "period", "name"}),
    # /language: "lang:<person id>:me:<code>" (their own), "lang:<child id>:team:<code>" (group).
    "lang": frozenset({"me", "team"}),
}

_SHAPE = re.compile(r"^([a-z]{1,8}):(\d{1,18}):([a-z_]{1,16})(?::([A-Za-z0-9_.+-]{1,24}))?$")


@dataclass(frozen=True)
class Callback:
    """One button's meaning: act on row ``id`` of ``prefix`` with ``action`` (and ``arg``)."""

    prefix: str
    id: int
    action: str
    arg: str | None = None

    def pack(self) -> str:
        data = f"{self.prefix}:{self.id}:{self.action}"
        if self.arg is not None:
            data += f":{self.arg}"
        if parse(data) != self:
            raise ValueError(f"callback {self!r} does not fit the scheme")
        return data


def parse(data: str | None) -> Callback | None:
    """The callback for ``data``, or None if it is malformed, unknown or too long."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    match = _SHAPE.match(data)
    if match is None:
        return None
    prefix, raw_id, action, arg = match.groups()
    if action not in ACTIONS.get(prefix, frozenset()):
        return None
    return Callback(prefix, int(raw_id), action, arg)
