"""The one callback-data scheme: ``<prefix>:<id>:<action>[:<arg>]``, at most 64 bytes.

Every feature declares its prefix and actions here, so a forged or stale
press can be told apart from a real one before any handler runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64

ACTIONS: dict[str, frozenset[str]] = {
    "menu": frozenset({"help", "invitation"}),
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


def pattern(prefix: str) -> str:
    """The regex a CallbackQueryHandler uses to route ``prefix`` buttons."""
    return rf"^{re.escape(prefix)}:"
