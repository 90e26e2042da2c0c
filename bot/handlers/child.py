"""Which child a command is about: ``member_for``, used by every team command, and /child."""

from __future__ import annotations

from functools import partial

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.handlers.kit import Turn, handles
from bot.news import announce
from bot.replies import Reply
from bot.services.teams import audience
from bot.services.teams import children as teams
from bot.views.teams import members as views
from models import Membership


def child_pattern(command: str) -> str:
    """The callback pattern of the "which child?" buttons for ``command``."""
    return rf"^child:\d+:{command}$"


def respond(turn: Turn, reply: Reply) -> None:
    """Edit the message whose button was pressed, or reply to a typed command."""
    if turn.callback is not None:
        turn.edit = reply
    else:
        turn.reply(reply)


async def member_for(turn: Turn, command: str) -> Membership | None:
    """The sender's membership of the team ``command`` is about, or None once they are answered.

    In a linked group that is the group's child; in private, the child chosen
    by a "which child?" button, the default child, or the only one. Otherwise
    this asks which child (buttons that re-run ``command``), or politely
    refuses an outsider in a team group and tells the guardians once.
    """
    assert turn.person is not None
    picked = turn.callback.id if turn.callback and turn.callback.prefix == "child" else None
    found = await teams.resolve(turn.session, turn.person, turn.chat_id, picked)
    if isinstance(found, teams.Choice):
        respond(turn, views.choose_child(found.children, command, turn.language))
        return None
    if isinstance(found, teams.Outsider):
        if await teams.note_outsider(turn.session, turn.person, found.child.id):
            guardians = await audience.guardians(turn.session, found.child.id)
            notice = partial(views.outsider_notice, turn.person.first_name, found.child)
            await announce(turn.session, guardians, notice)
        respond(turn, views.outsider_refusal(turn.language))
        return None
    return found


@handles
async def choose_default(turn: Turn) -> None:
    """Someone wants to choose which child their private commands are about."""
    assert turn.person is not None
    children = await teams.my_children(turn.session, turn.person)
    turn.reply(views.choose_child(children, "default", turn.language))


@handles
async def set_default(turn: Turn) -> None:
    """Someone picked their default child."""
    assert turn.person is not None and turn.callback is not None
    child = await teams.set_default(turn.session, turn.person, turn.callback.id)
    turn.edit = views.default_set(child, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("child", choose_default, filters=filters.ChatType.PRIVATE))
    app.add_handler(CallbackQueryHandler(set_default, pattern=child_pattern("default")))
