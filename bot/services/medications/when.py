"""The day a /med change takes effect: "from tomorrow", "starting monday", "next week", "1 dec".

A weekday is the next one after today ("monday" on a Monday is next week's); a day and month
is the one nearest today; numeric dates are ISO only, as "12/01" is two different days to
the people of one team. A change more than a day back or a year ahead is refused as a slip.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.services.medications.commands import fail
from bot.services.medications.reading import Cursor, Draft, is_value
from bot.services.parsing import vocab
from bot.services.parsing.days import DayMonth, Weekday, day_at
from bot.services.parsing.numerals import number

# Changes are often logged the day after; anything older is likelier a typo than a late entry.
BACKDATE_DAYS = 1
AHEAD_DAYS = 366
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


def _nearest(month: int, day: int, today: date) -> date | None:
    """The date with this month and day closest to today (so "1 jan" in December is next year)."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda candidate: abs(candidate - today), default=None)


def _day_here(cur: Cursor, draft: Draft, *, marked: bool) -> tuple[int, date] | None:
    """The day named here: "tomorrow", "monday", "next fri", "1 december", "2026-12-01",
    "next week" (its Monday), "in 3 days"."""
    counted = _counted_days(cur, draft)
    if counted is not None:
        return counted
    lead = cur.phrase(draft.words.next_days)
    for skip in (lead[0], 0) if lead else (0,):
        found = _day_at(cur, draft, skip, marked=marked or skip > 0)
        if found is not None:
            return found
    return None


def _counted_days(cur: Cursor, draft: Draft) -> tuple[int, date] | None:
    """ "next week" (the coming Monday), "in 3 days", "in 2 weeks", "in a week"."""
    today = draft.today
    week = cur.phrase(draft.words.next_week)
    if week is not None:
        return week[0], today + timedelta(days=7 - today.weekday())
    ahead = cur.phrase(draft.words.ahead)
    if ahead is None:
        return None
    count = number(cur.peek(ahead[0]))
    days = draft.words.periods.get(cur.peek(ahead[0] + 1))
    if count is None or days is None or count != count.to_integral_value() or count > AHEAD_DAYS:
        return None
    return ahead[0] + 2, today + timedelta(days=int(count) * days)


def _day_at(cur: Cursor, draft: Draft, skip: int, *, marked: bool) -> tuple[int, date] | None:
    """The day ``skip`` words ahead, and the words it takes up to there.

    A weekday is the next one after today ("monday" on a Monday is next week's); short names
    ("wed") need a word before them; numeric dates are ISO only, as "12/01" is two different
    days to the people of one team.
    """
    name, today = cur.peek(skip), draft.today
    weekdays = vocab.calendar_names()[1]
    if name in weekdays and (marked or len(name) > 3):
        return skip + 1, today + timedelta(days=(weekdays[name] - today.weekday() - 1) % 7 + 1)
    found = day_at(cur.tokens[cur.pos + skip :], 0)
    if found is None:
        return None
    used, day = skip + found[0], found[1]
    if is_value(name) and ("/" in name or "." in name) and not _ISO_DAY.fullmatch(name):
        fail("bad_date", date=cur.raw(skip))
    if isinstance(day, date):
        return used, day
    if isinstance(day, int):
        return used, today + timedelta(days=day)
    if isinstance(day, Weekday):  # "last tuesday"
        return used, today - timedelta(days=(today.weekday() - day.index - 1) % 7 + 1)
    if isinstance(day, DayMonth) and (nearest := _nearest(day.month, day.day, today)):
        return used, nearest
    fail("bad_date", date=" ".join(cur.raw(n) for n in range(skip, used)))


def _check_day(day: date, today: date) -> date:
    """``day`` if it is neither too far back nor too far ahead to be a real change."""
    if day < today - timedelta(days=BACKDATE_DAYS):
        fail("date_too_far_back", date=day.isoformat())
    if day > today + timedelta(days=AHEAD_DAYS):
        fail("date_too_far_ahead", date=day.isoformat())
    return day


def read_day(cur: Cursor, draft: Draft) -> bool:
    """The day a change takes effect: "from tomorrow", "starting monday", "as of 1 dec", "wed"."""
    marker = cur.phrase(draft.words.from_days)
    if draft.day is not None:
        return False
    if marker is not None:
        cur.take(marker[0])
    found = _day_here(cur, draft, marked=marker is not None)
    if found is None:
        if marker is not None:
            fail("bad_date", date=cur.raw())
        return False
    draft.day = _check_day(found[1], draft.today)
    cur.take(found[0])
    return True
