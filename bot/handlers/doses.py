"""Dose reminders: Given, Skipped, Snooze, Acknowledge; /doses and /adherence; the timed sends."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CommandHandler

from bot import clock, scheduling
from bot.delivery import edits
from bot.delivery.outbox import enqueue
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn
from bot.handlers.medications import arguments
from bot.handlers.routes import press
from bot.news import announce
from bot.replies import Language, Reply
from bot.services.doses import adherence
from bot.services.doses import answers as dose_answers
from bot.services.doses import outcomes as dose_outcomes
from bot.services.doses import reminders as doses
from bot.services.teams import audience, languages, permissions
from bot.services.teams.permissions import Action, Command
from bot.views import doses as views
from bot.views.scheduling import mark_late
from models import DoseStatus, Membership

COMMANDS = [
    Command("doses", action=Action.SEE_MEDICINES, feature="doses"),
    Command("adherence", action=Action.SEE_HISTORY, feature="doses"),
]


async def show_outcome(
    session: AsyncSession, outcome: dose_outcomes.DoseOutcome, skip: tuple[int, int] | None = None
) -> None:
    """Edit every copy of the reminder, and of its missed alert, to show what happened."""
    hearing, alert = outcome.hearing, partial(views.missed_alert, outcome)
    waiting = await edits.show_everywhere(
        session, outcome.copies, partial(views.outcome, outcome), hearing=hearing, skip=skip
    )
    waiting += await edits.show_everywhere(
        session, outcome.alerts, alert, hearing=hearing, skip=skip
    )
    await doses.sync_later(session, outcome.reminder, waiting)


def as_pressed(outcome: dose_outcomes.DoseOutcome, turn: Press) -> Reply:
    """The outcome as the pressed message shows it: a reminder copy, or the missed alert."""
    where = turn.pressed_message
    if any((row.chat_id, row.telegram_message_id) == where for row in outcome.alerts):
        return views.missed_alert(outcome, turn.language)
    return views.outcome(outcome, turn.language)


async def settled(
    turn: Press, result: dose_outcomes.DoseOutcome | dose_answers.Already, *, quiet: bool = False
) -> Reply:
    """Show the outcome on the pressed copy, and on every other unless it was known already."""
    if isinstance(result, dose_answers.Already):
        if not quiet:
            turn.answer, turn.alert = views.already(result.outcome, turn.language), True
        return as_pressed(result.outcome, turn)
    reply = as_pressed(result, turn)
    await show_outcome(turn.session, result, turn.pressed_message)
    return reply


@press("dose", "given", "skipped", "anyway")
async def record_dose(turn: Press) -> Reply:
    """Someone tapped Given or Skipped on a dose reminder (or Given despite the warning)."""
    action = turn.callback.action
    status = DoseStatus.SKIPPED if action == "skipped" else DoseStatus.GIVEN
    result = await dose_answers.answer(
        turn.session, turn.person, turn.callback.id, status, anyway=action == "anyway"
    )
    if isinstance(result, dose_answers.RepeatDoseWarning):
        return views.warning(result, turn.language)
    return await settled(turn, result)


@press("dose", "snooze")
async def snooze(turn: Press) -> Reply:
    """Someone asked to be reminded of this dose again in a little while."""
    result = await dose_answers.snooze(turn.session, turn.person, turn.callback.id, turn.chat_id)
    if isinstance(result, dose_answers.Already):
        return await settled(turn, result)
    return views.snoozed(result, turn.language)


@press("dose", "back")
async def back_to_reminder(turn: Press) -> Reply:
    """Someone went back from the "already given" warning without recording."""
    result = await dose_answers.reopen(turn.session, turn.person, turn.callback.id)
    if isinstance(result, dose_answers.Already):
        return await settled(turn, result, quiet=True)
    return views.reminder(result, language=turn.language, group=not turn.in_private)


@press("dose", "ack")
async def acknowledge(turn: Press) -> Reply:
    """Someone on the team has seen the missed-dose alert."""
    outcome = await dose_answers.acknowledge(turn.session, turn.person, turn.callback.id)
    reply = views.missed_alert(outcome, turn.language)
    await show_outcome(turn.session, outcome, turn.pressed_message)
    return reply


@for_child("doses")
async def show_doses(turn: Turn, membership: Membership) -> Reply:
    """Someone asked for today's doses."""
    now = clock.now()
    day = await dose_answers.day(turn.session, membership, now)
    return views.day(day, now, turn.language)


