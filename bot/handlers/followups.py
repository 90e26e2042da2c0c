"""/followup, /remind and /reminders: add, list, move and cancel follow-ups, and their notices."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot import scheduling
from bot.delivery.outbox import enqueue
from bot.handlers import wizards
from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.news import announce
from bot.replies import Language, Reply
from bot.services.followups import agenda as followups
from bot.services.followups import notices as followup_notices
from bot.services.followups import wizard as followup_wizard
from bot.services.followups.schedule import ASK, NOTICE
from bot.services.followups.wizard import Asking, FollowupStep
from bot.services.teams import audience, permissions
from bot.services.teams.permissions import Action, Command
from bot.views import followups as views
from bot.views.scheduling import mark_late
from models import WizardState

COMMANDS = [
    Command("followup", action=Action.FOLLOW_UPS, feature="followups"),
    Command("reminders", action=Action.FOLLOW_UPS, feature="followups"),
]
permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)


def _line(turn: Turn) -> str:
    """The words after the command (none for a button press)."""
    if turn.callback is not None:
        return ""
    _, _, rest = turn.text.partition(" ")
    return rest.strip()


@handles
async def add_followup(turn: Turn) -> None:
    """Someone sent /followup or /remind (or picked the child it is for)."""
    assert turn.person is not None
    line = _line(turn)
    membership = await member_for(turn, "followup")
    if membership is None:
        await followup_wizard.hold(turn.session, turn.person, turn.chat_id, line)
        return
    begun = await followup_wizard.begin(turn.session, turn.person, membership, turn.chat_id, line)
    if isinstance(begun, Asking):
        respond(turn, views.ask_kind(begun.state, begun.child, turn.language))
    else:
        respond(turn, views.saved(begun, turn.language))


@handles
async def pick_kind(turn: Turn) -> None:
    """Someone tapped what the follow-up is for."""
    assert turn.person is not None and turn.callback is not None
    state = await followup_wizard.pick_kind(
        turn.session, turn.person, turn.chat_id, turn.callback.id, turn.callback.arg
    )
    turn.edit = views.ask_when(state, turn.language)


@handles
async def stop_flow(turn: Turn) -> None:
    """Someone gave up on the questions."""
    assert turn.person is not None and turn.callback is not None
    await followup_wizard.stop(turn.session, turn.person, turn.chat_id, turn.callback.id)
    turn.edit = views.stopped(turn.language)


async def answer(turn: Turn, state: WizardState) -> None:
    """Someone typed the date of a follow-up (a new one, or one they are moving)."""
    assert turn.person is not None
    found = await followup_wizard.answer(turn.session, turn.person, state, turn.text)
    turn.reply(views.saved(found, turn.language, moved=state.step == FollowupStep.MOVE))


@handles
async def list_followups(turn: Turn) -> None:
    """Someone asked what is coming."""
    membership = await member_for(turn, "reminders")
    if membership is not None:
        respond(turn, views.agenda(await followups.agenda(turn.session, membership), turn.language))


@handles
async def toggle_notice(turn: Turn) -> None:
    """Someone turned one of a follow-up's notices on or off."""
    assert turn.person is not None and turn.callback is not None
    found = await followups.toggle_notice(
        turn.session, turn.person, turn.callback.id, turn.callback.arg
    )
    turn.edit = views.saved(found, turn.language)


@handles
async def ask_cancel(turn: Turn) -> None:
    """Someone tapped Cancel on a follow-up: ask once more."""
    assert turn.person is not None and turn.callback is not None
    found = await followups.active(turn.session, turn.person, turn.callback.id)
    turn.edit = views.confirm_cancel(found, turn.language)


@handles
async def cancel_followup(turn: Turn) -> None:
    """Someone confirmed cancelling a follow-up."""
    assert turn.person is not None and turn.callback is not None
    found = await followups.cancel(turn.session, turn.person, turn.callback.id)
    turn.edit = views.cancelled(found, turn.language)


@handles
async def keep_followup(turn: Turn) -> None:
    """Someone decided to keep a follow-up after all: back to the list."""
    assert turn.person is not None and turn.callback is not None
    found = await followups.agenda_of(turn.session, turn.person, turn.callback.id)
    turn.edit = views.agenda(found, turn.language)


@handles
async def ask_new_date(turn: Turn) -> None:
    """Someone tapped Move: the new date is typed in their private chat."""
    assert turn.person is not None and turn.callback is not None
    found = await followup_wizard.start_move(turn.session, turn.person, turn.callback.id)
    prompt = views.ask_new_date(found, turn.language)
    if turn.in_private:
        turn.reply(prompt)
    else:
        await enqueue(turn.session, turn.person.telegram_user_id, prompt)
        turn.answer = views.sent_privately(turn.language)


@handles
async def record_outcome(turn: Turn) -> None:
    """A guardian said whether the appointment happened."""
    assert turn.person is not None and turn.callback is not None
    pressed = turn.callback
    found = await followup_notices.record_outcome(
        turn.session, turn.person, pressed.id, pressed.arg, pressed.action
    )
    turn.edit = views.answered(found, turn.language)


@scheduling.on(NOTICE)
async def send_notice(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A follow-up's notice fell due: tell the team, and the clinician who created it."""
    found = await followup_notices.notice(session, fired.payload)
    if found is not None:

        def notice(language: Language) -> Reply:
            return mark_late(views.reminder(found.occurrence, fired.now, language), fired, language)

        await announce(session, found.audience, notice)


@scheduling.on(ASK)
async def ask_outcome(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A follow-up's time has passed: ask the guardians how an appointment went."""
    found = await followup_notices.passed(session, fired.payload, fired.now)
    if found is not None:

        def question(language: Language) -> Reply:
            return mark_late(views.question(found, language), fired, language)

        await announce(session, await audience.guardians(session, found.child.id), question)


def register(app: Application) -> None:
    app.add_handler(CommandHandler(["followup", "remind"], add_followup))
    app.add_handler(CallbackQueryHandler(add_followup, pattern=child_pattern("followup")))
    app.add_handler(CommandHandler("reminders", list_followups))
    app.add_handler(CallbackQueryHandler(list_followups, pattern=child_pattern("reminders")))
    app.add_handler(CallbackQueryHandler(pick_kind, pattern=r"^fuflow:\d+:kind:"))
    app.add_handler(CallbackQueryHandler(stop_flow, pattern=r"^fuflow:\d+:stop$"))
    app.add_handler(CallbackQueryHandler(toggle_notice, pattern=r"^fu:\d+:notice:"))
    app.add_handler(CallbackQueryHandler(ask_cancel, pattern=r"^fu:\d+:cancel$"))
    app.add_handler(CallbackQueryHandler(cancel_followup, pattern=r"^fu:\d+:drop$"))
    app.add_handler(CallbackQueryHandler(keep_followup, pattern=r"^fu:\d+:keep$"))
    app.add_handler(CallbackQueryHandler(ask_new_date, pattern=r"^fu:\d+:move$"))
    app.add_handler(
        CallbackQueryHandler(record_outcome, pattern=r"^fu:\d+:(happened|moved|missed):")
    )
    wizards.on_answer(followup_wizard.FLOW, answer)
