"""Group privacy mode: what a bot receives in groups, while people still see everything."""

from __future__ import annotations

import telegram

from bot.sandbox import SandboxClient
from bot.sandbox.client import Actor, Group


async def received_texts(bot: telegram.Bot) -> list[str | None]:
    updates = await bot.get_updates(timeout=0)
    if updates:
        await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    return [update.message.text for update in updates if update.message]


async def team(sandbox: SandboxClient, admin: bool) -> tuple[Actor, Group]:
    mum, teacher = await sandbox.user("Mum"), await sandbox.user("Teacher")
    group = await sandbox.group("Team", [mum, teacher])
    await group.add_bot(by=mum, admin=admin)
    return teacher, group


async def test_plain_group_chatter_stays_private(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    teacher, group = await team(sandbox, admin=False)
    await received_texts(bot)
    chatter = ["Lily was tired today", "/episode@OtherCareBot 20s", "mail me at a@b.co"]

    for text in chatter:
        await teacher.send(group, text)

    assert await received_texts(bot) == []
    transcript = [message.text for message in await group.messages()]
    assert transcript[-3:] == chatter


async def test_commands_mentions_and_replies_reach_the_bot(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    teacher, group = await team(sandbox, admin=False)
    await received_texts(bot)
    sent = await bot.send_message(group.id, "How long was it?")
    wanted = ["/episode 30s", "/episode@CareCircleBot 45s", "thanks @CareCircleBot"]

    for text in wanted:
        await teacher.send(group, text)
    await teacher.send(group, "about a minute", reply_to=sent.message_id)

    assert await received_texts(bot) == [*wanted, "about a minute"]


async def test_service_messages_reach_the_bot(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    teacher, group = await team(sandbox, admin=False)
    await received_texts(bot)
    nurse = await sandbox.user("Nurse")

    await group.add_member(nurse)
    await group.set_title("Lily's care team", by=teacher)

    updates = await bot.get_updates(timeout=0)
    assert [update.message.new_chat_members[0].id for update in updates[:1]] == [nurse.id]
    assert updates[1].message.new_chat_title == "Lily's care team"


async def test_admin_bot_receives_everything(sandbox: SandboxClient, bot: telegram.Bot) -> None:
    teacher, group = await team(sandbox, admin=True)
    await received_texts(bot)

    await teacher.send(group, "Lily was tired today")

    assert await received_texts(bot) == ["Lily was tired today"]


async def test_people_get_entities_at_utf16_offsets(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    teacher, group = await team(sandbox, admin=False)
    await received_texts(bot)

    await teacher.send(group, "😀 ping @CareCircleBot #seizure")

    message = (await bot.get_updates(timeout=0))[-1].message
    assert [(entity.type, entity.offset, entity.length) for entity in message.entities] == [
        ("mention", 8, 14),
        ("hashtag", 23, 8),
    ]
    assert message.parse_entity(message.entities[0]) == "@CareCircleBot"
