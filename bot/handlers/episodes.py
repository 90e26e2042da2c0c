"""/e (/episode) in one line, and the buttons under a report: undo, details, correct, delete."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.handlers import episode_wizard, wizards
from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.services import episode_changes, episode_history, episodes
from bot.services.errors import DomainError
from bot.views import episodes as views
from bot.views import history as history_views
from models import WizardState


def arguments(turn: Turn) -> str:
    """What follows the command in the message, e.g. "10:15 45s" in "/e 10:15 45s"."""
    parts = turn.text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


@handles
async def report_episode(turn: Turn) -> None:
    """Someone reported an episode in one line (or sent /e alone)."""
    assert turn.person is not None
    text = arguments(turn)
    if not text:
        await episode_wizard.begin(turn)  # /e alone: the guided report, step by step
        return
    membership = await member_for(turn, "episode")
    if membership is None:
        # In private that means "which child?" was asked: keep the text for the answer.
        if turn.in_private:
            await episodes.hold(turn.session, turn.person, turn.chat_id, text)
        return
    found = await episodes.report_line(
        turn.session, membership, turn.person, text, turn.chat_id, said_at=turn.received_at
    )
    turn.reply(views.receipt(found, turn.language))


@handles
async def report_for_child(turn: Turn) -> None:
    """Someone said which child the report they just sent is about."""
    assert turn.person is not None
    membership = await member_for(turn, "episode")
    if membership is not None:
        text = await episodes.held(turn.session, turn.person, turn.chat_id)
        found = await episodes.report_line(
            turn.session, membership, turn.person, text, turn.chat_id
        )
        respond(turn, views.receipt(found, turn.language))


def _pressed(turn: Turn) -> tuple[int, str | None]:
    """The episode id and argument a button carries; data the scheme refuses has expired."""
    assert turn.person is not None
    if turn.callback is None or turn.callback.prefix != "ep":
        raise DomainError("errors.expired_button")
    return turn.callback.id, turn.callback.arg


@handles
async def undo_report(turn: Turn) -> None:
    """The reporter tapped Undo."""
    episode_id, _ = _pressed(turn)
    found = await episode_changes.undo(turn.session, turn.person, turn.chat_id, episode_id)
    turn.edit = views.undone(found.card, found.child, found.now, turn.language)


@handles
async def open_details(turn: Turn) -> None:
    """Someone tapped "Add details"."""
    episode_id, _ = _pressed(turn)
    found = await episode_changes.details(turn.session, turn.person, turn.chat_id, episode_id)
    turn.edit = views.details(found, turn.language)


@handles
async def add_detail(turn: Turn) -> None:
    """Someone tapped an intensity, a setting or a trigger."""
    episode_id, value = _pressed(turn)
    assert turn.callback is not None
    found = await episode_changes.add_detail(
        turn.session, turn.person, turn.chat_id, episode_id, turn.callback.action, value or ""
    )
    turn.edit = views.details(found, turn.language)


@handles
async def close_details(turn: Turn) -> None:
    """Someone tapped Done under the details."""
    episode_id, _ = _pressed(turn)
    found = await episode_changes.details(turn.session, turn.person, turn.chat_id, episode_id)
    turn.edit = views.receipt(found, turn.language)


@handles
async def same_episode(turn: Turn) -> None:
    """The second reporter said it was the episode someone else had reported."""
    episode_id, other = _pressed(turn)
    primary = await episode_changes.same_episode(
        turn.session, turn.person, turn.chat_id, episode_id, int(other or 0)
    )
    turn.edit = views.merged(primary, turn.language)


@handles
async def different_episode(turn: Turn) -> None:
    """The second reporter said it was another episode (or shared a held report)."""
    episode_id, _ = _pressed(turn)
    found = await episode_changes.different_episode(
        turn.session, turn.person, turn.chat_id, episode_id
    )
    turn.edit = views.receipt(found, turn.language)


@handles
async def ask_correction(turn: Turn) -> None:
    """Someone tapped Correct: ask for the corrected line, privately."""
    episode_id, _ = _pressed(turn)
    asked = await episode_changes.ask_correction(
        turn.session, turn.person, turn.chat_id, episode_id
    )
    if asked.sent_privately:
        turn.answer = views.correct_prompt_sent(turn.language).text
    else:
        turn.reply(views.correct_prompt(asked.line, turn.language))


async def correct_episode(turn: Turn, state: WizardState) -> None:
    """Someone typed the corrected report."""
    assert turn.person is not None
    found = await episode_changes.correct(turn.session, turn.person, state, turn.text)
    turn.reply(views.receipt(found, turn.language, corrected=True))


@handles
async def ask_delete(turn: Turn) -> None:
    """Someone tapped Delete: ask to confirm."""
    episode_id, back = _pressed(turn)
    await episode_changes.ask_delete(turn.session, turn.person, turn.chat_id, episode_id)
    turn.edit = views.delete_confirm(episode_id, back, turn.language)


@handles
async def delete_episode(turn: Turn) -> None:
    """Someone confirmed deleting an episode."""
    episode_id, back = _pressed(turn)
    found = await episode_changes.delete(turn.session, turn.person, turn.chat_id, episode_id)
    turn.edit = views.deleted(found, back, turn.language)


@handles
async def keep_episode(turn: Turn) -> None:
    """Someone decided not to delete after all."""
    episode_id, back = _pressed(turn)
    assert turn.person is not None
    if back is None:
        found = await episode_changes.details(turn.session, turn.person, turn.chat_id, episode_id)
        turn.edit = views.receipt(found, turn.language)
        return
    shown = await episode_history.open_episode(turn.session, turn.person, turn.chat_id, episode_id)
    turn.edit = history_views.episode(shown, back, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler(["e", "episode"], report_episode))
    app.add_handler(CallbackQueryHandler(report_for_child, pattern=child_pattern("episode")))
    app.add_handler(CallbackQueryHandler(undo_report, pattern=r"^ep:\d+:undo$"))
    app.add_handler(CallbackQueryHandler(open_details, pattern=r"^ep:\d+:details$"))
    app.add_handler(CallbackQueryHandler(add_detail, pattern=r"^ep:\d+:(int|where|why):"))
    app.add_handler(CallbackQueryHandler(close_details, pattern=r"^ep:\d+:done$"))
    app.add_handler(CallbackQueryHandler(same_episode, pattern=r"^ep:\d+:same:\d+$"))
    app.add_handler(CallbackQueryHandler(different_episode, pattern=r"^ep:\d+:differ$"))
    app.add_handler(CallbackQueryHandler(ask_correction, pattern=r"^ep:\d+:fix$"))
    app.add_handler(CallbackQueryHandler(ask_delete, pattern=r"^ep:\d+:delete(:|$)"))
    app.add_handler(CallbackQueryHandler(delete_episode, pattern=r"^ep:\d+:delyes(:|$)"))
    app.add_handler(CallbackQueryHandler(keep_episode, pattern=r"^ep:\d+:keep(:|$)"))
    wizards.on_answer(episode_changes.FIX_FLOW, correct_episode)
