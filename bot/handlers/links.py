"""/link and /unlink in a group, and following a linked group through renames and migration."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.handlers.child import child_pattern
from bot.handlers.kit import Turn, handles
from bot.services.teams import links
from bot.services.teams.children import Choice
from bot.views.teams import links as views


def _title(turn: Turn) -> str | None:
    return turn.update.effective_chat.title if turn.update.effective_chat else None


@handles
async def link(turn: Turn) -> None:
    """A guardian sent /link in a group."""
    assert turn.person is not None
    if turn.in_private:
        turn.reply(views.only_in_groups(turn.language, "link"))
        return
    found = await links.candidates(turn.session, turn.person, turn.chat_id)
    if isinstance(found, Choice):
        turn.reply(views.choose(found.children, turn.language))
        return
    child = await links.link(turn.session, turn.person, found.id, turn.chat_id, _title(turn))
    turn.reply(views.linked(child, turn.language))


@handles
async def link_chosen(turn: Turn) -> None:
    """A guardian chose which child's team the group belongs to."""
    assert turn.person is not None and turn.callback is not None
    child_id = turn.callback.id
    child = await links.link(turn.session, turn.person, child_id, turn.chat_id, _title(turn))
    turn.edit = views.linked(child, turn.language)


@handles
async def unlink(turn: Turn) -> None:
    """A guardian sent /unlink in the team group."""
    assert turn.person is not None
    if turn.in_private:
        turn.reply(views.only_in_groups(turn.language, "unlink"))
        return
    child = await links.unlink(turn.session, turn.person, turn.chat_id)
    turn.reply(views.unlinked(child, turn.language))


@handles
async def follow_migration(turn: Turn) -> None:
    """The group became a supergroup, with a new chat id."""
    message = turn.update.effective_message
    assert message is not None
    if message.migrate_to_chat_id:
        await links.migrate(turn.session, message.chat_id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        await links.migrate(turn.session, message.migrate_from_chat_id, message.chat_id)


@handles
async def follow_rename(turn: Turn) -> None:
    """The group got a new title."""
    message = turn.update.effective_message
    if message is not None and message.new_chat_title:
        await links.retitle(turn.session, message.chat_id, message.new_chat_title)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("link", link))
    app.add_handler(CallbackQueryHandler(link_chosen, pattern=child_pattern("link")))
    app.add_handler(CommandHandler("unlink", unlink))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, follow_migration))
    app.add_handler(MessageHandler(filters.StatusUpdate.NEW_CHAT_TITLE, follow_rename))
