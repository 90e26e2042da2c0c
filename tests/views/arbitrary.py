"""Arbitrary arguments for any view: people's words wherever people type, valid values elsewhere.

``Maker`` builds a view's arguments from its type hints. Every ``str`` is text someone could
have typed (names, notes, medicines, titles…), unless its field holds a value the bot chose
itself (a time zone, a unit, a vocabulary key); those are drawn from what the bot can store.
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import inspect
import pkgutil
import types
import typing
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from hypothesis import strategies as st
from sqlalchemy.orm import Mapped

import bot.services
from bot.replies import Reply
from bot.services.medications.drugs import UNITS
from bot.services.teams import permissions
from bot.texts import keys
from bot.views.common import escape
from models import WizardState
from models.base import Base

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

# What people type, weighted towards what HTML would read as markup.
MARKUP = st.sampled_from(["<", ">", "&", ";", "#", "/", '"', "'", "b", "i", "a", "lt", "amp", " "])
USER_TEXT = st.lists(MARKUP, min_size=1, max_size=8).map("".join) | st.text(min_size=1, max_size=20)


def vocabulary(prefix: str) -> list[str]:
    """The stored values whose labels live under ``prefix`` in the texts (``episodes.body``)."""
    return sorted({key.split(".")[-1] for key in keys() if key.startswith(prefix + ".")})


def _some(prefix: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(vocabulary(prefix)), max_size=2, unique=True)


class Present:
    """A field that is optional in its type but always set where a view reads it."""


PRESENT = Present()
TIMES = st.lists(st.sampled_from(["07:30", "08:00", "20:00"]), min_size=1, max_size=2, unique=True)
MOMENTS = st.integers(-30 * 24 * 60, 30 * 24 * 60).map(lambda m: NOW + timedelta(minutes=m))
DAYS = st.integers(-30, 30).map(lambda days: NOW.date() + timedelta(days=days))
AMOUNTS = st.sampled_from([Decimal("0.5"), Decimal("250"), Decimal("1000")])

# Fields (of models and service dataclasses, by name or ``Class.name``) that hold the bot's
# own values, never typed text, or that the services always fill in.
FIELDS: dict[str, st.SearchStrategy[Any] | Present] = {
    "timezone": st.sampled_from(["Europe/London", "America/New_York", "Asia/Kolkata"]),
    "language": st.none(),
    "language_code": st.none(),
    "unit": st.sampled_from(sorted(UNITS)),
    "dose_unit": st.sampled_from(sorted(UNITS)),
    "units": st.just(frozenset({"mg"})),
    "schedule_times": TIMES,
    "time_of_day": st.sampled_from(["08:00", "20:00"]),
    "Dosing.times": TIMES.map(tuple),
    "Upcoming.times": st.lists(MOMENTS, min_size=1, max_size=3),
    "PlanState.upcoming": st.lists(st.tuples(DAYS, AMOUNTS), min_size=1, max_size=3),
    "Today.by_setting": st.lists(
        st.tuples(st.none() | st.sampled_from(vocabulary("episodes.setting")), st.integers(1, 9)),
        max_size=3,
    ),
    "Plan.changed": st.sampled_from([None, "plan", "threshold"]),
    "Proposal.medication": PRESENT,
    "Proposal.before": PRESENT,
    "Proposal.after": PRESENT,
    "Proposal.finding": PRESENT,
    "GuideQuestion.entry": PRESENT,
    "recurrence": st.sampled_from([None, "FREQ=MONTHLY;INTERVAL=3", "FREQ=WEEKLY;INTERVAL=1"]),
    "body_parts": _some("episodes.body"),
    "triggers": _some("episodes.trigger"),
    "setting": st.none() | st.sampled_from(vocabulary("episodes.setting")),
    "HistoryPage.period": st.sampled_from(vocabulary("history.period")),
    "Removed.how": st.sampled_from(["undone", "deleted", "merged"]),
    "Question.kind": st.sampled_from(
        [
            "time_of_day",
            "am_pm",
            "which_time",
            "which_duration",
            "number",
            "which_count",
            "rescue_time",
        ]
    ),
    "Option.fields": st.sampled_from(
        [
            {},
            {"duration_seconds": 180},
            {"jerk_count": 7},
            {"occurred_at": "2026-11-24T20:00:00+00:00"},
        ]
    ),
    "notices": st.just([]),
    "details": st.just({}),
    "payload": st.just({}),
    "data": st.just({"_ticket": 7}),
    "roles": st.just(["guardian"]),
    "where": st.just(frozenset(permissions.Chat)),
    "token_hash": st.just("0" * 64),
    "occurrence_key": st.just("dose:1:2026-11-25T08:00"),
}

# Parameters of particular views that name a text or a command, not anyone's words.
PARAMETERS: dict[str, st.SearchStrategy[Any]] = {
    "language": st.none(),
    "bot_username": st.just("CareCircleBot"),
    "url": st.just("https://t.me/CareCircleBot?start=abc"),
    "back": st.none() | st.just("week.0"),
    "title": st.sampled_from(["title", "title_again", "title_snoozed"]),
    "commands": st.just(permissions.COMMANDS),
}


@cache
def _service_names() -> dict[str, Any]:
    """The classes (and unions of them) of every service module, for hints imported only to
    type-check."""
    found: dict[str, Any] = {}
    for info in pkgutil.walk_packages(bot.services.__path__, "bot.services."):
        module = importlib.import_module(info.name)
        found.update(
            {k: v for k, v in vars(module).items() if isinstance(v, type | types.UnionType)}
        )
    return found


def hints_of(thing: Any) -> dict[str, Any]:
    """``thing``'s type hints, those named under ``TYPE_CHECKING`` included."""
    try:
        return typing.get_type_hints(thing)
    except NameError:
        return typing.get_type_hints(thing, localns=_service_names())


