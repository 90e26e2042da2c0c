"""The team's group in step with the team: who joins or leaves it, the bot's own place, /topic."""

from __future__ import annotations

from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, ChatMemberUpdated, User
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import Application, ChatMemberHandler, CommandHandler, MessageHandler, filters

from bot.delivery.outbox import enqueue, enqueue_call
from bot.handlers.kit import AnyTurn, Press, Turn, handles, handles_any
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Reply
from bot.services.teams import invites, members, room
from bot.services.teams import permissions as perms
from bot.services.teams.permissions import Action, Chat, Command
from bot.views.teams import invites as invite_views
from bot.views.teams import room as views
from models import Child, Person, TeamChat

PRESENT = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER)
ADMINS = (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR)
COMMANDS = [Command("topic", frozenset({Chat.TEAM_GROUP}), Action.LINK_GROUP, feature="room")]


async def tell(
    session: AsyncSession, outcome: room.StrangerJoined | room.GroupChange | None
) -> None:
    """Tell the guardians (and the group, when it is held or freed) what changed."""
    if isinstance(outcome, room.StrangerJoined):
        render = partial(views.stranger, outcome.stranger, outcome.child)
        await announce(session, outcome.audience, render)
        for chat in outcome.group.recipients:
            await enqueue(session, chat.chat_id, views.held(outcome.child))
    elif outcome is not None and outcome.kind == "freed":
        for chat in outcome.audience.recipients:
            await enqueue(session, chat.chat_id, views.freed(outcome.child))
    elif outcome is not None:
        render = partial(views.change, outcome.kind, outcome.name, outcome.child)
        await announce(session, outcome.audience, render)


async def _arrived(session: AsyncSession, chat_id: int, user: User) -> None:
    if not user.is_bot:
        await tell(session, await room.joined(session, chat_id, user.id, user.first_name))


async def _went(session: AsyncSession, chat_id: int, user: User, bot_id: int) -> None:
    if user.id == bot_id:
        await tell(session, await room.lost(session, chat_id))
    elif not user.is_bot:
        await tell(session, await room.left(session, chat_id, user.id))


@handles_any
async def member_changed(turn: AnyTurn) -> None:
    """Someone joined or left the group (an admin bot hears of every change)."""
    change = turn.update.chat_member
    if change is None:
        return
    was_in, is_in = _presence(change)
    if is_in and not was_in:
        await _arrived(turn.session, change.chat.id, change.new_chat_member.user)
    elif was_in and not is_in:
        await _went(
            turn.session, change.chat.id, change.new_chat_member.user, turn.update.get_bot().id
        )


@handles_any
async def service_message(turn: AnyTurn) -> None:
    """The group shows someone joining or leaving (every bot in the group sees this)."""
    message = turn.update.effective_message
    if message is None:
        return
    for user in message.new_chat_members or ():
        await _arrived(turn.session, message.chat_id, user)
    if message.left_chat_member is not None:
        await _went(turn.session, message.chat_id, message.left_chat_member, message.get_bot().id)


async def follow_bot(turn: AnyTurn, change: ChatMemberUpdated) -> None:
    """The bot's own place in a group changed: its rights, or it is out (the link closes)."""
    was_in, is_in = _presence(change)
    if was_in and not is_in:
        await tell(turn.session, await room.lost(turn.session, change.chat.id))
    elif is_in:
        admin = change.new_chat_member.status in ADMINS
        await room.set_bot_rights(turn.session, change.chat.id, admin)


def _presence(change: ChatMemberUpdated) -> tuple[bool, bool]:
    return change.old_chat_member.status in PRESENT, change.new_chat_member.status in PRESENT


async def present(bot: Bot, chat_id: int, user_id: int) -> bool:
    """Whether ``user_id`` is in the group now, as Telegram says (assumed so if it won't say)."""
    try:
        return (await bot.get_chat_member(chat_id, user_id)).status in PRESENT
    except TelegramError:
        return True


async def bot_is_admin(bot: Bot, chat_id: int) -> bool:
    """Whether the bot is an admin of the group now, as Telegram says."""
    try:
        return (await bot.get_chat_member(chat_id, bot.id)).status in ADMINS
    except TelegramError:
        return False


async def remove_from_group(session: AsyncSession, chat_id: int, user_id: int) -> None:
    """Queue a removal that lets them join again later: a ban, then its lifting."""
    await enqueue_call(session, chat_id, "banChatMember", {"user_id": user_id})
    await enqueue_call(
        session, chat_id, "unbanChatMember", {"user_id": user_id, "only_if_banned": True}
    )


