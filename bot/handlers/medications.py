"""/meds and /med: the regimen, its changes relayed to the team, titration plans and steps."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CommandHandler

from bot import clock, scheduling
from bot.handlers import wizards
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Render, Reply
from bot.services.doses import duties as dose_duties
from bot.services.medications import changes as medications
from bot.services.medications import guide as medication_guide
from bot.services.medications import regimen, titration
from bot.services.medications import settings as medication_settings
from bot.services.teams import audience, permissions
from bot.services.teams.permissions import Action, Command
from bot.views.medications import changes as views
from bot.views.medications import guide as guide_views
from bot.views.medications import regimen as regimen_views
from bot.views.medications import titration as titration_views
from bot.views.medications import weight as weight_views
from models import Membership, WizardState

COMMANDS = [
    Command("meds", action=Action.SEE_MEDICINES, feature="medications"),
    Command("med", action=Action.CHANGE_MEDICATION, feature="medications"),
]
Verb = Callable[[Turn, Membership, str], Awaitable[Reply]]


def arguments(turn: Turn) -> str:
    """The words after the command; none when a "which child?" button re-runs it."""
    if turn.callback is not None:
        return ""
    parts = turn.text.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


async def share(turn: Turn, child_id: int, render: Render) -> Reply:
    """Tell the rest of the team what the answer here says, each in their language."""
    team = await audience.team(
        turn.session, child_id, exclude_person_id=turn.person.id, exclude_chat_id=turn.chat_id
    )
    await announce(turn.session, team, render)
    return render(turn.language)


Result = medications.Recorded | medications.Pending | medications.WeightAsked


async def tell(turn: Turn, result: Result) -> Reply:
    """Ask for the weight or the confirmation, or relay the recorded change to the team."""
    if isinstance(result, medications.WeightAsked):
        return weight_views.question(result, turn.language)
    if isinstance(result, medications.Pending):
        return views.confirm(result, turn.language)
    return await share(turn, result.child.id, partial(views.relay, result))


@for_child("meds")
async def show_regimen(turn: Turn, membership: Membership) -> Reply:
    """Someone asked what the child takes (now, or on a date)."""
    page = await regimen.page(turn.session, membership, arguments(turn), clock.now())
    return regimen_views.regimen(page, turn.language)


async def _guide(turn: Turn, membership: Membership, _: str) -> Reply:
    if not turn.in_private:
        return guide_views.in_private(turn.update.get_bot().username, turn.language)
    asked = await medication_guide.begin(turn.session, turn.person, membership, turn.chat_id)
    return guide_views.question(asked, turn.language)


async def _record(turn: Turn, membership: Membership, line: str) -> Reply:
    submitted = await medications.submit(turn.session, turn.person, membership, turn.chat_id, line)
    return await tell(turn, submitted)


async def _pause_or_resume(turn: Turn, membership: Membership, line: str) -> Reply:
    verb, _, name = line.partition(" ")
    change = titration.pause if verb.lower() == "pause" else titration.resume
    state = await change(turn.session, turn.person, membership=membership, name=name)
    render = partial(titration_views.plan_state, state, turn.person.first_name)
    return await share(turn, state.child.id, render)


async def _who(turn: Turn, membership: Membership, line: str) -> Reply:
    words = line.split()[1:]
    duties = await dose_duties.who(turn.session, membership, turn.person, words)
    return regimen_views.duties(duties, turn.language)


async def _weight(turn: Turn, membership: Membership, line: str) -> Reply:
    _, _, text = line.partition(" ")
    setting = await medication_settings.weight(turn.session, turn.person, membership, text)
    return weight_views.weight(setting, turn.language)


async def _bedtime(turn: Turn, membership: Membership, line: str) -> Reply:
    _, _, text = line.partition(" ")
    setting = await medication_settings.bedtime(turn.session, turn.person, membership, text)
    return weight_views.bedtime(setting, turn.language)


VERBS: dict[str, Verb] = {
    "pause": _pause_or_resume,
    "resume": _pause_or_resume,
    "who": _who,
    "weight": _weight,
    "bedtime": _bedtime,
}


@for_child("med")
async def med(turn: Turn, membership: Membership) -> Reply:
    """Someone sent /med: guided without words, else start/change/stop, pause, resume or who."""
    line = arguments(turn)
    verb = line.split(maxsplit=1)[0].lower() if line else ""
    run = VERBS.get(verb, _record) if line else _guide
    return await run(turn, membership, line)


@press("med", "start", "change", "stop", arg=Arg.OPTIONAL_NUMBER)
async def choose(turn: Press) -> Reply:
    """Someone tapped start, change or stop (or the medicine) in the guided /med."""
    pressed = turn.callback
    asked = await medication_guide.choose(
        turn.session, turn.person, turn.chat_id, pressed.id, pressed.action, pressed.arg
    )
    return guide_views.question(asked, turn.language)


async def answer(turn: Turn, state: WizardState) -> Reply:
    """Someone typed the line the guided /med asked for, or the child's weight."""
    if state.step == medications.WEIGHT:
        given = await medications.give_weight(turn.session, turn.person, state, turn.text)
        return await tell(turn, given)
    result = await medication_guide.answer(turn.session, turn.person, state, turn.text)
    return await tell(turn, result)


@press("med", "skip")
async def skip_reason(turn: Press) -> Reply:
    """Someone stopped a medicine without giving a reason."""
    result = await medication_guide.skip(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return await tell(turn, result)


@press("med", "confirm")
async def confirm(turn: Press) -> Reply:
    """The recorder confirmed a change that needed it."""
    result = await medications.confirm(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return await tell(turn, result)


@press("med", "cancel")
async def cancel(turn: Press) -> Reply:
    """The recorder changed their mind."""
    await medications.cancel(turn.session, turn.person, turn.chat_id, turn.callback.id)
    return views.cancelled(turn.language)


@press("titr", "pause", "resume", arg=Arg.OPTIONAL, sends=True)
async def press_plan(turn: Press) -> Reply:
    """Someone tapped Pause or Resume under a titration plan in /meds: answered below it."""
    change = titration.pause if turn.callback.action == "pause" else titration.resume
    state = await change(turn.session, turn.person, turn.callback.id)
    render = partial(titration_views.plan_state, state, turn.person.first_name)
    return await share(turn, state.child.id, render)


async def apply_step(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A titration step's day has come: apply it and tell the team."""
    applied = await titration.apply_step(session, fired.payload["titration_id"])
    if applied is not None:
        team = await audience.team(session, applied.child.id)
        await announce(session, team, partial(titration_views.step, applied))


TIMED: dict[str, scheduling.Handler] = {titration.KIND: apply_step}


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    scheduling.install(TIMED)
    app.add_handler(CommandHandler("meds", show_regimen))
    app.add_handler(CommandHandler("med", med))
    wizards.on_answer(medications.FLOW, answer)
