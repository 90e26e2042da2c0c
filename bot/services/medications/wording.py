"""Small readings for medicine settings: a time of day ("19:30", "7.30pm") and a weight in kg."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_CLOCK = re.compile(
    r"(?P<hour>[0-9]{1,2})(?:[:.h](?P<minute>[0-9]{2}))?\s*(?P<half>[ap])?\.?(?:m\.?)?",
    re.IGNORECASE,
)
_WEIGHT = re.compile(
    r"(?P<number>[0-9]+(?:[.,][0-9]+)?)\s*(?:kg|kgs|kilo|kilos|kilogram|kilograms)?\.?",
    re.IGNORECASE,
)


def read_clock(text: str) -> str | None:
    """``text`` as HH:MM when it is one time of day ("19:30", "7pm", "7.30 p.m.", "19h30")."""
    found = _CLOCK.fullmatch(text.strip())
    if found is None:
        return None
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    if found["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
    elif found["minute"] is None:
        return None  # a bare number is not a time of day
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def read_weight_number(text: str) -> Decimal | None:
    """The number of kg ``text`` gives ("22", "22.5 kg", "22,5kg"), or None."""
    found = _WEIGHT.fullmatch(text.strip())
    if found is None:
        return None
    try:
        return Decimal(found["number"].replace(",", "."))
    except InvalidOperation:
        return None
