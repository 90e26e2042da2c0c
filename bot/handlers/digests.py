"""/digest: the digest on demand and on each reader's schedule, and its Acknowledge button."""

from __future__ import annotations

from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CommandHandler

from bot import scheduling
from bot.handlers import digest_schedule
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn, handles
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Reply
from bot.services.digests import demand, reads, subscriptions
from bot.services.digests.figures import figures
from bot.services.digests.period import parse_days
from bot.services.teams import audience, permissions
from bot.services.teams.permissions import Action, Command
from bot.views.digests import messages as views
from models import Membership

COMMANDS = [Command("digest", action=Action.DIGEST, feature="digest")]
SCHEDULE = "schedule"


def _words(turn: Turn) -> str:
    """The words after the command, or the period a "which child?" button carries."""
    if turn.callback is not None:
        return turn.callback.arg or ""
    _, _, rest = turn.text.partition(" ")
    return rest.strip()


def _period(turn: Turn) -> str:
    """The period asked for, kept on the "which child?" buttons."""
    return str(parse_days(_words(turn)))


@handles
async def digest_command(turn: Turn) -> Reply | None:
    """Someone sent /digest, /digest 90d or /digest schedule."""
    if _words(turn).lower() == SCHEDULE:
        return await digest_schedule.show_schedule.run(turn)
    parse_days(_words(turn))  # a period that is not one is refused before anything is asked
    return await show_digest.run(turn)


@for_child("digest", keep=_period)
async def show_digest(turn: Turn, membership: Membership) -> Reply:
    """The digest for its asker: the chart, then the figures (in a group, only if allowed)."""
    days = parse_days(_words(turn))
    found = await demand.asked(turn.session, membership, days, in_group=not turn.in_private)
    if isinstance(found, demand.Pointer):
        return views.in_private(found.child, turn.update.get_bot().username, turn.language)
    role = membership.role if turn.in_private else None
    turn.send(views.figures_message(found, turn.language, role=role))
    return views.photo(found, turn.language)


@press("dg", "ack", arg=Arg.REQUIRED)
async def acknowledge(turn: Press) -> None:
    """A reader pressed Acknowledge under a digest: the team hears it once."""
    read = await reads.acknowledge(turn.session, turn.person, turn.callback.id, turn.callback.arg)
    if read.first_time:
        await announce(turn.session, read.audience, partial(views.read_notice, read))
    turn.answer = views.read_answer(read, turn.language)


async def send_digest(session: AsyncSession, fired: scheduling.Fired) -> None:
    """A reader's scheduled digest fell due: the chart and the figures, in their private chat."""
    due = await subscriptions.due(session, fired.payload, fired.due_at, fired.now)
    if due is None:
        return
    found = await figures(session, due.membership, due.period.days, last=due.period.last)
    reader = audience.privately(due.membership, due.person)
    late = (fired.due_at, fired.reminder.timezone) if fired.late else None
    await announce(session, reader, partial(views.photo, found))
    text = partial(views.figures_message, found, role=due.membership.role, late=late)
    await announce(session, reader, text)


TIMED: dict[str, scheduling.Handler] = {subscriptions.KIND: send_digest}


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    scheduling.install(TIMED)
    app.add_handler(CommandHandler("digest", digest_command))
