"""Dose reminders: Given, Skipped, Snooze, Acknowledge; /doses and /adherence; the timed sends."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot import clock, scheduling
from bot.delivery import edits
from bot.delivery.outbox import enqueue
from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.handlers.medications import arguments
from bot.news import announce
from bot.replies import Language, Reply
from bot.services.doses import adherence
from bot.services.doses import answers as dose_answers
from bot.services.doses import outcomes as dose_outcomes
from bot.services.doses import reminders as doses
from bot.services.teams import audience, permissions
from bot.services.teams.permissions import Action, Command
from bot.views import doses as views
from bot.views.scheduling import mark_late
from models import DoseStatus

COMMANDS = [
    Command("doses", action=Action.SEE_MEDICINES, feature="doses"),
    Command("adherence", action=Action.SEE_HISTORY, feature="doses"),
]
permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)


def pressed(turn: Turn) -> tuple[int, int] | None:
    """The (chat id, message id) of the copy whose button was pressed."""
    query = turn.update.callback_query
    if query is None or not isinstance(query.message, Message):
        return None
    return query.message.chat.id, query.message.message_id


async def show_outcome(
    session: AsyncSession, found: dose_outcomes.DoseOutcome, skip: tuple[int, int] | None = None
) -> None:
    """Edit every copy of the reminder, and of its missed alert, to show what happened."""
    waiting = await edits.show_everywhere(session, found.copies, views.outcome(found), skip=skip)
    alert = views.missed_alert(found)
    waiting += await edits.show_everywhere(session, found.alerts, alert, skip=skip)
    await doses.sync_later(session, found.reminder, waiting)


def as_pressed(found: dose_outcomes.DoseOutcome, turn: Turn) -> Reply:
    """The outcome as the pressed message shows it: a reminder copy, or the missed alert."""
    where = pressed(turn)
    if any((row.chat_id, row.telegram_message_id) == where for row in found.alerts):
        return views.missed_alert(found, turn.language)
    return views.outcome(found, turn.language)


async def settled(
    turn: Turn, result: dose_outcomes.DoseOutcome | dose_answers.Already, *, quiet: bool = False
) -> None:
    """Show the outcome on the pressed copy, and on every other unless it was known already."""
    if isinstance(result, dose_answers.Already):
        turn.edit = as_pressed(result.outcome, turn)
        if not quiet:
            turn.answer, turn.alert = views.already(result.outcome, turn.language), True
        return
    turn.edit = as_pressed(result, turn)
    await show_outcome(turn.session, result, pressed(turn))


@handles
async def record_dose(turn: Turn) -> None:
    """Someone tapped Given or Skipped on a dose reminder (or Given despite the warning)."""
    assert turn.person is not None and turn.callback is not None
    action = turn.callback.action
    status = DoseStatus.SKIPPED if action == "skipped" else DoseStatus.GIVEN
    result = await dose_answers.answer(
        turn.session, turn.person, turn.callback.id, status, anyway=action == "anyway"
    )
    if isinstance(result, dose_answers.RepeatDoseWarning):
        turn.edit = views.warning(result, turn.language)
    else:
        await settled(turn, result)


@handles
async def snooze(turn: Turn) -> None:
    """Someone asked to be reminded of this dose again in a little while."""
    assert turn.person is not None and turn.callback is not None
    result = await dose_answers.snooze(turn.session, turn.person, turn.callback.id, turn.chat_id)
    if isinstance(result, dose_answers.Already):
        await settled(turn, result)
    else:
        turn.edit = views.snoozed(result, turn.language)


@handles
async def back_to_reminder(turn: Turn) -> None:
    """Someone went back from the "already given" warning without recording."""
    assert turn.person is not None and turn.callback is not None
    result = await dose_answers.reopen(turn.session, turn.person, turn.callback.id)
    if isinstance(result, dose_answers.Already):
        await settled(turn, result, quiet=True)
    else:
        turn.edit = views.reminder(result, language=turn.language, group=not turn.in_private)


@handles
async def acknowledge(turn: Turn) -> None:
    """Someone on the team has seen the missed-dose alert."""
    assert turn.person is not None and turn.callback is not None
    found = await dose_answers.acknowledge(turn.session, turn.person, turn.callback.id)
    turn.edit = views.missed_alert(found, turn.language)
    await show_outcome(turn.session, found, pressed(turn))


@handles
async def show_doses(turn: Turn) -> None:
    """Someone asked for today's doses."""
    membership = await member_for(turn, "doses")
    if membership is not None:
        now = clock.now()
        found = await dose_answers.day(turn.session, membership, now)
        respond(turn, views.day(found, now, turn.language))


