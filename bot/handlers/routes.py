"""Buttons routed from the callback table: ``@press(prefix, *actions)`` and ``install``.

A route matches exactly the data ``callbacks.parse`` accepts for its prefix and
actions (with or without an argument, as declared), so routes and the table cannot
disagree; the routes test checks that every action in ``callbacks.ACTIONS`` has
exactly one handler. Data no route takes falls through to the expired-button answer.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from telegram.ext import Application, CallbackQueryHandler

from bot import callbacks
from bot.handlers.kit import Handler, Press
from bot.replies import Reply


class Arg(enum.Enum):
    """What a route's data carries after its action: nothing, an argument, or either."""

    NONE = "none"
    REQUIRED = "required"
    OPTIONAL = "optional"
    NUMBER = "number"  # an argument of digits only (another row's id)
    OPTIONAL_NUMBER = "optional number"

    def allows(self, arg: str | None) -> bool:
        if arg is None:
            return self in (Arg.NONE, Arg.OPTIONAL, Arg.OPTIONAL_NUMBER)
        if self in (Arg.NUMBER, Arg.OPTIONAL_NUMBER):
            return arg.isdigit()
        return self is not Arg.NONE


@dataclass(frozen=True)
class Route:
    """The buttons ``<prefix>:<id>:<action>[:<arg>]`` for one of ``actions``."""

    prefix: str
    actions: tuple[str, ...]
    arg: Arg = Arg.NONE

    def __call__(self, data: object) -> bool:
        """Whether this route takes the button data ``data`` (a CallbackQueryHandler pattern)."""
        pressed = callbacks.parse(data) if isinstance(data, str) else None
        return (
            pressed is not None
            and pressed.prefix == self.prefix
            and pressed.action in self.actions
            and self.arg.allows(pressed.arg)
        )


PressFn = Callable[[Press], Awaitable[Reply | None]]


def press(
    prefix: str, *actions: str, arg: Arg = Arg.NONE, sends: bool = False
) -> Callable[[PressFn | Handler[Press]], Handler[Press]]:
    """Route the buttons ``prefix`` × ``actions`` (all of the prefix's if none) to the handler.

    Stack it to answer more than one prefix. ``sends``: the answer goes out as a
    new message below the pressed one instead of replacing it.
    """
    route = Route(prefix, actions or tuple(sorted(callbacks.ACTIONS[prefix])), arg)

    def decorate(fn: PressFn | Handler[Press]) -> Handler[Press]:
        if isinstance(fn, Handler):
            return fn.routed(route)
        return Handler(fn, Press, routes=(route,), sends=sends)

    return decorate


def handlers_in(modules: Iterable[ModuleType]) -> list[Handler]:
    """Every handler with routes defined in ``modules``, each once."""
    seen: dict[int, Handler] = {}
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, Handler) and value.routes:
                seen.setdefault(id(value), value)
    return list(seen.values())


def table(modules: Iterable[ModuleType]) -> list[tuple[Route, Handler]]:
    """The routes of ``modules`` with their handlers, in the order of ``callbacks.ACTIONS``."""
    prefixes = list(callbacks.ACTIONS)
    routes = [(route, handler) for handler in handlers_in(modules) for route in handler.routes]
    return sorted(
        routes,
        key=lambda pair: (
            prefixes.index(pair[0].prefix) if pair[0].prefix in prefixes else len(prefixes),
            sorted(pair[0].actions),
        ),
    )


def install(app: Application, modules: Iterable[ModuleType]) -> None:
    """Add a CallbackQueryHandler for each route defined in ``modules``."""
    for route, handler in table(modules):
        app.add_handler(CallbackQueryHandler(handler, pattern=route))
