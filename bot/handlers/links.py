"""/link and /unlink in a group, and following a linked group through renames and migration."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.handlers import menus, room
from bot.handlers.kit import AnyTurn, Press, Turn, handles, handles_any
from bot.handlers.routes import press
from bot.replies import Reply
from bot.services.teams import links
from bot.services.teams import room as team_room
from bot.services.teams.children import Choice
from bot.views.teams import links as views
from models import Child


def _title(turn: AnyTurn) -> str | None:
    return turn.update.effective_chat.title if turn.update.effective_chat else None


@handles
async def link(turn: Turn) -> Reply:
    """A guardian sent /link in a group."""
    if turn.in_private:
        return views.only_in_groups(turn.language, "link")
    candidates = await links.candidates(turn.session, turn.person, turn.chat_id)
    if isinstance(candidates, Choice):
        return views.choose(candidates.children, turn.language)
    child = await links.link(turn.session, turn.person, candidates.id, turn.chat_id, _title(turn))
    return await _linked(turn, child)


@press("child", "link")
async def link_chosen(turn: Press) -> Reply:
    """A guardian chose which child's team the group belongs to."""
    child_id = turn.callback.id
    child = await links.link(turn.session, turn.person, child_id, turn.chat_id, _title(turn))
    return await _linked(turn, child)


async def _linked(turn: Turn, child: Child) -> Reply:
    """Linked: the bot notes whether it is an admin there, and offers to be one if not."""
    bot = turn.update.get_bot()
    admin = await room.bot_is_admin(bot, turn.chat_id)
    await team_room.set_bot_rights(turn.session, turn.chat_id, admin)
    await menus.queue_group(turn.session, child)
    return views.linked(child, turn.language, admin_tip=not admin)


@handles
async def unlink(turn: Turn) -> Reply:
    """A guardian sent /unlink in the team group."""
    if turn.in_private:
        return views.only_in_groups(turn.language, "unlink")
    child = await links.unlink(turn.session, turn.person, turn.chat_id)
    return views.unlinked(child, turn.language)


@handles_any
async def follow_migration(turn: AnyTurn) -> None:
    """The group became a supergroup, with a new chat id."""
    message = turn.update.effective_message
    if message is None:
        return
    if message.migrate_to_chat_id:
        moved = await links.migrate(turn.session, message.chat_id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        moved = await links.migrate(turn.session, message.migrate_from_chat_id, message.chat_id)
    else:
        return
    if moved is not None:
        await room.tell(turn.session, await team_room.moved(turn.session, moved))


@handles_any
async def follow_rename(turn: AnyTurn) -> None:
    """The group got a new title."""
    message = turn.update.effective_message
    if message is not None and message.new_chat_title:
        await links.retitle(turn.session, message.chat_id, message.new_chat_title)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("link", link))
    app.add_handler(CommandHandler("unlink", unlink))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, follow_migration))
    app.add_handler(MessageHandler(filters.StatusUpdate.NEW_CHAT_TITLE, follow_rename))
