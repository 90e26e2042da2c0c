"""People edit what they wrote: the bot gets edited_message, as on Telegram."""

from __future__ import annotations

import pytest
import telegram

from bot.sandbox import SandboxClient
from bot.sandbox.client import SandboxError


async def test_an_edit_in_private_reaches_the_bot_as_edited_message(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum = await sandbox.user("Mum")
    sent = await mum.send(mum.private_chat, "/e 30s face")

    await mum.edit(mum.private_chat, sent, "/e 45s face")

    updates = await bot.get_updates(timeout=0)
    assert [update.message.text for update in updates if update.message] == ["/e 30s face"]
    [edited] = [update.edited_message for update in updates if update.edited_message]
    assert (edited.message_id, edited.text) == (sent, "/e 45s face")
    assert edited.edit_date is not None
    assert edited.entities[0].type == "bot_command"
    [entry] = (await mum.private_chat.messages())[-1:]
    assert (entry.text, entry.raw["edited"]) == ("/e 45s face", True)


async def test_in_a_group_the_bot_hears_only_edits_of_what_it_may_see(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, teacher = await sandbox.user("Mum"), await sandbox.user("Teacher")
    group = await sandbox.group("Team", [mum, teacher])
    await group.add_bot(by=mum)
    chatter = await teacher.send(group, "see you at 3")
    command = await teacher.send(group, "/e 30s")
    offset = (await bot.get_updates(timeout=0))[-1].update_id + 1

    await teacher.edit(group, chatter, "see you at 4")
    await teacher.edit(group, command, "/e 40s")
    await teacher.edit(group, chatter, "/e 1m after all")

    updates = await bot.get_updates(offset=offset, timeout=0)
    assert [update.edited_message.text for update in updates] == ["/e 40s", "/e 1m after all"]


async def test_only_ones_own_messages_can_be_edited_and_only_to_new_text(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum, teacher = await sandbox.user("Mum"), await sandbox.user("Teacher")
    group = await sandbox.group("Team", [mum, teacher])
    await group.add_bot(by=mum)
    sent = await teacher.send(group, "/e 30s")
    await bot.send_message(group.id, "Saved")
    reply = (await group.last_bot_message()).message_id

    with pytest.raises(SandboxError, match="can only edit their own messages"):
        await mum.edit(group, sent, "/e 1m")
    with pytest.raises(SandboxError, match="can only edit their own messages"):
        await mum.edit(group, reply, "hacked")
    with pytest.raises(SandboxError, match="not modified"):
        await teacher.edit(group, sent, "/e 30s")
    with pytest.raises(SandboxError, match="must not be empty"):
        await teacher.edit(group, sent, " ")
    with pytest.raises(SandboxError) as missing:
        await teacher.edit(group, 999, "/e 1m")
    assert missing.value.status == 404


async def test_a_caption_is_edited_in_place_of_text(
    sandbox: SandboxClient, bot: telegram.Bot
) -> None:
    mum = await sandbox.user("Mum")
    sent = await mum.send_photo(mum.private_chat, caption="rash")

    await mum.edit(mum.private_chat, sent, "rash on the left arm")

    [*_, edited] = await bot.get_updates(timeout=0)
    assert edited.edited_message.caption == "rash on the left arm"
    assert edited.edited_message.photo
