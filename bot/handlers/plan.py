"""/plan: read the seizure action plan; guardians and clinicians set it and its threshold."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.episodes import arguments
from bot.handlers.kit import Turn, handles
from bot.services.episodes import plan as action_plan
from bot.services.episodes import report as episodes
from bot.views.episodes import plan as views


@handles
async def show_plan(turn: Turn) -> None:
    """Someone asked for the plan, or to set it (/plan set …, /plan threshold 3m)."""
    assert turn.person is not None
    asked = arguments(turn) if turn.callback is None else None
    membership = await member_for(turn, "plan")
    if membership is None:
        # In private that means "which child?" was asked: keep what they wrote for the answer.
        if turn.in_private and asked:
            await episodes.hold(turn.session, turn.person, turn.chat_id, asked, command="plan")
        return
    if asked is None:
        asked = await episodes.held(turn.session, turn.person, turn.chat_id, command="plan")
    shown = await action_plan.apply(turn.session, membership, turn.person.id, asked)
    respond(turn, views.plan(shown, turn.language))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("plan", show_plan))
    app.add_handler(CallbackQueryHandler(show_plan, pattern=child_pattern("plan")))
