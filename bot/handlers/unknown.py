"""Commands the bot does not know get an answer, not silence: in private, or addressed to it.

Registered after every feature, so it sees only what no command handler took; the commands
it compares with are the ones the Application has registered, whichever features those are.
"""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.handlers.kit import Turn, handles
from bot.replies import Reply
from bot.views import commands as views


def command_of(message: Message | None) -> tuple[str, str | None] | None:
    """The command a message starts with and the bot it names: ("summary", "CareCircleBot")."""
    if message is None or not message.text or not message.entities:
        return None
    first = message.entities[0]
    if first.type != MessageEntity.BOT_COMMAND or first.offset != 0:
        return None
    name, _, target = message.text[1 : first.length].partition("@")
    return name, target or None


class _AddressedToMe(filters.MessageFilter):
    """A command that names this bot (``/summary@CareCircleBot``), as groups must."""

    def filter(self, message: Message) -> bool:
        found = command_of(message)
        username = message.get_bot().username or ""
        return found is not None and (found[1] or "").lower() == username.lower()


def registered(app: Application) -> list[str]:
    """Every command some handler of ``app`` takes, in order of registration."""
    names: list[str] = []
    for group in sorted(app.handlers):
        for handler in app.handlers[group]:
            if isinstance(handler, CommandHandler):
                names += [name for name in sorted(handler.commands) if name not in names]
    return names


def register(app: Application) -> None:
    """Last of all: answer whatever command is left over."""

    @handles
    async def answer_unknown(turn: Turn) -> Reply | None:
        """Someone sent a command no handler took."""
        found = command_of(turn.update.effective_message)
        if found is None:
            return None
        name, known = found[0], registered(app)
        if name.lower() in known:
            return views.not_here(name, turn.language)
        return views.unknown(name, views.nearest(name, known, turn.language), turn.language)

    where = filters.ChatType.PRIVATE | (filters.ChatType.GROUPS & _AddressedToMe())
    app.add_handler(
        MessageHandler(filters.UpdateType.MESSAGE & filters.COMMAND & where, answer_unknown)
    )
