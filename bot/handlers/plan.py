"""/plan: read the seizure action plan; guardians and clinicians set it and its threshold."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler

from bot.handlers.child import for_child
from bot.handlers.episodes import arguments
from bot.handlers.kit import Turn
from bot.replies import Reply
from bot.services.episodes import plan as action_plan
from bot.services.episodes import report as episodes
from bot.views.episodes import plan as views
from models import Membership


async def _hold(turn: Turn) -> None:
    """In private, "which child?" was asked: keep what they wrote for the answer."""
    asked = arguments(turn) if turn.callback is None else None
    if turn.in_private and asked:
        await episodes.hold(turn.session, turn.person, turn.chat_id, asked, command="plan")


@for_child("plan", asked=_hold)
async def show_plan(turn: Turn, membership: Membership) -> Reply:
    """Someone asked for the plan, or to set it (/plan set …, /plan threshold 3m)."""
    if turn.callback is None:
        asked = arguments(turn)
    else:
        asked = await episodes.held(turn.session, turn.person, turn.chat_id, command="plan")
    shown = await action_plan.apply(turn.session, membership, turn.person.id, asked)
    return views.plan(shown, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("plan", show_plan))