@handles
async def show_adherence(turn: Turn) -> None:
    """Someone asked how many doses were given, late, skipped or missed."""
    membership = await member_for(turn, "adherence")
    if membership is not None:
        days = adherence.parse_days(arguments(turn))
        found = await adherence.report(turn.session, membership, days, clock.now())
        respond(turn, views.adherence(found, days, turn.language))


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


@scheduling.on(doses.REMIND)
async def remind(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A dose is due: remind whoever is responsible (or, far too late, report it missed)."""
    scheduled_at = datetime.fromisoformat(fired.payload["scheduled_at"])
    result = await doses.call_out(session, fired.payload["medication_id"], scheduled_at, fired.now)
    if isinstance(result, doses.DoseCall):
        await call_out(session, result, fired, "title")
    elif result is not None:
        await alert(session, result)


@scheduling.on(doses.AGAIN)
async def remind_again(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Nobody answered: remind once more."""
    call = await doses.again(session, fired.payload["dose_reminder_id"])
    if call is not None:
        await call_out(session, call, fired, "title_again")


@scheduling.on(doses.SNOOZED)
async def snooze_over(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A snooze ran out: remind again in the chat where it was snoozed."""
    call = await doses.again(session, fired.payload["dose_reminder_id"])
    if call is not None:
        chat_id = fired.payload["chat_id"]
        reply = views.reminder(call, title="title_snoozed", group=chat_id < 0)
        await doses.remember(
            session, call.reminder, await enqueue(session, chat_id, reply, child_id=call.child.id)
        )


@scheduling.on(doses.MISSED)
async def mark_missed(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Still no answer: record the dose missed and tell the team."""
    found = await doses.mark_missed(session, fired.payload["dose_reminder_id"])
    if found is not None:
        await alert(session, found)


@scheduling.on(doses.PLAN)
async def plan_doses(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Nightly: schedule the reminders of the next two days."""
    await doses.plan_child(session, fired.reminder.child_id, fired.now)


@scheduling.on(doses.SYNC)
async def sync_copies(session: AsyncSession, fired: scheduling.Fired) -> None:
    """Edit the copies that were still queued when the dose was answered."""
    found = await dose_outcomes.answered(session, fired.payload["dose_reminder_id"])
    if found is None:
        return
    waiting = set(fired.payload["waiting"])
    copies = [c for c in found.copies if c.id in waiting]
    alerts = [c for c in found.alerts if c.id in waiting]
    still = await edits.show_everywhere(session, copies, views.outcome(found))
    still += await edits.show_everywhere(session, alerts, views.missed_alert(found))
    await doses.sync_later(session, found.reminder, still, fired.payload["tries"])


def register(app: Application) -> None:
    app.add_handler(CommandHandler("doses", show_doses))
    app.add_handler(CallbackQueryHandler(show_doses, pattern=child_pattern("doses")))
    app.add_handler(CommandHandler("adherence", show_adherence))
    app.add_handler(CallbackQueryHandler(show_adherence, pattern=child_pattern("adherence")))
    app.add_handler(CallbackQueryHandler(record_dose, pattern=r"^dose:\d+:(given|skipped|anyway)$"))
    app.add_handler(CallbackQueryHandler(snooze, pattern=r"^dose:\d+:snooze$"))
    app.add_handler(CallbackQueryHandler(back_to_reminder, pattern=r"^dose:\d+:back$"))
    app.add_handler(CallbackQueryHandler(acknowledge, pattern=r"^dose:\d+:ack$"))
