"""The private text router: a plain message answers the question its sender's flow is waiting on."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram.ext import Application, MessageHandler, filters

from bot.handlers.kit import Turn, handles
from bot.replies import Reply
from bot.services import wizards
from bot.views import wizards as views
from models import WizardState

Answer = Callable[[Turn, WizardState], Awaitable[Reply]]

# flow name → the function that takes a typed answer; features add theirs in ``register``.
ANSWERS: dict[str, Answer] = {}


def on_answer(flow: str, answer: Answer) -> None:
    """Route typed answers of ``flow`` to ``answer``."""
    ANSWERS[flow] = answer


@handles
async def route_answer(turn: Turn) -> Reply:
    """Someone typed a plain message in private."""
    state = await wizards.current(turn.session, turn.person.id, turn.chat_id)
    if state is None or state.flow not in ANSWERS:
        return views.nothing_waiting(turn.language)
    return await ANSWERS[state.flow](turn, state)


def register(app: Application) -> None:
    app.add_handler(
        MessageHandler(
            filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE,
            route_answer,
        )
    )
