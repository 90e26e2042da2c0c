"""/team, /notify, /leave and /deletechild: the roster, roles, removal, notifications, erasure."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.delivery.announce import announce
from bot.delivery.outbox import enqueue
from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.services import members, teams
from bot.views import teams as views


@handles
async def show_team(turn: Turn) -> None:
    """Someone asked who is on the team."""
    membership = await member_for(turn, "team")
    if membership is not None:
        respond(turn, views.roster(await members.roster(turn.session, membership), turn.language))


@handles
async def back_to_team(turn: Turn) -> None:
    """Someone went back to the roster from a member's screen."""
    assert turn.person is not None and turn.callback is not None
    team = await members.roster_for(turn.session, turn.person, turn.callback.id)
    turn.edit = views.roster(team, turn.language)


@handles
async def open_member(turn: Turn) -> None:
    """A guardian opened one member's screen."""
    assert turn.person is not None and turn.callback is not None
    found, child = await members.member(turn.session, turn.person, turn.callback.id)
    turn.edit = views.member(found, child, turn.language)


@handles
async def change_role(turn: Turn) -> None:
    """A guardian gave a member another role."""
    assert turn.person is not None and turn.callback is not None
    role = members.role_named(turn.callback.arg)
    done = await members.change_role(turn.session, turn.person, turn.callback.id, role)
    turn.edit = views.member(done.member, done.child, turn.language)
    if done.changed:
        await announce(turn.session, done.child.id, views.role_changed(done.member, done.child))
    else:
        turn.answer = views.role_unchanged(done.member, done.child, turn.language)
        turn.alert = True


@handles
async def ask_remove(turn: Turn) -> None:
    """A guardian tapped "Remove from the team"."""
    assert turn.person is not None and turn.callback is not None
    found, child = await members.member(turn.session, turn.person, turn.callback.id)
    turn.edit = views.remove_confirm(found, child, turn.language)


@handles
async def remove_member(turn: Turn) -> None:
    """A guardian confirmed removing a member."""
    assert turn.person is not None and turn.callback is not None
    found, child = await members.remove(turn.session, turn.person, turn.callback.id)
    turn.edit = views.removed(found.person.first_name, child, turn.language)
    await announce(turn.session, child.id, views.removed(found.person.first_name, child))


@handles
async def show_notify(turn: Turn) -> None:
    """Someone wants to choose how they hear the team's news."""
    membership = await member_for(turn, "notify")
    if membership is not None:
        assert turn.person is not None
        found, child = await members.own(turn.session, turn.person, membership.id)
        respond(turn, views.notify_menu(found, child, turn.language))


@handles
async def open_notify(turn: Turn) -> None:
    """Someone tapped "My notifications" under the roster."""
    assert turn.person is not None and turn.callback is not None
    found, child = await members.own(turn.session, turn.person, turn.callback.id)
    turn.edit = views.notify_menu(found, child, turn.language)


@handles
async def set_notify(turn: Turn) -> None:
    """Someone chose how they hear the team's news."""
    assert turn.person is not None and turn.callback is not None
    notify = members.notify_named(turn.callback.arg)
    found, child = await members.set_notify(turn.session, turn.person, turn.callback.id, notify)
    username = turn.update.get_bot().username
    turn.edit = views.notify_saved(found, child, username, turn.language)


@handles
async def ask_leave(turn: Turn) -> None:
    """Someone wants to leave a team."""
    membership = await member_for(turn, "leave")
    if membership is not None:
        assert turn.person is not None
        _, child = await members.own(turn.session, turn.person, membership.id)
        respond(turn, views.leave_confirm(child, turn.language))


@handles
async def leave(turn: Turn) -> None:
    """Someone confirmed leaving a team."""
    assert turn.person is not None and turn.callback is not None
    child = await members.leave(turn.session, turn.person, turn.callback.id)
    turn.edit = views.left(child, turn.language)
    await announce(turn.session, child.id, views.left_notice(turn.person.first_name, child))


@handles
async def cancel(turn: Turn) -> None:
    """Someone changed their mind."""
    turn.edit = views.cancelled(turn.language)


@handles
async def ask_delete(turn: Turn) -> None:
    """A guardian wants to erase a child's records: first confirmation."""
    membership = await member_for(turn, "deletechild")
    if membership is not None:
        assert turn.person is not None
        child = await teams.deletable(turn.session, turn.person, membership.child_id)
        respond(turn, views.delete_confirm(child, turn.language))


@handles
async def ask_delete_again(turn: Turn) -> None:
    """The guardian confirmed once: ask the second time."""
    assert turn.person is not None and turn.callback is not None
    child = await teams.deletable(turn.session, turn.person, turn.callback.id)
    turn.edit = views.delete_confirm(child, turn.language, again=True)


@handles
async def delete_child(turn: Turn) -> None:
    """The guardian confirmed twice: erase the child's records and unlink the group."""
    assert turn.person is not None and turn.callback is not None
    erased = await teams.delete_child(turn.session, turn.person, turn.callback.id)
    turn.edit = views.deleted(erased.name, turn.language)
    if erased.group_chat_id is not None and erased.group_chat_id != turn.chat_id:
        await enqueue(turn.session, erased.group_chat_id, views.deleted_group())


def register(app: Application) -> None:
    app.add_handler(CommandHandler("team", show_team))
    app.add_handler(CallbackQueryHandler(show_team, pattern=child_pattern("team")))
    app.add_handler(CallbackQueryHandler(back_to_team, pattern=r"^team:\d+:show$"))
    app.add_handler(CallbackQueryHandler(open_member, pattern=r"^mem:\d+:open$"))
    app.add_handler(CallbackQueryHandler(change_role, pattern=r"^mem:\d+:role:"))
    app.add_handler(CallbackQueryHandler(ask_remove, pattern=r"^mem:\d+:remove$"))
    app.add_handler(CallbackQueryHandler(remove_member, pattern=r"^mem:\d+:remove_yes$"))
    app.add_handler(CommandHandler("notify", show_notify))
    app.add_handler(CallbackQueryHandler(show_notify, pattern=child_pattern("notify")))
    app.add_handler(CallbackQueryHandler(open_notify, pattern=r"^notify:\d+:show$"))
    app.add_handler(CallbackQueryHandler(set_notify, pattern=r"^notify:\d+:set:"))
    app.add_handler(CommandHandler("leave", ask_leave))
    app.add_handler(CallbackQueryHandler(ask_leave, pattern=child_pattern("leave")))
    app.add_handler(CallbackQueryHandler(leave, pattern=r"^team:\d+:leave$"))
    app.add_handler(CallbackQueryHandler(cancel, pattern=r"^(team|del):\d+:cancel$"))
    app.add_handler(CommandHandler("deletechild", ask_delete))
    app.add_handler(CallbackQueryHandler(ask_delete, pattern=child_pattern("deletechild")))
    app.add_handler(CallbackQueryHandler(ask_delete_again, pattern=r"^del:\d+:ask$"))
    app.add_handler(CallbackQueryHandler(delete_child, pattern=r"^del:\d+:confirm$"))
