"""/start, /help, the main-menu buttons, and the bot's hello when it joins a group."""

from __future__ import annotations

from telegram.constants import ChatMemberStatus
from telegram.ext import Application, CallbackQueryHandler, ChatMemberHandler, CommandHandler

from bot import callbacks
from bot.handlers import newchild
from bot.handlers.kit import Turn, handles
from bot.services.teams import children as teams
from bot.services.teams import permissions
from bot.views.teams import start as views

PRESENT = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR)


@handles
async def start(turn: Turn) -> None:
    """Someone opened the bot (or sent /start in a group)."""
    assert turn.person is not None
    turn.reply(views.welcome(turn.person.first_name, turn.language))


async def _help(turn: Turn) -> None:
    chat, roles = await teams.help_context(turn.session, turn.person, turn.chat_id)
    turn.reply(views.help_text(permissions.commands_for(roles, chat), turn.language))


@handles
async def show_help(turn: Turn) -> None:
    """Someone asked what the bot can do."""
    await _help(turn)


@handles
async def press_menu(turn: Turn) -> None:
    """Someone pressed a main-menu button."""
    assert turn.callback is not None
    if turn.callback.action == "help":
        await _help(turn)
    elif turn.callback.action == "invitation":
        turn.reply(views.invitation_hint(turn.language))
    elif turn.callback.action == "newchild":
        await newchild.begin(turn)


@handles
async def greet_group(turn: Turn) -> None:
    """The bot was added to a group."""
    change = turn.update.my_chat_member
    if change is None or turn.in_private:
        return
    was_in = change.old_chat_member.status in (
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.ADMINISTRATOR,
    )
    is_in = change.new_chat_member.status in (
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.ADMINISTRATOR,
    )
    if is_in and not was_in:
        turn.reply(views.group_hello())


def register(app: Application) -> None:
    # "/start <payload>" is an invitation or a deep link; see invites and newchild.
    app.add_handler(CommandHandler("start", start, has_args=False))
    app.add_handler(CommandHandler("help", show_help))
    app.add_handler(CallbackQueryHandler(press_menu, pattern=callbacks.pattern("menu")))
    app.add_handler(ChatMemberHandler(greet_group, ChatMemberHandler.MY_CHAT_MEMBER))
