"""/timezone: a person's own time zone, which their digest schedule follows."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler, filters

from bot.handlers.kit import Press, Turn, handles
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.teams import people, permissions
from bot.services.teams.newchild import common_zones, parse_timezone
from bot.services.teams.permissions import Chat, Command
from bot.views.teams import zones as views

COMMANDS = [Command("timezone", frozenset({Chat.PRIVATE}), needs_team=False, feature="timezone")]


@handles
async def show_zone(turn: Turn) -> Reply:
    """Someone sent /timezone (to see it and pick one) or /timezone Europe/Paris."""
    _, _, typed = turn.text.partition(" ")
    child = await people.home_child(turn.session, turn.person)
    if typed.strip():
        zone = parse_timezone(typed)
        await people.set_timezone(turn.session, turn.person, zone)
        return views.saved(turn.person, child, turn.language)
    return views.menu(turn.person, child, common_zones(turn.language), turn.language)


@press("tz", "set", arg=Arg.NUMBER)
async def pick_zone(turn: Press) -> Reply:
    """Someone tapped one of the zones offered (a button only ever sets its presser's zone)."""
    zone = people.offered_zone(turn.language, int(turn.callback.arg or ""))
    await people.set_timezone(turn.session, turn.person, zone)
    child = await people.home_child(turn.session, turn.person)
    return views.saved(turn.person, child, turn.language)


@press("tz", "reset")
async def use_childs_zone(turn: Press) -> Reply:
    """Someone went back to their child's zone."""
    await people.set_timezone(turn.session, turn.person, None)
    child = await people.home_child(turn.session, turn.person)
    return views.saved(turn.person, child, turn.language)


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    app.add_handler(CommandHandler("timezone", show_zone, filters=filters.ChatType.PRIVATE))
