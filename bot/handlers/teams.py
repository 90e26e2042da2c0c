"""/team, /notify, /leave and /deletechild: the roster, roles, removal, notifications, erasure."""

from __future__ import annotations

from functools import partial

from telegram.ext import Application, CommandHandler

from bot.delivery.outbox import enqueue, withdraw
from bot.handlers import menus, room
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Reply
from bot.services.teams import audience, members
from bot.services.teams import children as teams
from bot.views.teams import members as views
from models import Membership

# Why news still queued for someone off the team is given up (outbox.last_error).
LEFT = "left the team"


@for_child("team")
async def show_team(turn: Turn, membership: Membership) -> Reply:
    """Someone asked who is on the team."""
    return views.roster(await members.roster(turn.session, membership), turn.language)


@press("team", "show")
async def back_to_team(turn: Press) -> Reply:
    """Someone went back to the roster from a member's screen."""
    team = await members.roster_for(turn.session, turn.person, turn.callback.id)
    return views.roster(team, turn.language)


@press("mem", "open")
async def open_member(turn: Press) -> Reply:
    """A guardian opened one member's screen."""
    member, child = await members.member(turn.session, turn.person, turn.callback.id)
    return views.member(member, child, turn.language)


@press("mem", "role", arg=Arg.REQUIRED)
async def change_role(turn: Press) -> Reply:
    """A guardian gave a member another role."""
    role = members.role_named(turn.callback.arg)
    done = await members.change_role(turn.session, turn.person, turn.callback.id, role)
    if done.changed:
        await menus.queue_person(turn.session, done.member.person)  # their menu follows the role
        team = await audience.team(turn.session, done.child.id)
        await announce(turn.session, team, partial(views.role_changed, done.member, done.child))
    else:
        turn.answer = views.role_unchanged(done.member, done.child, turn.language)
        turn.alert = True
    return views.member(done.member, done.child, turn.language)


@press("mem", "remove")
async def ask_remove(turn: Press) -> Reply:
    """A guardian tapped "Remove from the team"."""
    member, child = await members.member(turn.session, turn.person, turn.callback.id)
    return views.remove_confirm(member, child, turn.language)


@press("mem", "remove_yes")
async def remove_member(turn: Press) -> Reply:
    """A guardian confirmed removing a member."""
    found, child = await members.remove(turn.session, turn.person, turn.callback.id)
    await withdraw(turn.session, found.person.telegram_user_id, child.id, LEFT)
    await menus.queue_person(turn.session, found.person)
    team = await audience.team(turn.session, child.id)
    await announce(turn.session, team, partial(views.removed, found.person.first_name, child))
    await room.after_departure(turn, child, found.person, removed=True)
    return views.removed(found.person.first_name, child, turn.language)


@for_child("notify")
async def show_notify(turn: Turn, membership: Membership) -> Reply:
    """Someone wants to choose how they hear the team's news."""
    own, child = await members.own(turn.session, turn.person, membership.id)
    return views.notify_menu(own, child, turn.language)


@press("notify", "show")
async def open_notify(turn: Press) -> Reply:
    """Someone tapped "My notifications" under the roster."""
    own, child = await members.own(turn.session, turn.person, turn.callback.id)
    return views.notify_menu(own, child, turn.language)


@press("notify", "set", arg=Arg.REQUIRED)
async def set_notify(turn: Press) -> Reply:
    """Someone chose how they hear the team's news."""
    notify = members.notify_named(turn.callback.arg)
    saved = await members.set_notify(turn.session, turn.person, turn.callback.id, notify)
    username = turn.update.get_bot().username
    return views.notify_saved(
        saved.member, saved.child, username, turn.language, digest=saved.digest
    )


@for_child("leave")
async def ask_leave(turn: Turn, membership: Membership) -> Reply:
    """Someone wants to leave a team."""
    _, child = await members.own(turn.session, turn.person, membership.id)
    return views.leave_confirm(child, turn.language)


@press("team", "leave")
async def leave(turn: Press) -> Reply:
    """Someone confirmed leaving a team."""
    child = await members.leave(turn.session, turn.person, turn.callback.id)
    await withdraw(turn.session, turn.person.telegram_user_id, child.id, LEFT)
    await menus.queue_person(turn.session, turn.person)
    team = await audience.team(turn.session, child.id)
    await announce(turn.session, team, partial(views.left_notice, turn.person.first_name, child))
    await room.after_departure(turn, child, turn.person, removed=False)
    return views.left(child, turn.language)


@press("team", "cancel")
@press("del", "cancel")
async def cancel(turn: Press) -> Reply:
    """Someone changed their mind."""
    return views.cancelled(turn.language)


@for_child("deletechild")
async def ask_delete(turn: Turn, membership: Membership) -> Reply:
    """A guardian wants to erase a child's records: first confirmation."""
    child = await teams.deletable(turn.session, turn.person, membership.child_id)
    return views.delete_confirm(child, turn.language)


@press("del", "ask")
async def ask_delete_again(turn: Press) -> Reply:
    """The guardian confirmed once: ask the second time."""
    child = await teams.deletable(turn.session, turn.person, turn.callback.id)
    return views.delete_confirm(child, turn.language, again=True)


@press("del", "confirm")
async def delete_child(turn: Press) -> Reply:
    """The guardian confirmed twice: erase the child's records and unlink the group."""
    erased = await teams.delete_child(turn.session, turn.person, turn.callback.id)
    if erased.group_chat_id is not None and erased.group_chat_id != turn.chat_id:
        await enqueue(turn.session, erased.group_chat_id, views.deleted_group())
    return views.deleted(erased.name, turn.language)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("team", show_team))
    app.add_handler(CommandHandler("notify", show_notify))
    app.add_handler(CommandHandler("leave", ask_leave))
    app.add_handler(CommandHandler("deletechild", ask_delete))
