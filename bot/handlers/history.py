"""/history and /today: a child's episodes page by page, one opened in full, today at a glance."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.episodes import arguments
from bot.handlers.kit import Turn, handles
from bot.services.episodes import history as episode_history
from bot.services.errors import DomainError
from bot.views.episodes import history as views


@handles
async def show_history(turn: Turn) -> None:
    """Someone asked for the episodes so far (/history 7d, 30d or all)."""
    period = episode_history.parse_period(arguments(turn) if turn.callback is None else None)
    membership = await member_for(turn, "history")
    if membership is not None:
        page = await episode_history.page(turn.session, membership, period, 0)
        respond(turn, views.history(page, turn.language))


@handles
async def turn_page(turn: Turn) -> None:
    """Someone tapped Older, Newer or Back to the list."""
    assert turn.person is not None
    if turn.callback is None:
        raise DomainError("errors.expired_button")
    page = await episode_history.page_for(
        turn.session, turn.person, turn.chat_id, turn.callback.id, turn.callback.arg
    )
    turn.edit = views.history(page, turn.language)


@handles
async def open_episode(turn: Turn) -> None:
    """Someone tapped an episode's number in the history."""
    assert turn.person is not None
    if turn.callback is None:
        raise DomainError("errors.expired_button")
    shown = await episode_history.open_episode(
        turn.session, turn.person, turn.chat_id, turn.callback.id
    )
    turn.edit = views.episode(shown, turn.callback.arg, turn.language)


@handles
async def show_today(turn: Turn) -> None:
    """Someone asked how today has been."""
    membership = await member_for(turn, "today")
    if membership is not None:
        summary = await episode_history.today(turn.session, membership)
        respond(turn, views.today(summary, turn.language))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("history", show_history))
    app.add_handler(CallbackQueryHandler(show_history, pattern=child_pattern("history")))
    app.add_handler(CallbackQueryHandler(turn_page, pattern=r"^hist:\d+:page"))
    app.add_handler(CallbackQueryHandler(open_episode, pattern=r"^ep:\d+:open"))
    app.add_handler(CommandHandler("today", show_today))
    app.add_handler(CallbackQueryHandler(show_today, pattern=child_pattern("today")))
