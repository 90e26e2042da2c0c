"""An admin bot removes members and makes one-use invite links, as Telegram lets it."""

from __future__ import annotations

import pytest
import telegram
from telegram.error import BadRequest

from bot.sandbox import SandboxClient
from bot.sandbox.client import Actor, Group, SandboxError


async def team(
    sandbox: SandboxClient, admin: bool, supergroup: bool = True
) -> tuple[Actor, Actor, Group]:
    mum, nanny = await sandbox.user("Mum"), await sandbox.user("Nanny")
    group = await sandbox.group("Team", [mum, nanny], supergroup=supergroup)
    await group.add_bot(by=mum, admin=admin)
    return mum, nanny, group


async def status(bot: telegram.Bot, group: Group, user: Actor) -> str:
    return (await bot.get_chat_member(group.id, user.id)).status


async def drain(bot: telegram.Bot) -> None:
    """Confirm every update so far, so a test reads only what its action caused."""
    updates = await bot.get_updates(timeout=0)
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)


async def member_updates(bot: telegram.Bot) -> list[telegram.ChatMemberUpdated]:
    updates = await bot.get_updates(timeout=0, allowed_updates=["message", "chat_member"])
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return [u.chat_member for u in updates if u.chat_member is not None]


async def test_a_ban_removes_the_member_and_keeps_them_out_until_unbanned(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)

    assert await bot.ban_chat_member(group.id, nanny.id)

    assert await status(bot, group, nanny) == "kicked"
    with pytest.raises(SandboxError, match="banned"):
        await group.add_member(nanny)
    assert await bot.unban_chat_member(group.id, nanny.id, only_if_banned=True)
    assert await status(bot, group, nanny) == "left"
    await group.add_member(nanny)
    assert await status(bot, group, nanny) == "member"


async def test_a_ban_in_a_basic_group_reads_as_left(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True, supergroup=False)

    await bot.ban_chat_member(group.id, nanny.id)

    assert await status(bot, group, nanny) == "left"
    with pytest.raises(SandboxError, match="banned"):
        await group.add_member(nanny)


async def test_unban_without_only_if_banned_removes_a_present_member(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)

    await bot.unban_chat_member(group.id, nanny.id)

    assert await status(bot, group, nanny) == "left"
    service = (await group.messages())[-1].raw["service"]
    assert service["left_chat_member"]["id"] == nanny.id


async def test_unban_only_if_banned_leaves_a_present_member_alone(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)

    await bot.unban_chat_member(group.id, nanny.id, only_if_banned=True)

    assert await status(bot, group, nanny) == "member"


async def test_a_bot_that_is_not_an_admin_cannot_ban_unban_or_make_links(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=False)

    with pytest.raises(BadRequest, match="(?i)not enough rights to restrict"):
        await bot.ban_chat_member(group.id, nanny.id)
    with pytest.raises(BadRequest, match="(?i)not enough rights to restrict"):
        await bot.unban_chat_member(group.id, nanny.id)
    with pytest.raises(BadRequest, match="(?i)not enough rights to manage chat invite link"):
        await bot.create_chat_invite_link(group.id, member_limit=1)
    assert await status(bot, group, nanny) == "member"


async def test_the_owner_and_admins_cannot_be_banned(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)

    with pytest.raises(BadRequest, match="(?i)can't remove chat owner"):
        await bot.ban_chat_member(group.id, mum.id)
    with pytest.raises(BadRequest, match="(?i)can't restrict self"):
        await bot.ban_chat_member(group.id, (await bot.get_me()).id)


async def test_a_one_use_link_lets_one_person_in(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    mum, nanny, group = await team(sandbox, admin=True)
    gran, stranger = await sandbox.user("Gran"), await sandbox.user("Stranger")

    link = await bot.create_chat_invite_link(group.id, member_limit=1, name="Gran")
    joined = await gran.join_link(link.invite_link)

    assert link.member_limit == 1 and link.invite_link.startswith("https://t.me/+")
    assert joined.id == group.id
    assert await status(bot, group, gran) == "member"
    with pytest.raises(SandboxError, match="INVITE_HASH_EXPIRED"):
        await stranger.join_link(link.invite_link)
    assert await status(bot, group, stranger) == "left"


async def test_a_banned_person_cannot_join_through_a_link(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)
    link = await bot.create_chat_invite_link(group.id, member_limit=1)
    await bot.ban_chat_member(group.id, nanny.id)

    with pytest.raises(SandboxError, match="banned"):
        await nanny.join_link(link.invite_link)


async def test_an_unknown_link_and_a_bad_limit_are_refused(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)
    gran = await sandbox.user("Gran")

    with pytest.raises(SandboxError, match="no invite link"):
        await gran.join_link("https://t.me/+nothing")
    with pytest.raises(BadRequest, match="(?i)USAGE_LIMIT_INVALID"):
        await bot.create_chat_invite_link(group.id, member_limit=0)
    with pytest.raises(BadRequest, match="(?i)USAGE_LIMIT_INVALID"):
        await bot.create_chat_invite_link(group.id, member_limit=100_000)


async def test_an_admin_bot_hears_joins_through_links_and_removals(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)
    gran = await sandbox.user("Gran")
    await member_updates(bot)
    link = await bot.create_chat_invite_link(group.id, member_limit=1)

    await gran.join_link(link.invite_link)
    await bot.ban_chat_member(group.id, nanny.id)

    joined, banned = await member_updates(bot)
    assert (joined.new_chat_member.user.id, joined.new_chat_member.status) == (gran.id, "member")
    assert joined.invite_link is not None and joined.invite_link.invite_link == link.invite_link
    assert (banned.old_chat_member.status, banned.new_chat_member.status) == ("member", "kicked")


async def test_chat_member_updates_need_asking_for(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=True)
    gran = await sandbox.user("Gran")
    await bot.get_updates(timeout=0, allowed_updates=[])  # Telegram's default kinds

    await group.add_member(gran)

    updates = await bot.get_updates(timeout=0)
    assert [u.chat_member for u in updates if u.chat_member] == []
    assert any(u.message and u.message.new_chat_members for u in updates)


async def test_a_deleted_group_tells_the_bot_and_refuses_it(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, nanny, group = await team(sandbox, admin=False)
    await drain(bot)

    await group.delete(by=mum)

    [update] = await bot.get_updates(timeout=0)
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(telegram.error.Forbidden, match="(?i)the supergroup chat was deleted"):
        await bot.send_message(group.id, "hello?")
    with pytest.raises(SandboxError, match="deleted"):
        await nanny.send(group, "anyone?")


async def test_only_the_owner_deletes_a_group(sandbox: SandboxClient) -> None:
    mum, nanny, group = await team(sandbox, admin=False)

    with pytest.raises(SandboxError, match="only the owner"):
        await group.delete(by=nanny)
