"""/e (/episode) in one line, and the buttons under a report: its question, undo, details, correct,
delete."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler, MessageHandler, filters

from bot.delivery.outbox import enqueue, enqueue_edit
from bot.handlers import episode_news, episode_wizard, wizards
from bot.handlers.child import for_child
from bot.handlers.episode_wizard import RepliesToButtons
from bot.handlers.kit import Press, Turn, handles
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.episodes import changes as episode_changes
from bot.services.episodes import history as episode_history
from bot.services.episodes import questions as episode_questions
from bot.services.episodes import report as episodes
from bot.services.errors import DomainError
from bot.views.episodes import history as history_views
from bot.views.episodes import questions as question_views
from bot.views.episodes import report as views
from models import Membership, WizardState


def arguments(turn: Turn) -> str:
    """What follows the command in the message, e.g. "10:15 45s" in "/e 10:15 45s"."""
    parts = turn.text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def _hold(turn: Turn) -> None:
    """In private, "which child?" was asked: keep the typed report for the answer."""
    if turn.callback is None and turn.in_private:
        await episodes.hold(turn.session, turn.person, turn.chat_id, arguments(turn))


@for_child("episode", asked=_hold)
async def report_line(turn: Turn, membership: Membership) -> Reply:
    """Someone reported an episode in one line (or said which child the held one is about)."""
    typed = turn.update.effective_message if turn.callback is None else None
    if typed is not None:
        text = arguments(turn)
    else:
        text = await episodes.held(turn.session, turn.person, turn.chat_id)
    receipt = await episodes.report_line(
        turn.session,
        membership,
        turn.person,
        text,
        turn.chat_id,
        message_id=typed.message_id if typed is not None else None,
        said_at=turn.received_at,
    )
    await episode_news.tell(turn.session, receipt.news)
    return views.receipt(receipt, turn.language)


@handles
async def report_episode(turn: Turn) -> Reply | None:
    """Someone sent /e with a line, or /e alone: the guided report, step by step."""
    if arguments(turn):
        return await report_line.run(turn)
    return await episode_wizard.begin.run(turn)


@press("ep", "undo")
async def undo_report(turn: Press) -> Reply:
    """The reporter tapped Undo."""
    undone = await episode_changes.undo(turn.session, turn.person, turn.chat_id, turn.callback.id)
    await episode_news.tell(turn.session, undone.news)
    return views.undone(undone.card, undone.child, undone.now, turn.language)


@press("ep", "details")
async def open_details(turn: Press) -> Reply:
    """Someone tapped "Add details"."""
    card = await episode_changes.details(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return views.details(card, turn.language)


@press("ep", "int", "where", "why", arg=Arg.REQUIRED)
async def add_detail(turn: Press) -> Reply:
    """Someone tapped an intensity, a setting or a trigger."""
    pressed = turn.callback
    card = await episode_changes.add_detail(
        turn.session, turn.person, turn.chat_id, pressed.id, pressed.action, pressed.arg or ""
    )
    return views.details(card, turn.language)


@press("ep", "done")
async def close_details(turn: Press) -> Reply:
    """Someone tapped Done under the details."""
    card = await episode_changes.details(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return views.receipt(card, turn.language)


@press("ep", "same", arg=Arg.NUMBER)
async def same_episode(turn: Press) -> Reply:
    """The second reporter said it was the episode someone else had reported."""
    pressed = turn.callback
    primary = await episode_changes.same_episode(
        turn.session, turn.person, turn.chat_id, pressed.id, int(pressed.arg or 0)
    )
    await episode_news.tell(turn.session, primary.news)
    return views.merged(primary, turn.language)


@press("ep", "differ")
async def different_episode(turn: Press) -> Reply:
    """The second reporter said it was another episode (or shared a held report)."""
    card = await episode_changes.different_episode(
        turn.session, turn.person, turn.chat_id, turn.callback.id
    )
    await episode_news.tell(turn.session, card.news)
    return views.receipt(card, turn.language)


@press("ep", "ans", arg=Arg.REQUIRED)
async def answer_question(turn: Press) -> Reply:
    """The reporter tapped one of the likely answers under their report's question."""
    pressed = turn.callback
    number, _, index = (pressed.arg or "").partition(".")
    if not (number.isdigit() and index.isdigit()):
        raise DomainError("errors.expired_button")
    shown = await episode_questions.choose(
        turn.session, turn.person, turn.chat_id, pressed.id, int(number), int(index)
    )
    await episode_news.tell(turn.session, shown.news)
    return views.receipt(shown, turn.language)


