"""Delivery that loses nothing: relays survive Telegram's failures, limits and refusals."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from sqlalchemy import select

from bot.delivery.outbox import enqueue
from bot.replies import Reply
from bot.sandbox.client import Chat
from models import Membership, NotifyPreference, Outbox, OutboxStatus, Person, TeamChat
from tests.e2e.conftest import World
from tests.factories import link_group, make_child, make_member, make_person


async def relay(world: World, chat_id: int, *texts: str, membership_id: int | None = None) -> None:
    """Queue messages as a saved report would, and wake the sender."""
    async with world.db.transaction() as session:
        for text in texts:
            await enqueue(session, chat_id, Reply(text), membership_id=membership_id)
    world.runtime.wake_sender()


async def after_hello(chat: Chat) -> list[str]:
    """What the bot has said in ``chat`` after its hello, oldest first."""
    return (await chat.bot_texts())[1:]


async def outbox_rows(world: World) -> list[Outbox]:
    async with world.db.open_session() as session:
        return list(await session.scalars(select(Outbox).order_by(Outbox.id)))


def fast_retries(world: World) -> None:
    assert world.runtime.sender is not None
    world.runtime.sender.limits = replace(world.runtime.sender.limits, max_backoff=4)


@pytest.mark.slow
async def test_relays_arrive_once_and_in_order_after_telegram_fails_for_30_seconds(
    world: World,
) -> None:
    fast_retries(world)
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()
    reports = [f"Report {n}: jerks at school" for n in range(10)]

    await world.sandbox.inject_fault("sendMessage", count=2, delay=6)  # past PTB's 5 s timeout
    await world.sandbox.inject_fault("sendMessage", status=500, duration=30)
    await relay(world, group.id, *reports)
    # Both calls have timed out and the bot has met the outage itself; then Telegram's 30 s
    # pass on the emulator's clock instead of the wall clock.
    await world.sandbox.wait_for_call("sendMessage", status=500, timeout=30)
    await world.sandbox.advance_clock(30)
    await world.settle(timeout=30)

    assert await after_hello(group) == reports
    assert {row.status for row in await outbox_rows(world)} == {OutboxStatus.SENT}


async def test_a_429_storm_delays_only_the_chat_it_hit(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()
    await world.sandbox.set_limits(per_chat_per_second=0.25, chat_burst=1)

    await relay(world, group.id, "Group 1", "Group 2", "Group 3")
    await world.sandbox.wait_for_call("sendMessage", chat_id=group.id, status=429)
    private_queued_at = time.time()
    await relay(world, mum.id, "Private 1")
    await world.settle(timeout=30)

    calls = await world.sandbox.calls("sendMessage")
    group_429s = [c for c in calls if c["chat_id"] == group.id and c["status"] == 429]
    private_sent = [c for c in calls if c["chat_id"] == mum.id and c["status"] == 200][-1]
    assert group_429s, "the emulator never limited the group"
    assert private_sent["time"] - private_queued_at < 2.5
    assert await after_hello(group) == ["Group 1", "Group 2", "Group 3"]
    assert (await mum.private_chat.last_bot_message()).text == "Private 1"


async def test_a_message_telegram_refuses_is_recorded_and_the_next_one_still_goes(
    world: World,
) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()

    await relay(world, group.id, "<b>unclosed bold", "Lily is fine now")
    await world.settle()

    refused, delivered = await outbox_rows(world)
    assert refused.status == OutboxStatus.FAILED
    assert "can't parse entities" in (refused.last_error or "").lower()
    assert delivered.status == OutboxStatus.SENT
    assert await after_hello(group) == ["Lily is fine now"]


async def test_a_long_relay_arrives_as_several_messages_in_order(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()
    text = "\n".join(f"{n:03d} " + "jerk " * 12 for n in range(150))

    await relay(world, group.id, text)
    await world.settle()

    parts = await after_hello(group)
    assert len(parts) == 3
    assert "\n".join(parts) == text


async def test_a_member_who_never_started_the_bot_loses_private_delivery_and_the_group_is_told_once(
    world: World,
) -> None:
    mum = await world.user("Anna")
    teacher = await world.user("Mr Brown", started=False)
    group = await world.group("Lily's team", [mum, teacher])
    await world.settle()
    async with world.db.transaction() as session:
        child = await make_child(session)
        await link_group(session, child, group.id)
        person = await make_person(session, teacher.id, "Mr Brown", started_bot=False)
        membership = await make_member(session, child, person, notify=NotifyPreference.PRIVATE)

    await relay(
        world, teacher.id, "Episode at 10:15", "Episode at 11:40", membership_id=membership.id
    )
    await world.settle()

    assert [row.last_error for row in await outbox_rows(world)][:2] == [
        "Forbidden: bot can't initiate conversation with a user"
    ] * 2
    async with world.db.open_session() as session:
        assert (await session.get(Membership, membership.id)).private_delivery_ok is False
    notices = await after_hello(group)
    assert len(notices) == 1
    assert notices[0].startswith("I couldn't send Mr Brown a private message")


async def test_a_group_that_became_a_supergroup_still_gets_its_relays(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()
    async with world.db.transaction() as session:
        child = await make_child(session)
        await link_group(session, child, group.id)
    supergroup = await group.migrate()
    await world.settle()

    await relay(world, group.id, "Episode at 10:15")
    await world.settle()

    assert (await supergroup.last_bot_message()).text == "Episode at 10:15"
    async with world.db.open_session() as session:
        assert await session.scalar(select(TeamChat.chat_id)) == supergroup.id


async def test_a_reply_that_hits_a_rate_limit_is_delivered_after_the_wait(world: World) -> None:
    mum = await world.user("Anna")
    await world.settle()
    await world.sandbox.set_limits(per_chat_per_second=0.5, chat_burst=1)

    await mum.send(mum.private_chat, "/help")
    await mum.send(mum.private_chat, "/help")
    await world.settle(timeout=20)

    statuses = [c["status"] for c in await world.sandbox.calls("sendMessage")]
    assert 429 in statuses
    answers = await after_hello(mum.private_chat)
    assert len(answers) == 2
    assert all(a.startswith("What I can do") for a in answers)


async def test_a_member_who_unblocks_the_bot_gets_private_messages_again(world: World) -> None:
    mum = await world.user("Anna")
    group = await world.group("Lily's team", [mum])
    await world.settle()
    async with world.db.transaction() as session:
        child = await make_child(session)
        await link_group(session, child, group.id)
        person = await session.scalar(select(Person).where(Person.telegram_user_id == mum.id))
        membership = await make_member(session, child, person, notify=NotifyPreference.PRIVATE)
    await mum.block()
    await relay(world, mum.id, "Episode at 10:15", membership_id=membership.id)
    await world.settle()
    async with world.db.open_session() as session:
        assert (await session.get(Membership, membership.id)).private_delivery_ok is False

    await mum.unblock()
    await mum.send(mum.private_chat, "/help")
    await world.settle()

    async with world.db.open_session() as session:
        assert (await session.get(Membership, membership.id)).private_delivery_ok is True
