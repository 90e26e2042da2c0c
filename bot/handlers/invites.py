"""/invite, /invites and opening an invitation link (``/start <token>``)."""

from __future__ import annotations

from functools import partial

from telegram.ext import Application, CommandHandler, filters

from bot.handlers import menus, room
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn, handles
from bot.handlers.newchild import FROM_GROUP
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Reply
from bot.services.errors import DomainError
from bot.services.teams import audience, invites, members
from bot.views.teams import invites as views
from models import Membership


def _bot_username(turn: Turn) -> str:
    return turn.update.get_bot().username


@for_child("invite")
async def invite(turn: Turn, membership: Membership) -> Reply:
    """A guardian wants to invite someone (by command or by a "which child?" button)."""
    return await _role_picker(turn, membership.child_id)


@press("inv", "new", sends=True)
async def invite_from_button(turn: Press) -> Reply:
    """A guardian tapped "Invite someone"."""
    return await _role_picker(turn, turn.callback.id)


async def _role_picker(turn: Turn, child_id: int) -> Reply:
    """The role buttons in private; in a group, the way to the private chat."""
    child = await invites.inviting(turn.session, turn.person, child_id)
    if turn.in_private:
        return views.choose_role(child, turn.language)
    return views.only_in_private(_bot_username(turn), turn.language)


@press("inv", "role", arg=Arg.REQUIRED)
async def create_invite(turn: Press) -> Reply:
    """A guardian chose the new member's role: make the one-time link."""
    role = members.role_named(turn.callback.arg)
    if not turn.in_private:
        raise DomainError("errors.expired_button")
    made = await invites.create(turn.session, turn.person, turn.callback.id, role)
    url = views.invite_url(_bot_username(turn), made.token)
    return views.link(made.child, role, url, turn.language)


@for_child("invites")
async def list_invites(turn: Turn, membership: Membership) -> Reply:
    """A guardian wants to see the open invitations."""
    child, open_invites = await invites.open_invites(turn.session, turn.person, membership.child_id)
    return views.open_list(child, open_invites, turn.language)


@press("inv", "revoke")
async def revoke(turn: Press) -> Reply:
    """A guardian cancels an open invitation."""
    child, still_open = await invites.revoke(turn.session, turn.person, turn.callback.id)
    turn.answer = views.revoked(turn.language).text
    return views.open_list(child, still_open, turn.language)


@handles
async def open_invitation(turn: Turn) -> Reply:
    """Someone opened an invitation link: they join the team, and the team is told."""
    token = turn.text.split(maxsplit=1)[1]
    joined = await invites.accept(turn.session, turn.person, token)
    role, child = joined.membership.role, joined.child
    await menus.queue_person(turn.session, turn.person)  # the commands of their new role
    team = await audience.team(turn.session, child.id, exclude_person_id=turn.person.id)
    await announce(
        turn.session, team, partial(views.joined_notice, turn.person.first_name, child, role)
    )
    group = await room.group_link(turn, child)
    if group is not None:
        turn.send(group)
    return views.joined(child, role, turn.language)


def register(app: Application) -> None:
    invitation = filters.ChatType.PRIVATE & ~FROM_GROUP
    app.add_handler(CommandHandler("start", open_invitation, filters=invitation, has_args=True))
    app.add_handler(CommandHandler("invite", invite))
    app.add_handler(CommandHandler("invites", list_invites))
