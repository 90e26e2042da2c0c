"""/newchild: create a child's care team in three short questions, kept in the database."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler, filters

from bot.handlers import wizards
from bot.handlers.kit import Press, Turn, handles
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.teams import newchild
from bot.views.teams import newchild as views
from models import Child, WizardState

FROM_GROUP = filters.Regex(r"^/start newchild$")


async def begin(turn: Turn) -> Reply:
    """Ask the first question in private; from a group, point to the private chat."""
    if not turn.in_private:
        return views.in_private(turn.update.get_bot().username, turn.language)
    state = await newchild.begin(turn.session, turn.person, turn.chat_id)
    return views.question(state, turn.language)


def _next(result: WizardState | Child, language: str | None) -> Reply:
    if isinstance(result, Child):
        return views.done(result, language)
    return views.question(result, language)


@handles
async def new_child(turn: Turn) -> Reply:
    """Someone sent /newchild (or opened the bot from the group's button)."""
    return await begin(turn)


async def answer(turn: Turn, state: WizardState) -> Reply:
    """Someone typed an answer to the current question."""
    result = await newchild.answer(turn.session, turn.person, state, turn.text)
    return _next(result, turn.language)


@press("newchild", "zone", arg=Arg.OPTIONAL)
async def pick_zone(turn: Press) -> Reply:
    """Someone tapped a time zone."""
    pressed = turn.callback
    index = int(pressed.arg) if pressed.arg and pressed.arg.isdigit() else -1
    result = await newchild.pick_zone(turn.session, turn.person, turn.chat_id, pressed.id, index)
    return _next(result, turn.language)


@press("newchild", "skip", arg=Arg.OPTIONAL)
async def skip_year(turn: Press) -> Reply:
    """Someone skipped the year of birth."""
    result = await newchild.skip_year(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return _next(result, turn.language)


@press("newchild", "cancel", arg=Arg.OPTIONAL)
async def cancel(turn: Press) -> Reply:
    """Someone gave up on the questions."""
    await newchild.cancel(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return views.cancelled(turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("newchild", new_child))
    app.add_handler(
        CommandHandler("start", new_child, filters=filters.ChatType.PRIVATE & FROM_GROUP)
    )
    wizards.on_answer(newchild.FLOW, answer)