@for_child("adherence")
async def show_adherence(turn: Turn, membership: Membership) -> Reply:
    """Someone asked how many doses were given, late, skipped or missed."""
    days = adherence.parse_days(arguments(turn))
    report = await adherence.report(turn.session, membership, days, clock.now())
    return views.adherence(report, days, turn.language)


async def call_out(
    session: AsyncSession, call: doses.DoseCall, fired: scheduling.Fired, title: str
) -> None:
    """Send the reminder privately to those responsible, and to the group for the others."""

    def reminder(language: Language) -> Reply:
        return mark_late(views.reminder(call, title=title, language=language), fired, language)

    def in_group(language: Language) -> Reply:
        reply = views.reminder(call, title=title, language=language, group=True)
        return mark_late(reply, fired, language)

    rows = await announce(session, call.recipients.audience, reminder, group=in_group)
    await doses.remember(session, call.reminder, rows)


async def alert(session: AsyncSession, found: dose_outcomes.DoseOutcome) -> None:
    """Tell the team a dose was missed, and mark every copy of its reminder."""
    team = await audience.team(session, found.child.id)
    rows = await announce(session, team, partial(views.missed_alert, found))
    await doses.remember(session, found.reminder, rows, alert=True)
    await show_outcome(session, found)


async def remind(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A dose is due: remind whoever is responsible (or, far too late, report it missed)."""
    scheduled_at = datetime.fromisoformat(fired.payload["scheduled_at"])
    result = await doses.call_out(session, fired.payload["medication_id"], scheduled_at, fired.now)
    if isinstance(result, doses.DoseCall):
        await call_out(session, result, fired, "title")
    elif result is not None:
        await alert(session, result)


async def remind_again(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Nobody answered: remind once more."""
    call = await doses.again(session, fired.payload["dose_reminder_id"])
    if call is not None:
        await call_out(session, call, fired, "title_again")


async def snooze_over(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A snooze ran out: remind again in the chat where it was snoozed."""
    call = await doses.again(session, fired.payload["dose_reminder_id"])
    if call is not None:
        chat_id = fired.payload["chat_id"]
        language = await languages.of_chat(session, chat_id)
        reply = views.reminder(call, title="title_snoozed", language=language, group=chat_id < 0)
        await doses.remember(
            session, call.reminder, await enqueue(session, chat_id, reply, child_id=call.child.id)
        )


async def mark_missed(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Still no answer: record the dose missed and tell the team."""
    found = await doses.mark_missed(session, fired.payload["dose_reminder_id"])
    if found is not None:
        await alert(session, found)


async def plan_doses(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Nightly: schedule the reminders of the next two days."""
    await doses.plan_child(session, fired.reminder.child_id, fired.now)


async def sync_copies(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Edit the copies that were still queued when the dose was answered."""
    found = await dose_outcomes.answered(session, fired.payload["dose_reminder_id"])
    if found is None:
        return
    waiting = set(fired.payload["waiting"])
    copies = [c for c in found.copies if c.id in waiting]
    alerts = [c for c in found.alerts if c.id in waiting]
    hearing = found.hearing
    outcome, alert = partial(views.outcome, found), partial(views.missed_alert, found)
    still = await edits.show_everywhere(session, copies, outcome, hearing=hearing)
    still += await edits.show_everywhere(session, alerts, alert, hearing=hearing)
    await doses.sync_later(session, found.reminder, still, fired.payload["tries"])


TIMED: dict[str, scheduling.Handler] = {
    doses.REMIND: remind,
    doses.AGAIN: remind_again,
    doses.SNOOZED: snooze_over,
    doses.MISSED: mark_missed,
    doses.PLAN: plan_doses,
    doses.SYNC: sync_copies,
}


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    scheduling.install(TIMED)
    app.add_handler(CommandHandler("doses", show_doses))
    app.add_handler(CommandHandler("adherence", show_adherence))
