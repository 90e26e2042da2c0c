"""/invite, /invites and opening an invitation link (``/start <token>``)."""

from __future__ import annotations

from functools import partial

from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.handlers.newchild import FROM_GROUP
from bot.news import announce
from bot.replies import Reply
from bot.services.errors import DomainError
from bot.services.teams import audience, invites, members
from bot.views.teams import invites as views


def _bot_username(turn: Turn) -> str:
    return turn.update.get_bot().username


@handles
async def invite(turn: Turn) -> None:
    """A guardian wants to invite someone (by command or by a "which child?" button)."""
    membership = await member_for(turn, "invite")
    if membership is not None:
        respond(turn, await _role_picker(turn, membership.child_id))


@handles
async def invite_from_button(turn: Turn) -> None:
    """A guardian tapped "Invite someone"."""
    assert turn.callback is not None
    turn.reply(await _role_picker(turn, turn.callback.id))


async def _role_picker(turn: Turn, child_id: int) -> Reply:
    """The role buttons in private; in a group, the way to the private chat."""
    assert turn.person is not None
    child = await invites.inviting(turn.session, turn.person, child_id)
    if turn.in_private:
        return views.choose_role(child, turn.language)
    return views.only_in_private(_bot_username(turn), turn.language)


@handles
async def create_invite(turn: Turn) -> None:
    """A guardian chose the new member's role: make the one-time link."""
    assert turn.person is not None and turn.callback is not None
    role = members.role_named(turn.callback.arg)
    if not turn.in_private:
        raise DomainError("errors.expired_button")
    made = await invites.create(turn.session, turn.person, turn.callback.id, role)
    url = views.invite_url(_bot_username(turn), made.token)
    turn.edit = views.link(made.child, role, url, turn.language)


@handles
async def list_invites(turn: Turn) -> None:
    """A guardian wants to see the open invitations."""
    membership = await member_for(turn, "invites")
    if membership is not None:
        assert turn.person is not None
        child, found = await invites.open_invites(turn.session, turn.person, membership.child_id)
        respond(turn, views.open_list(child, found, turn.language))


@handles
async def revoke(turn: Turn) -> None:
    """A guardian cancels an open invitation."""
    assert turn.person is not None and turn.callback is not None
    child, found = await invites.revoke(turn.session, turn.person, turn.callback.id)
    turn.answer = views.revoked(turn.language).text
    turn.edit = views.open_list(child, found, turn.language)


@handles
async def open_invitation(turn: Turn) -> None:
    """Someone opened an invitation link: they join the team, and the team is told."""
    assert turn.person is not None
    token = turn.text.split(maxsplit=1)[1]
    joined = await invites.accept(turn.session, turn.person, token)
    role, child = joined.membership.role, joined.child
    turn.reply(views.joined(child, role, turn.language))
    team = await audience.team(turn.session, child.id, exclude_person_id=turn.person.id)
    await announce(
        turn.session, team, partial(views.joined_notice, turn.person.first_name, child, role)
    )


def register(app: Application) -> None:
    invitation = filters.ChatType.PRIVATE & ~FROM_GROUP
    app.add_handler(CommandHandler("start", open_invitation, filters=invitation, has_args=True))
    app.add_handler(CommandHandler("invite", invite))
    app.add_handler(CallbackQueryHandler(invite, pattern=child_pattern("invite")))
    app.add_handler(CallbackQueryHandler(invite_from_button, pattern=r"^inv:\d+:new$"))
    app.add_handler(CallbackQueryHandler(create_invite, pattern=r"^inv:\d+:role:"))
    app.add_handler(CommandHandler("invites", list_invites))
    app.add_handler(CallbackQueryHandler(list_invites, pattern=child_pattern("invites")))
    app.add_handler(CallbackQueryHandler(revoke, pattern=r"^inv:\d+:revoke$"))
