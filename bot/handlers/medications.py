"""/meds and /med: the regimen, its changes relayed to the team, titration plans and steps."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot import callbacks, clock, scheduling
from bot.handlers import wizards
from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.news import announce
from bot.replies import Render
from bot.services.doses import duties as dose_duties
from bot.services.medications import changes as medications
from bot.services.medications import guide as medication_guide
from bot.services.medications import regimen, titration
from bot.services.teams import audience, permissions
from bot.services.teams.permissions import Action, Command
from bot.views.medications import changes as views
from bot.views.medications import guide as guide_views
from bot.views.medications import regimen as regimen_views
from models import Membership, WizardState

COMMANDS = [
    Command("meds", action=Action.SEE_MEDICINES, feature="medications"),
    Command("med", action=Action.CHANGE_MEDICATION, feature="medications"),
]
permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)

Route = Callable[[Turn, Membership, str], Awaitable[None]]


def arguments(turn: Turn) -> str:
    """The words after the command; none when a "which child?" button re-runs it."""
    if turn.callback is not None:
        return ""
    parts = turn.text.split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


async def share(turn: Turn, child_id: int, render: Render, *, below: bool = False) -> None:
    """Answer here (``below`` the pressed message, not in its place); tell the rest of the team."""
    assert turn.person is not None
    team = await audience.team(
        turn.session, child_id, exclude_person_id=turn.person.id, exclude_chat_id=turn.chat_id
    )
    await announce(turn.session, team, render)
    reply = render(turn.language)
    if below:
        turn.reply(reply)
    else:
        respond(turn, reply)


async def tell(turn: Turn, result: medications.Recorded | medications.Pending) -> None:
    """Ask for the confirmation, or relay the recorded change to the team and its recorder."""
    if isinstance(result, medications.Pending):
        respond(turn, views.confirm(result, turn.language))
        return
    await share(turn, result.child.id, partial(views.relay, result))


@handles
async def show_regimen(turn: Turn) -> None:
    """Someone asked what the child takes (now, or on a date)."""
    membership = await member_for(turn, "meds")
    if membership is not None:
        page = await regimen.page(turn.session, membership, arguments(turn), clock.now())
        respond(turn, regimen_views.regimen(page, turn.language))


async def _guide(turn: Turn, membership: Membership, _: str) -> None:
    if not turn.in_private:
        turn.reply(guide_views.in_private(turn.update.get_bot().username, turn.language))
        return
    assert turn.person is not None
    asked = await medication_guide.begin(turn.session, turn.person, membership, turn.chat_id)
    respond(turn, guide_views.question(asked, turn.language))


async def _record(turn: Turn, membership: Membership, line: str) -> None:
    assert turn.person is not None
    await tell(
        turn,
        await medications.submit(turn.session, turn.person, membership, turn.chat_id, line),
    )


async def _pause_or_resume(turn: Turn, membership: Membership, line: str) -> None:
    assert turn.person is not None
    verb, _, name = line.partition(" ")
    change = titration.pause if verb.lower() == "pause" else titration.resume
    state = await change(turn.session, turn.person, membership=membership, name=name)
    await share(turn, state.child.id, partial(views.plan_state, state, turn.person.first_name))


async def _who(turn: Turn, membership: Membership, line: str) -> None:
    assert turn.person is not None
    words = line.split()[1:]
    found = await dose_duties.who(turn.session, membership, turn.person, words)
    turn.reply(regimen_views.duties(found, turn.language))


ROUTES: dict[str, Route] = {"pause": _pause_or_resume, "resume": _pause_or_resume, "who": _who}


@handles
async def med(turn: Turn) -> None:
    """Someone sent /med: guided without words, else start/change/stop, pause, resume or who."""
    membership = await member_for(turn, "med")
    if membership is None:
        return
    line = arguments(turn)
    verb = line.split(maxsplit=1)[0].lower() if line else ""
    route = ROUTES.get(verb, _record) if line else _guide
    await route(turn, membership, line)


@handles
async def choose(turn: Turn) -> None:
    """Someone tapped start, change or stop (or the medicine) in the guided /med."""
    assert turn.person is not None and turn.callback is not None
    pressed = turn.callback
    asked = await medication_guide.choose(
        turn.session, turn.person, turn.chat_id, pressed.id, pressed.action, pressed.arg
    )
    turn.edit = guide_views.question(asked, turn.language)


async def answer(turn: Turn, state: WizardState) -> None:
    """Someone typed the line the guided /med asked for."""
    assert turn.person is not None
    await tell(turn, await medication_guide.answer(turn.session, turn.person, state, turn.text))


@handles
async def skip_reason(turn: Turn) -> None:
    """Someone stopped a medicine without giving a reason."""
    assert turn.person is not None and turn.callback is not None
    result = await medication_guide.skip(turn.session, turn.person, turn.chat_id, turn.callback.id)
    await tell(turn, result)


@handles
async def confirm(turn: Turn) -> None:
    """The recorder confirmed a change that needed it."""
    assert turn.person is not None and turn.callback is not None
    result = await medications.confirm(turn.session, turn.person, turn.chat_id, turn.callback.id)
    await tell(turn, result)


@handles
async def cancel(turn: Turn) -> None:
    """The recorder changed their mind."""
    assert turn.person is not None and turn.callback is not None
    await medications.cancel(turn.session, turn.person, turn.chat_id, turn.callback.id)
    turn.edit = views.cancelled(turn.language)


@handles
async def press_plan(turn: Turn) -> None:
    """Someone tapped Pause or Resume under a titration plan in /meds."""
    assert turn.person is not None and turn.callback is not None
    change = titration.pause if turn.callback.action == "pause" else titration.resume
    state = await change(turn.session, turn.person, turn.callback.id)
    render = partial(views.plan_state, state, turn.person.first_name)
    await share(turn, state.child.id, render, below=True)


@scheduling.on(titration.KIND)
async def apply_step(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A titration step's day has come: apply it and tell the team."""
    applied = await titration.apply_step(session, fired.payload["titration_id"])
    if applied is not None:
        team = await audience.team(session, applied.child.id)
        await announce(session, team, partial(views.step, applied))


def register(app: Application) -> None:
    app.add_handler(CommandHandler("meds", show_regimen))
    app.add_handler(CallbackQueryHandler(show_regimen, pattern=child_pattern("meds")))
    app.add_handler(CommandHandler("med", med))
    app.add_handler(CallbackQueryHandler(med, pattern=child_pattern("med")))
    app.add_handler(CallbackQueryHandler(choose, pattern=r"^med:\d+:(start|change|stop)(:\d+)?$"))
    app.add_handler(CallbackQueryHandler(skip_reason, pattern=r"^med:\d+:skip$"))
    app.add_handler(CallbackQueryHandler(confirm, pattern=r"^med:\d+:confirm$"))
    app.add_handler(CallbackQueryHandler(cancel, pattern=r"^med:\d+:cancel$"))
    app.add_handler(CallbackQueryHandler(press_plan, pattern=callbacks.pattern("titr")))
    wizards.on_answer(medications.FLOW, answer)
