"""/followup, /remind and /reminders: add, list, move and cancel follow-ups, and their notices."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CommandHandler

from bot import scheduling
from bot.handlers import wizards
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
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
from models import Membership, WizardState

COMMANDS = [
    Command("followup", action=Action.FOLLOW_UPS, feature="followups"),
    Command("reminders", action=Action.FOLLOW_UPS, feature="followups"),
]


def _line(turn: Turn) -> str:
    """The words after the command (none for a button press)."""
    if turn.callback is not None:
        return ""
    _, _, rest = turn.text.partition(" ")
    return rest.strip()


async def _hold(turn: Turn) -> None:
    """The child is not known yet: keep what was typed for the answer."""
    await followup_wizard.hold(turn.session, turn.person, turn.chat_id, _line(turn))


@for_child("followup", asked=_hold)
async def add_followup(turn: Turn, membership: Membership) -> Reply:
    """Someone sent /followup or /remind (or picked the child it is for)."""
    line = _line(turn)
    begun = await followup_wizard.begin(turn.session, turn.person, membership, turn.chat_id, line)
    if isinstance(begun, Asking):
        return views.ask_kind(begun.state, begun.child, turn.language)
    return views.saved(begun, turn.language)


@press("fuflow", "kind", arg=Arg.REQUIRED)
async def pick_kind(turn: Press) -> Reply:
    """Someone tapped what the follow-up is for."""
    state = await followup_wizard.pick_kind(
        turn.session, turn.person, turn.chat_id, turn.callback.id, turn.callback.arg
    )
    return views.ask_when(state, turn.language)


@press("fuflow", "stop")
async def stop_flow(turn: Press) -> Reply:
    """Someone gave up on the questions."""
    await followup_wizard.stop(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return views.stopped(turn.language)


async def answer(turn: Turn, state: WizardState) -> Reply:
    """Someone typed the date of a follow-up (a new one, or one they are moving)."""
    saved = await followup_wizard.answer(turn.session, turn.person, state, turn.text)
    return views.saved(saved, turn.language, moved=state.step == FollowupStep.MOVE)


@for_child("reminders")
async def list_followups(turn: Turn, membership: Membership) -> Reply:
    """Someone asked what is coming."""
    return views.agenda(await followups.agenda(turn.session, membership), turn.language)


@press("fu", "notice", arg=Arg.REQUIRED)
async def toggle_notice(turn: Press) -> Reply:
    """Someone turned one of a follow-up's notices on or off."""
    saved = await followups.toggle_notice(
        turn.session, turn.person, turn.callback.id, turn.callback.arg
    )
    return views.saved(saved, turn.language)


@press("fu", "cancel")
async def ask_cancel(turn: Press) -> Reply:
    """Someone tapped Cancel on a follow-up: ask once more."""
    followup = await followups.active(turn.session, turn.person, turn.callback.id)
    return views.confirm_cancel(followup, turn.language)


@press("fu", "drop")
async def cancel_followup(turn: Press) -> Reply:
    """Someone confirmed cancelling a follow-up."""
    cancelled = await followups.cancel(turn.session, turn.person, turn.callback.id)
    return views.cancelled(cancelled, turn.language)


@press("fu", "keep")
async def keep_followup(turn: Press) -> Reply:
    """Someone decided to keep a follow-up after all: back to the list."""
    agenda = await followups.agenda_of(turn.session, turn.person, turn.callback.id)
    return views.agenda(agenda, turn.language)


@press("fu", "move", sends=True)
async def ask_new_date(turn: Press) -> Reply | None:
    """Someone tapped Move: the new date is typed in their private chat."""
    moving = await followup_wizard.start_move(turn.session, turn.person, turn.callback.id)
    return await turn.privately(
        views.ask_new_date(moving, turn.language), views.sent_privately(turn.language)
    )


@press("fu", "happened", "moved", "missed", arg=Arg.REQUIRED)
async def record_outcome(turn: Press) -> Reply:
    """A guardian said whether the appointment happened."""
    pressed = turn.callback
    answered = await followup_notices.record_outcome(
        turn.session, turn.person, pressed.id, pressed.arg, pressed.action
    )
    return views.answered(answered, turn.language)


async def send_notice(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A follow-up's notice fell due: tell the team, and the clinician who created it."""
    found = await followup_notices.notice(session, fired.payload)
    if found is not None:

        def notice(language: Language) -> Reply:
            return mark_late(views.reminder(found.occurrence, fired.now, language), fired, language)

        await announce(session, found.audience, notice)


async def ask_outcome(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A follow-up's time has passed: ask the guardians how an appointment went."""
    found = await followup_notices.passed(session, fired.payload, fired.now)
    if found is not None:

        def question(language: Language) -> Reply:
            return mark_late(views.question(found, language), fired, language)

        await announce(session, await audience.guardians(session, found.child.id), question)


TIMED: dict[str, scheduling.Handler] = {NOTICE: send_notice, ASK: ask_outcome}


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    scheduling.install(TIMED)
    app.add_handler(CommandHandler(["followup", "remind"], add_followup))
    app.add_handler(CommandHandler("reminders", list_followups))
    wizards.on_answer(followup_wizard.FLOW, answer)