@press("ep", "typeit", arg=Arg.NUMBER)
async def start_typing(turn: Press) -> Reply:
    """The reporter tapped "Type it": their next line is the answer."""
    pressed, where = turn.callback, turn.pressed_message
    shown = await episode_questions.start_typing(
        turn.session, turn.person, turn.chat_id, pressed.id, int(pressed.arg or 0),
        message_id=where[1] if where else None,
    )  # fmt: skip
    return question_views.typing_prompt(shown, turn.in_private, turn.language)


async def type_answer(turn: Turn, state: WizardState) -> Reply:
    """The reporter typed the answer to their report's question: the report shows it."""
    card_at = state.message_id
    shown = await episode_questions.type_answer(turn.session, turn.person, state, turn.text)
    await episode_news.tell(turn.session, shown.news)
    if card_at is None:
        return views.receipt(shown, turn.language)
    await enqueue_edit(turn.session, turn.chat_id, card_at, views.receipt(shown, turn.language))
    return question_views.answer_taken(shown, turn.language)


@handles
async def reply_with_answer(turn: Turn) -> Reply | None:
    """Someone replied in the group to a report with a question: their answer, if they typed it."""
    state = await episode_questions.waiting(turn.session, turn.person, turn.chat_id)
    return None if state is None else await type_answer(turn, state)


@press("ep", "fix", sends=True)
async def ask_correction(turn: Press) -> Reply | None:
    """Someone tapped Correct: ask for the corrected line, privately."""
    asked = await episode_changes.ask_correction(
        turn.session, turn.person, turn.chat_id, turn.callback.id
    )
    if asked.sent_privately:
        prompt = views.correct_prompt(asked.line, turn.person.language_code)
        await enqueue(turn.session, turn.person.telegram_user_id, prompt)
        turn.answer = views.correct_prompt_sent(turn.language).text
        return None
    return views.correct_prompt(asked.line, turn.language)


async def correct_episode(turn: Turn, state: WizardState) -> Reply:
    """Someone typed the corrected report."""
    card = await episode_changes.correct(turn.session, turn.person, state, turn.text)
    await episode_news.tell(turn.session, card.news)
    return views.receipt(card, turn.language, corrected=True)


@press("ep", "delete", arg=Arg.OPTIONAL)
async def ask_delete(turn: Press) -> Reply:
    """Someone tapped Delete: ask to confirm."""
    pressed = turn.callback
    await episode_changes.ask_delete(turn.session, turn.person, turn.chat_id, pressed.id)
    return views.delete_confirm(pressed.id, pressed.arg, turn.language)


@press("ep", "delyes", arg=Arg.OPTIONAL)
async def delete_episode(turn: Press) -> Reply:
    """Someone confirmed deleting an episode."""
    pressed = turn.callback
    deleted = await episode_changes.delete(turn.session, turn.person, turn.chat_id, pressed.id)
    await episode_news.tell(turn.session, deleted.news)
    return views.deleted(deleted, pressed.arg, turn.language)


@press("ep", "keep", arg=Arg.OPTIONAL)
async def keep_episode(turn: Press) -> Reply:
    """Someone decided not to delete after all: back to the report, or to the history."""
    episode_id, back = turn.callback.id, turn.callback.arg
    if back is None:
        card = await episode_changes.details(turn.session, turn.person, turn.chat_id, episode_id)
        return views.receipt(card, turn.language)
    shown = await episode_history.open_episode(turn.session, turn.person, turn.chat_id, episode_id)
    return history_views.episode(shown, back, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler(["e", "episode"], report_episode))
    asked = filters.ChatType.GROUPS & RepliesToButtons("ep", "typeit", "ans") & filters.TEXT
    app.add_handler(MessageHandler(asked & ~filters.COMMAND, reply_with_answer))
    wizards.on_answer(episode_changes.FIX_FLOW, correct_episode)
    wizards.on_answer(episode_questions.FLOW, type_answer)
