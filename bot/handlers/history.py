"""/history and /today: a child's episodes page by page, one opened in full, today at a glance."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler

from bot.handlers.child import for_child
from bot.handlers.episodes import arguments
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.episodes import history as episode_history
from bot.views.episodes import history as views
from models import Membership


def _period(turn: Turn) -> str:
    """The period asked for: typed after /history (refused if unknown), or the default."""
    return episode_history.parse_period(arguments(turn) if turn.callback is None else None)


async def _check_period(turn: Turn) -> None:
    _period(turn)  # a bad period is refused before "which child?" goes out


@for_child("history", asked=_check_period)
async def show_history(turn: Turn, membership: Membership) -> Reply:
    """Someone asked for the episodes so far (/history 7d, 30d or all)."""
    page = await episode_history.page(turn.session, membership, _period(turn), 0)
    return views.history(page, turn.language)


@press("hist", "page", arg=Arg.OPTIONAL)
async def turn_page(turn: Press) -> Reply:
    """Someone tapped Older, Newer or Back to the list."""
    page = await episode_history.page_for(
        turn.session, turn.person, turn.chat_id, turn.callback.id, turn.callback.arg
    )
    return views.history(page, turn.language)


@press("ep", "open", arg=Arg.OPTIONAL)
async def open_episode(turn: Press) -> Reply:
    """Someone tapped an episode's number in the history."""
    shown = await episode_history.open_episode(
        turn.session, turn.person, turn.chat_id, turn.callback.id
    )
    return views.episode(shown, turn.callback.arg, turn.language)


@for_child("today")
async def show_today(turn: Turn, membership: Membership) -> Reply:
    """Someone asked how today has been."""
    summary = await episode_history.today(turn.session, membership)
    return views.today(summary, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("history", show_history))
    app.add_handler(CommandHandler("today", show_today))
