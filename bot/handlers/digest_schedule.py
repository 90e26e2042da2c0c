"""/digest schedule: a reader sets the day, hour and cadence of their digest, or stops it."""

from __future__ import annotations

from telegram.ext import Application

from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.digests import demand, subscriptions
from bot.views.digests import schedule as views
from models import Membership


@for_child("dsched")
async def show_schedule(turn: Turn, membership: Membership) -> Reply:
    """Someone sent /digest schedule (or picked the child it is for)."""
    found = await subscriptions.schedule_of(turn.session, turn.person, membership.child_id)
    return views.menu(found, turn.language)


@press("dsub", "menu")
async def back_to_menu(turn: Press) -> Reply:
    """Someone went back to their schedule."""
    found = await subscriptions.schedule_of(turn.session, turn.person, turn.callback.id)
    return views.menu(found, turn.language)


@press("dsub", "cadence", arg=Arg.REQUIRED)
async def pick_cadence(turn: Press) -> Reply:
    """Someone chose every week or every 4 weeks: which day?"""
    cadence, _, _ = subscriptions.named(turn.callback.arg)
    found = await subscriptions.schedule_of(turn.session, turn.person, turn.callback.id)
    return views.ask_day(found, cadence, turn.language)


@press("dsub", "day", arg=Arg.REQUIRED)
async def pick_day(turn: Press) -> Reply:
    """Someone chose the day: at what time?"""
    cadence, weekday, _ = subscriptions.named(turn.callback.arg)
    found = await subscriptions.schedule_of(turn.session, turn.person, turn.callback.id)
    if weekday is None:
        return views.ask_day(found, cadence, turn.language)
    return views.ask_hour(found, cadence, weekday, turn.language)


@press("dsub", "at", arg=Arg.REQUIRED)
async def pick_hour(turn: Press) -> Reply:
    """Someone chose the time: the schedule is saved and the next digest planned."""
    cadence, weekday, hour = subscriptions.named(turn.callback.arg)
    if weekday is None or hour is None:
        found = await subscriptions.schedule_of(turn.session, turn.person, turn.callback.id)
        return views.ask_day(found, cadence, turn.language)
    saved = await subscriptions.subscribe(
        turn.session, turn.person, turn.callback.id, cadence, weekday, hour
    )
    return views.menu(saved, turn.language, saved=True)


@press("dsub", "off")
async def stop_schedule(turn: Press) -> Reply:
    """Someone wants no more scheduled digests."""
    found = await subscriptions.unsubscribe(turn.session, turn.person, turn.callback.id)
    return views.off(found, turn.language)


@press("dsub", "group", arg=Arg.REQUIRED)
async def switch_group(turn: Press) -> Reply:
    """A guardian lets /digest show the figures in the team group, or stops it."""
    on = demand.switch_named(turn.callback.arg)
    await demand.set_group_digests(turn.session, turn.person, turn.callback.id, on)
    found = await subscriptions.schedule_of(turn.session, turn.person, turn.callback.id)
    return views.menu(found, turn.language, saved=True)


def register(app: Application) -> None:
    """Its buttons are routed from the callback table; /digest schedule comes through /digest."""