async def after_departure(turn: Turn, child: Child, who: Person, *, removed: bool) -> None:
    """Someone is off the team: tell them (if removed), and take them out of the group."""
    if removed:
        notice = views.removed_you(child, who.language_code)
        await enqueue(turn.session, who.telegram_user_id, notice)
    group = await room.group_for(turn.session, child.id)
    if group is None or not await present(
        turn.update.get_bot(), group.chat_id, who.telegram_user_id
    ):
        return
    if group.bot_admin:
        await remove_from_group(turn.session, group.chat_id, who.telegram_user_id)
        return
    stayed = await room.add_stranger(
        turn.session, group, child, who.telegram_user_id, who.first_name
    )
    if stayed is not None:
        render = partial(views.stranger, stayed.stranger, child, stayed=True)
        await announce(turn.session, stayed.audience, render)
        for chat in stayed.group.recipients:
            await enqueue(turn.session, chat.chat_id, views.held(child))


async def group_link(turn: Turn, child: Child) -> Reply | None:
    """The welcome's line about the group: a one-use link when the bot may make one."""
    await tell(
        turn.session, await room.welcomed(turn.session, child.id, turn.person.telegram_user_id)
    )
    group = await room.group_for(turn.session, child.id)
    bot = turn.update.get_bot()
    if group is None or await present(bot, group.chat_id, turn.person.telegram_user_id):
        return None
    url = await _one_use_link(bot, group, turn.person.first_name) if group.bot_admin else None
    return views.join_link(child, url, turn.language)


async def _one_use_link(bot: Bot, group: TeamChat, name: str) -> str | None:
    try:
        link = await bot.create_chat_invite_link(group.chat_id, member_limit=1, name=name[:32])
    except TelegramError:
        return None
    return link.invite_link


@press("str", "remove")
async def remove_stranger(turn: Press) -> Reply:
    """A guardian tapped "Remove from the group" for someone off the team."""
    decision = await room.deciding(turn.session, turn.person, turn.callback.id)
    if not decision.bot_admin:
        return views.not_admin(decision.stranger, decision.child, turn.language)
    user_id = decision.stranger.telegram_user_id
    await tell(turn.session, await room.decided(turn.session, turn.person, decision, "removed"))
    await remove_from_group(turn.session, decision.chat_id, user_id)
    return views.removing(decision.stranger, decision.child, turn.language)


@press("str", "invite")
async def invite_stranger(turn: Press) -> Reply:
    """A guardian tapped "Invite as…" for someone in the group who is not on the team."""
    decision = await room.deciding(turn.session, turn.person, turn.callback.id)
    return views.invite_role(decision.stranger, decision.child, turn.language)


@press("str", "role", arg=Arg.REQUIRED)
async def invite_stranger_as(turn: Press) -> Reply:
    """A guardian chose the role: the invitation link, to pass on; the group is no longer held."""
    role = members.role_named(turn.callback.arg)
    decision = await room.deciding(turn.session, turn.person, turn.callback.id)
    made = await invites.create(turn.session, turn.person, decision.child.id, role)
    await tell(turn.session, await room.decided(turn.session, turn.person, decision, "invited"))
    url = invite_views.invite_url(turn.update.get_bot().username, made.token)
    return invite_views.link(made.child, role, url, turn.language)


@handles
async def choose_topic(turn: Turn) -> Reply:
    """A guardian sent /topic in the team group: news goes to this topic (or General)."""
    message = turn.update.effective_message
    thread = message.message_thread_id if message and message.is_topic_message else None
    forum = bool(turn.update.effective_chat and turn.update.effective_chat.is_forum)
    child = await room.choose_topic(turn.session, turn.person, turn.chat_id, thread)
    return views.topic(child, thread is not None, forum, turn.language)


def register(app: Application) -> None:
    app.add_handler(ChatMemberHandler(member_changed, ChatMemberHandler.CHAT_MEMBER))
    joins = filters.StatusUpdate.NEW_CHAT_MEMBERS | filters.StatusUpdate.LEFT_CHAT_MEMBER
    app.add_handler(MessageHandler(joins, service_message))
    app.add_handler(CommandHandler("topic", choose_topic))
    perms.COMMANDS.extend(c for c in COMMANDS if c not in perms.COMMANDS)
