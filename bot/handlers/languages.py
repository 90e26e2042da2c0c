"""/language: the language someone reads, and, from the group, the team's (a guardian's)."""

from __future__ import annotations

from telegram.ext import Application, CommandHandler

from bot.handlers import menus
from bot.handlers.kit import Press, Turn, handles
from bot.handlers.routes import Arg, press
from bot.replies import Reply
from bot.services.teams import languages, permissions
from bot.services.teams.permissions import ANYWHERE, Command
from bot.views.teams import languages as views

COMMANDS = [Command("language", ANYWHERE, needs_team=False, feature="language")]


@handles
async def choose_language(turn: Turn) -> Reply:
    """Someone sent /language: in private for themselves; a guardian in the group for the team."""
    if not turn.in_private:
        child = await languages.team_to_set(turn.session, turn.person, turn.chat_id)
        if child is not None:
            return views.team_menu(child, turn.language)
    return views.menu(turn.person, turn.language)


@press("lang", "me", arg=Arg.REQUIRED)
async def pick_own(turn: Press) -> Reply:
    """Someone tapped a language for themselves (a button only ever sets its presser's)."""
    person = await languages.set_own(turn.session, turn.person, turn.callback.arg or "")
    await menus.refresh_person(turn, person)
    return views.saved(person.language_code)


@press("lang", "team", arg=Arg.REQUIRED)
async def pick_team(turn: Press) -> Reply:
    """A guardian tapped the language of the team's group."""
    child_id, code = turn.callback.id, turn.callback.arg or ""
    child = await languages.set_team(turn.session, turn.person, child_id, code)
    await menus.refresh_team(turn, child)
    return views.team_saved(child)


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    app.add_handler(CommandHandler("language", choose_language))