class Maker:
    """Draws values of a type: people's words for every string not in ``FIELDS``."""

    def __init__(
        self, draw: Callable[[st.SearchStrategy[Any]], Any], overrides: dict[str, Any]
    ) -> None:
        self.draw = draw
        self.overrides = {**FIELDS, **overrides}

    def arguments(self, view: Callable[..., Any], **fixed: st.SearchStrategy[Any]) -> dict:
        """Keyword arguments for ``view``; ``fixed`` strategies win over the type hints."""
        hints = hints_of(view)
        found: dict[str, Any] = {}
        for name, parameter in inspect.signature(view).parameters.items():
            if name in fixed:
                found[name] = self.draw(fixed[name])
            elif name in PARAMETERS:
                found[name] = self.draw(PARAMETERS[name])
            elif parameter.default is not inspect.Parameter.empty and hints[name] is not bool:
                continue
            else:
                found[name] = self.value(hints[name], name)
        return found

    def value(self, hint: Any, name: str = "", owner: type | None = None) -> Any:
        """A value of type ``hint`` for the field ``name`` of ``owner`` (or a parameter)."""
        override = self.overrides.get(f"{owner.__name__}.{name}" if owner else "")
        override = self.overrides.get(name) if override is None else override
        if isinstance(override, st.SearchStrategy):
            return self.draw(override)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is Mapped:
            return self.value(args[0], name, owner)
        if origin in (types.UnionType, typing.Union):
            options = [arg for arg in args if arg is not type(None)]
            if len(options) < len(args) and override is None and self.draw(st.booleans()):
                return None
            return self.value(self.draw(st.sampled_from(options)), name)
        if origin in (list, Sequence):
            return [self.value(args[0], name) for _ in range(self.draw(st.integers(0, 2)))]
        if origin in (set, frozenset):
            return origin(self.value(list[args[0]], name))
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return tuple(self.value(list[args[0]], name))
            return tuple(self.value(arg, name) for arg in args)
        if origin is dict:
            size = self.draw(st.integers(0, 2))
            return {self.value(args[0], name): self.value(args[1], name) for _ in range(size)}
        if origin is typing.Literal:
            return self.draw(st.sampled_from(args))
        return self._plain(hint, name)

    def _plain(self, hint: Any, name: str) -> Any:
        simple: dict[Any, st.SearchStrategy[Any]] = {
            str: USER_TEXT,
            bool: st.booleans(),
            int: st.integers(0, 400),
            float: st.floats(0, 400, allow_nan=False),
            Decimal: AMOUNTS,
            datetime: MOMENTS,
            date: DAYS,
            timedelta: st.integers(0, 600).map(lambda minutes: timedelta(minutes=minutes)),
            time: st.sampled_from([time(8), time(20, 30)]),
        }
        if hint in simple:
            return self.draw(simple[hint])
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return self.draw(st.sampled_from(list(hint)))
        if isinstance(hint, type) and issubclass(hint, Reply):
            return Reply(escape(self.draw(USER_TEXT)))
        if isinstance(hint, type) and issubclass(hint, Base):
            columns = {column.key for column in hint.__mapper__.column_attrs}
            hints = hints_of(hint)
            return hint(
                **{key: self.value(hints[key], key, hint) for key in hints if key in columns}
            )
        if dataclasses.is_dataclass(hint):
            hints = hints_of(hint)
            fields = [field for field in dataclasses.fields(hint) if field.init]
            return hint(
                **{field.name: self.value(hints[field.name], field.name, hint) for field in fields}
            )
        raise TypeError(f"no way to make a {hint!r} for {name!r}")


def wizard(flow: str, step: str, **data: Any) -> WizardState:
    """A flow's state at ``step`` with answers ``data`` (and the ticket its buttons carry)."""
    return WizardState(
        id=1, person_id=1, chat_id=1, flow=flow, step=step, data={"_ticket": 7, **data},
        expires_at=NOW,
    )  # fmt: skip
