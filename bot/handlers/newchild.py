"""/newchild: create a child's care team in three short questions, kept in the database."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot import callbacks
from bot.handlers import wizards
from bot.handlers.kit import Turn, handles
from bot.replies import Reply
from bot.services.teams import newchild
from bot.views.teams import newchild as views
from models import Child, WizardState

FROM_GROUP = filters.Regex(r"^/start newchild$")


async def begin(turn: Turn) -> None:
    """Ask the first question in private; from a group, point to the private chat."""
    assert turn.person is not None
    if not turn.in_private:
        turn.reply(views.in_private(turn.update.get_bot().username, turn.language))
        return
    state = await newchild.begin(turn.session, turn.person, turn.chat_id)
    turn.reply(views.question(state, turn.language))


def _next(result: WizardState | Child, language: str | None) -> Reply:
    if isinstance(result, Child):
        return views.done(result, language)
    return views.question(result, language)


@handles
async def new_child(turn: Turn) -> None:
    """Someone sent /newchild (or opened the bot from the group's button)."""
    await begin(turn)


async def answer(turn: Turn, state: WizardState) -> None:
    """Someone typed an answer to the current question."""
    assert turn.person is not None
    result = await newchild.answer(turn.session, turn.person, state, turn.text)
    turn.reply(_next(result, turn.language))


@handles
async def press(turn: Turn) -> None:
    """Someone tapped a time zone, Skip or Cancel."""
    assert turn.person is not None and turn.callback is not None
    pressed = turn.callback
    where = (turn.session, turn.person, turn.chat_id, pressed.id)
    if pressed.action == "cancel":
        await newchild.cancel(*where)
        turn.edit = views.cancelled(turn.language)
    elif pressed.action == "zone":
        index = int(pressed.arg) if pressed.arg and pressed.arg.isdigit() else -1
        turn.edit = _next(await newchild.pick_zone(*where, index), turn.language)
    else:
        turn.edit = _next(await newchild.skip_year(*where), turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("newchild", new_child))
    app.add_handler(
        CommandHandler("start", new_child, filters=filters.ChatType.PRIVATE & FROM_GROUP)
    )
    app.add_handler(CallbackQueryHandler(press, pattern=callbacks.pattern("newchild")))
    wizards.on_answer(newchild.FLOW, answer)
