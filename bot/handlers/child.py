"""Which child a command is about: ``@for_child``, used by every team command, and /child."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from telegram.ext import Application, CommandHandler, filters

from bot.handlers.kit import Handler, Press, Turn, handles
from bot.handlers.routes import Arg, Route, press
from bot.news import announce
from bot.replies import Reply
from bot.services.teams import audience
from bot.services.teams import children as teams
from bot.views.teams import members as views
from models import Membership

ChildFn = Callable[[Turn, Membership], Awaitable[Reply | None]]


async def member_for(turn: Turn, command: str, arg: str | None = None) -> Membership | Reply:
    """The sender's membership of the team ``command`` is about, or the answer that stops here.

    In a linked group that is the group's child; in private, the child chosen
    by a "which child?" button, the default child, or the only one. Otherwise
    the answer asks which child (buttons that re-run ``command``, carrying ``arg``), or politely
    refuses an outsider in a team group, telling the guardians once.
    """
    picked = turn.callback.id if turn.callback and turn.callback.prefix == "child" else None
    resolved = await teams.resolve(turn.session, turn.person, turn.chat_id, picked)
    if isinstance(resolved, teams.Choice):
        return views.choose_child(resolved.children, command, turn.language, arg=arg)
    if isinstance(resolved, teams.Outsider):
        if await teams.note_outsider(turn.session, turn.person, resolved.child.id):
            guardians = await audience.guardians(turn.session, resolved.child.id)
            name = turn.person.first_name
            notice = functools.partial(views.outsider_notice, name, resolved.child)
            await announce(turn.session, guardians, notice)
        return views.outsider_refusal(turn.language)
    return resolved


def for_child(
    command: str,
    *,
    asked: Callable[[Turn], Awaitable[None]] | None = None,
    keep: Callable[[Turn], str | None] | None = None,
) -> Callable[[ChildFn], Handler[Turn]]:
    """Run the decorated handler with the membership ``command`` is about (see ``member_for``).

    Until the child is known the answer is the question (or the refusal), and
    ``asked`` runs: to keep what the command said for the answer, or to refuse it
    (nothing is sent before the commit). The handler also answers the "which
    child?" buttons of ``command``, ``child:<child id>:<command>``; with ``keep``, each
    button also carries what ``keep`` reads off the command (``turn.callback.arg`` on a press).
    """
    route = Route("child", (command,), Arg.OPTIONAL if keep else Arg.NONE)

    def decorate(fn: ChildFn) -> Handler[Turn]:
        @functools.wraps(fn)
        async def run(turn: Turn) -> Reply | None:
            membership = await member_for(turn, command, keep(turn) if keep else None)
            if isinstance(membership, Reply):
                if asked is not None:
                    await asked(turn)
                return membership
            return await fn(turn, membership)

        return Handler(run, Turn, routes=(route,))

    return decorate


@handles
async def choose_default(turn: Turn) -> Reply:
    """Someone wants to choose which child their private commands are about."""
    children = await teams.my_children(turn.session, turn.person)
    return views.choose_child(children, "default", turn.language)


@press("child", "default")
async def set_default(turn: Press) -> Reply:
    """Someone picked their default child."""
    child = await teams.set_default(turn.session, turn.person, turn.callback.id)
    return views.default_set(child, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("child", choose_default, filters=filters.ChatType.PRIVATE))
