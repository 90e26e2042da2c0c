"""Bot API methods an admin bot uses on a group's members: ban, unban and invite links."""

from __future__ import annotations

import secrets
from typing import Any

from bot.sandbox.access import bot_is_admin, writable_chat
from bot.sandbox.core import Core
from bot.sandbox.delivery import change_member, deliver
from bot.sandbox.errors import bad_request
from bot.sandbox.params import Params
from bot.sandbox.state import Chat, InviteLink, World
from bot.sandbox.wire import compact, user_json

MAX_MEMBER_LIMIT = 99_999
_RESTRICT = "not enough rights to restrict/unrestrict chat member"


def _group_for_admin(core: Core, params: Params, refusal: str) -> Chat:
    """The group of ``chat_id`` if the bot is an administrator there; else Telegram's refusal."""
    chat = writable_chat(core.world, params)
    if chat.type == "private":
        raise bad_request("chat member status can't be changed in private chats")
    if not bot_is_admin(core.world, chat):
        raise bad_request(refusal)
    return chat


def _target(core: Core, chat: Chat, params: Params) -> int:
    user_id = params.integer("user_id", required=True, missing="user not found")
    if user_id not in core.world.users:
        raise bad_request("user not found")
    assert user_id is not None
    if user_id == core.bot_id:
        raise bad_request("can't restrict self")
    status = chat.status_of(user_id)
    if status == "creator":
        raise bad_request("can't remove chat owner")
    if status == "administrator":
        raise bad_request("user is an administrator of the chat")
    return user_id


async def ban_chat_member(core: Core, params: Params) -> bool:
    """Remove a member and keep them out until unbanned; their leaving shows in the group."""
    chat = _group_for_admin(core, params, _RESTRICT)
    user_id = _target(core, chat, params)
    was_present = chat.is_present(user_id)
    change_member(core, chat, user_id, "kicked", core.bot_id)
    if was_present:
        message = core.world.add_message(chat, core.bot_id, service={"left_chat_member": user_id})
        deliver(core, chat, message)
    return True


async def unban_chat_member(core: Core, params: Params) -> bool:
    """Lift a ban; as Telegram documents, a member still present is removed unless
    ``only_if_banned`` is set, so that afterwards they are out but may join again."""
    chat = _group_for_admin(core, params, _RESTRICT)
    user_id = _target(core, chat, params)
    status = chat.status_of(user_id)
    if status == "kicked":
        change_member(core, chat, user_id, "left", core.bot_id)
    elif chat.is_present(user_id) and not params.flag("only_if_banned"):
        change_member(core, chat, user_id, "left", core.bot_id)
        message = core.world.add_message(chat, core.bot_id, service={"left_chat_member": user_id})
        deliver(core, chat, message)
    return True


def invite_link_json(world: World, link: InviteLink) -> dict[str, Any]:
    return compact(
        {
            "invite_link": link.url,
            "creator": user_json(world.users[link.creator_id]),
            "creates_join_request": False,
            "is_primary": False,
            "is_revoked": link.revoked,
            "name": link.name,
            "expire_date": link.expire_date,
            "member_limit": link.member_limit,
        }
    )


async def create_chat_invite_link(core: Core, params: Params) -> dict[str, Any]:
    """An extra invite link to the group, limited in joins (``member_limit``) or time."""
    chat = _group_for_admin(core, params, "not enough rights to manage chat invite link")
    limit = params.integer("member_limit")
    if limit is not None and not 1 <= limit <= MAX_MEMBER_LIMIT:
        raise bad_request("USAGE_LIMIT_INVALID")
    if limit is not None and params.flag("creates_join_request"):
        raise bad_request(
            "member limit can't be specified for links requiring administrator approval"
        )
    name = params.text("name")
    if name is not None and len(name) > 32:
        raise bad_request("invite link name is too long")
    expire = params.integer("expire_date")
    if expire is not None and expire <= core.world.now():
        raise bad_request("EXPIRE_DATE_INVALID")
    url = "https://t.me/+" + secrets.token_urlsafe(12)
    link = InviteLink(url, chat.id, core.bot_id, name, expire, limit)
    core.world.invite_links[url] = link
    return invite_link_json(core.world, link)
