"""/start, /help, the main-menu buttons, and the bot's hello when it joins a group."""

from __future__ import annotations

from telegram.constants import ChatMemberStatus
from telegram.ext import Application, ChatMemberHandler, CommandHandler

from bot.handlers import newchild, room
from bot.handlers.kit import AnyTurn, Press, Turn, handles, handles_any
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.teams import children as teams
from bot.services.teams import permissions
from bot.views.teams import start as views

PRESENT = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR)


@handles
async def start(turn: Turn) -> Reply:
    """Someone opened the bot (or sent /start in a group)."""
    return views.welcome(turn.person.first_name, turn.language)


@handles_any
async def show_help(turn: AnyTurn) -> Reply:
    """Someone asked what the bot can do (anyone may: nobody is recorded for it)."""
    chat, roles = await teams.help_context(turn.session, turn.person, turn.chat_id)
    return views.help_text(permissions.commands_for(roles, chat), turn.language)


@press("menu", "help", arg=Arg.OPTIONAL, sends=True)
async def help_button(turn: Press) -> Reply | None:
    """Someone pressed Help in the main menu."""
    return await show_help.run(turn)


@press("menu", "invitation", arg=Arg.OPTIONAL, sends=True)
async def invitation_button(turn: Press) -> Reply:
    """Someone pressed "I have an invitation" in the main menu."""
    return views.invitation_hint(turn.language)


@press("menu", "newchild", arg=Arg.OPTIONAL, sends=True)
async def newchild_button(turn: Press) -> Reply:
    """Someone pressed "New child" in the main menu."""
    return await newchild.begin(turn)


@handles_any
async def greet_group(turn: AnyTurn) -> Reply | None:
    """The bot was added to a group, promoted, demoted or removed."""
    change = turn.update.my_chat_member
    if change is None or turn.in_private:
        return None
    await room.follow_bot(turn, change)
    was_in = change.old_chat_member.status in PRESENT
    is_in = change.new_chat_member.status in PRESENT
    return views.group_hello() if is_in and not was_in else None


def register(app: Application) -> None:
    # "/start <payload>" is an invitation or a deep link; see invites and newchild.
    app.add_handler(CommandHandler("start", start, has_args=False))
    app.add_handler(CommandHandler("help", show_help))
    app.add_handler(ChatMemberHandler(greet_group, ChatMemberHandler.MY_CHAT_MEMBER))
