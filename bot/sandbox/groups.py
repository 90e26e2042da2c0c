"""Group life as people drive it: creating groups, adding the bot, joins, titles, migration."""

from __future__ import annotations

from typing import Any

from bot.sandbox.api_members import invite_link_json
from bot.sandbox.core import Core
from bot.sandbox.delivery import change_member, deliver
from bot.sandbox.errors import ControlError
from bot.sandbox.state import Chat, Message, User, World


def find_user(world: World, user_id: Any) -> User:
    user = world.users.get(user_id) if isinstance(user_id, int) else None
    if user is None or user.is_bot:
        raise ControlError(f"no user with id {user_id!r}", 404)
    return user


def find_group(world: World, chat_id: int) -> Chat:
    chat = world.chats.get(chat_id)
    if chat is None or not chat.is_group:
        raise ControlError(f"no group with id {chat_id}", 404)
    return chat


def _require_member(chat: Chat, user: User) -> None:
    if not chat.is_present(user.id):
        raise ControlError(f"user {user.id} is not a member of chat {chat.id}")


def _require_active(chat: Chat) -> None:
    if chat.migrated_to is not None:
        raise ControlError(f"chat {chat.id} was migrated to {chat.migrated_to}")
    if chat.deleted:
        raise ControlError(f"chat {chat.id} was deleted")


def _service(core: Core, chat: Chat, sender_id: int, **event: Any) -> None:
    message = core.world.add_message(chat, sender_id, service=event)
    deliver(core, chat, message)


def create_group(
    core: Core, title: str, member_ids: list[Any], kind: str, forum: bool = False
) -> Chat:
    """A group; a forum (a supergroup with topics) has only its General topic at first."""
    if not title:
        raise ControlError("a group needs a title")
    if kind not in ("group", "supergroup"):
        raise ControlError("type must be 'group' or 'supergroup'")
    if forum and kind != "supergroup":
        raise ControlError("only a supergroup can have topics")
    members = [find_user(core.world, member_id) for member_id in member_ids]
    if not members:
        raise ControlError("a group needs at least one member, its creator")
    chat = core.world.add_group(title, kind)
    chat.is_forum = forum
    for index, member in enumerate(members):
        chat.members[member.id] = "creator" if index == 0 else "member"
    _service(core, chat, members[0].id, **{f"{kind}_chat_created": True})
    return chat


def add_bot(core: Core, chat: Chat, by: User, admin: bool) -> None:
    """Someone adds (or promotes, or demotes) the bot, as the Telegram apps would."""
    _require_active(chat)
    _require_member(chat, by)
    bot_id = core.bot_id
    was_present = chat.is_present(bot_id)
    change_member(core, chat, bot_id, "administrator" if admin else "member", by.id)
    if not was_present:
        _service(core, chat, by.id, new_chat_members=[bot_id])


def remove_bot(core: Core, chat: Chat, by_id: int) -> None:
    """The bot is removed by a member ("kicked") or leaves by itself ("left")."""
    if not chat.is_present(core.bot_id):
        raise ControlError(f"the bot is not in chat {chat.id}")
    status = "left" if by_id == core.bot_id else "kicked"
    change_member(core, chat, core.bot_id, status, by_id)
    core.world.add_message(chat, by_id, service={"left_chat_member": core.bot_id})


def join(core: Core, chat: Chat, user: User, link: dict[str, Any] | None = None) -> None:
    """A person joins (added by someone, or through a link); a banned person cannot."""
    _require_active(chat)
    if chat.is_present(user.id):
        raise ControlError(f"user {user.id} is already in chat {chat.id}")
    if chat.status_of(user.id) == "kicked":
        raise ControlError(f"user {user.id} is banned from chat {chat.id}")
    change_member(core, chat, user.id, "member", user.id, invite_link=link)
    _service(core, chat, user.id, new_chat_members=[user.id])


def join_by_link(core: Core, url: str, user: User) -> Chat:
    """A person opens an invite link: a link used up, expired or revoked lets nobody in."""
    link = core.world.invite_links.get(url)
    if link is None:
        raise ControlError(f"no invite link {url!r}", 404)
    if not link.usable(core.world.now()):
        raise ControlError("INVITE_HASH_EXPIRED: this invite link has expired or was used up")
    chat = find_group(core.world, link.chat_id)
    join(core, chat, user, invite_link_json(core.world, link))
    link.joined += 1
    return chat


def leave(core: Core, chat: Chat, user: User) -> None:
    _require_active(chat)
    _require_member(chat, user)
    change_member(core, chat, user.id, "left", user.id)
    _service(core, chat, user.id, left_chat_member=user.id)


TOPIC_COLOR = 7322096  # the first of Telegram's six topic icon colours


def delete_group(core: Core, chat: Chat, by: User) -> None:
    """The owner deletes the group: everyone is out, and the bot hears it is (my_chat_member)."""
    _require_active(chat)
    if chat.status_of(by.id) != "creator":
        raise ControlError(f"only the owner of chat {chat.id} can delete it")
    if chat.is_present(core.bot_id):
        change_member(core, chat, core.bot_id, "kicked", by.id)
    for user_id in list(chat.members):
        if user_id != core.bot_id:
            chat.members[user_id] = "left"
    chat.deleted = True


def create_topic(core: Core, chat: Chat, name: str, by: User) -> Message:
    """A member opens a forum topic; its creation message's id is the thread's id."""
    _require_active(chat)
    _require_member(chat, by)
    if not chat.is_forum:
        raise ControlError(f"chat {chat.id} is not a forum")
    if not 1 <= len(name) <= 128:
        raise ControlError("a topic needs a name of 1 to 128 characters")
    created = {"name": name, "icon_color": TOPIC_COLOR}
    message = core.world.add_message(chat, by.id, service={"forum_topic_created": created})
    message.thread_id = message.message_id
    chat.topics[message.message_id] = name
    deliver(core, chat, message)
    return message


def set_title(core: Core, chat: Chat, title: str, by: User) -> None:
    _require_active(chat)
    _require_member(chat, by)
    if not title:
        raise ControlError("a group needs a title")
    chat.title = title
    _service(core, chat, by.id, new_chat_title=title)


def migrate(core: Core, chat: Chat) -> Chat:
    """A basic group becomes a supergroup with a new id, as when it outgrows a basic group."""
    _require_active(chat)
    if chat.type != "group":
        raise ControlError("only a basic group can be migrated")
    creator = next(user_id for user_id, status in chat.members.items() if status == "creator")
    supergroup = core.world.add_group(chat.title or "", "supergroup")
    supergroup.members = dict(chat.members)
    _service(core, chat, creator, migrate_to_chat_id=supergroup.id)
    chat.migrated_to = supergroup.id
    _service(core, supergroup, creator, migrate_from_chat_id=chat.id)
    return supergroup
