"""The group is the team's room: who is in it follows who is on the team, admin bot or not."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import World
from tests.e2e.room_steps import (
    FREED,
    HELD,
    lily_team,
    link_of,
    membership,
    notice_about,
    relays,
    report,
    status,
    strangers,
)
from tests.e2e.teams_steps import say, tap

pytestmark = pytest.mark.usefixtures("unhurried")
JOINED = "👤 Rick joined Lily's group but is not on the care team."


@pytest.mark.parametrize("admin", [True, False], ids=["admin", "not-admin"])
async def test_a_stranger_joining_is_told_to_the_guardians_and_holds_the_groups_news(
    world: World, admin: bool
) -> None:
    team = await lily_team(world, admin=admin)
    rick = await world.user("Rick")

    await team.group.add_member(rick)
    await world.settle()
    await report(world, team)

    notice = await notice_about(team.mum, "👤 Rick")
    assert notice.text is not None and notice.text.startswith(JOINED)
    assert notice.labels == ["➕ Invite as…", "🚪 Remove from the group"]
    assert (await team.group.bot_texts())[-1] == HELD
    assert await relays(team.group) == []
    assert len(await relays(team.mum)) == 1  # "group only" Anna hears privately meanwhile
    assert await relays(rick) == []


async def test_an_admin_bot_removes_the_stranger_and_news_comes_back_to_the_group(
    world: World,
) -> None:
    team = await lily_team(world, admin=True)
    rick = await world.user("Rick")
    await team.group.add_member(rick)
    await world.settle()
    notice = await notice_about(team.mum, "👤 Rick")

    done = await tap(world, team.mum, team.mum.private_chat, notice, "🚪 Remove from the group")
    await report(world, team)

    assert done.text == "🚪 I'm removing Rick from Lily's group. They can be invited again later."
    assert done.labels == []
    assert await status(world, team.group, rick) == "left"  # banned, then let back in
    assert FREED in await team.group.bot_texts()
    assert len(await relays(team.group)) == 1
    assert await strangers(world) == []


async def test_a_bot_that_is_not_an_admin_says_how_to_remove_the_stranger(world: World) -> None:
    team = await lily_team(world, admin=False)
    rick = await world.user("Rick")
    await team.group.add_member(rick)
    await world.settle()
    notice = await notice_about(team.mum, "👤 Rick")

    answer = await tap(world, team.mum, team.mum.private_chat, notice, "🚪 Remove from the group")

    assert answer.text is not None
    assert answer.text.startswith("I can't remove Rick: I'm not an admin of Lily's group.")
    assert "Administrators → Add admin" in answer.text
    assert await status(world, team.group, rick) == "member"
    assert await strangers(world) == ["Rick"]


async def test_the_stranger_leaving_by_themselves_frees_the_group(world: World) -> None:
    team = await lily_team(world, admin=False)
    rick = await world.user("Rick")
    await team.group.add_member(rick)
    await world.settle()

    await team.group.remove_member(rick)
    await world.settle()
    await report(world, team)

    assert (await team.group.bot_texts())[-2:] == [FREED, (await relays(team.group))[0]]


async def test_inviting_the_stranger_decides_and_frees_the_group(world: World) -> None:
    team = await lily_team(world, admin=False)
    rick = await world.user("Rick")
    await team.group.add_member(rick)
    await world.settle()
    notice = await notice_about(team.mum, "👤 Rick")
    chat = team.mum.private_chat

    roles = await tap(world, team.mum, chat, notice, "➕ Invite as…")
    link = await tap(world, team.mum, chat, roles, "🧡 Other caregiver (family, nanny)")

    assert roles.text == "Invite Rick to Lily's care team as…"
    assert "https://t.me/CareCircleBot?start=" in (link.text or "")
    assert (await team.group.bot_texts())[-1] == FREED


@pytest.mark.parametrize("admin", [True, False], ids=["admin", "not-admin"])
async def test_someone_removed_from_the_team_is_told_and_taken_out_of_the_group(
    world: World, admin: bool
) -> None:
    team = await lily_team(world, admin=admin)
    chat = team.mum.private_chat
    roster = await say(world, team.mum, chat, "/team")
    member = await tap(world, team.mum, chat, roster, "Ms Park ›")
    confirm = await tap(world, team.mum, chat, member, "Remove from the team")

    await tap(world, team.mum, chat, confirm, "Yes, remove Ms Park")
    await say(world, team.mum, chat, "/e 20s arms")

    told = await notice_about(team.teacher, "You are no longer on Lily's care team")
    assert told.labels == []
    if admin:
        assert await status(world, team.group, team.teacher) == "left"
        assert len(await relays(team.group)) == 1  # nobody off the team is left in it
    else:
        asked = await notice_about(team.mum, "👤 Ms Park is off Lily's care team")
        assert asked.labels == ["🚪 Remove from the group"]
        assert await status(world, team.group, team.teacher) == "member"
        assert (await team.group.bot_texts())[-1] == HELD
    assert await relays(team.teacher) == []


async def test_a_member_who_leaves_the_telegram_group_hears_the_news_privately(
    world: World,
) -> None:
    team = await lily_team(world, admin=False)

    await team.group.remove_member(team.mum)
    await world.settle()
    await report(world, team)

    told = await notice_about(team.mum, "Anna left Lily's Telegram group")
    assert "now comes to them privately" in (told.text or "")
    assert (await membership(world, team.mum)).out_of_group
    assert len(await relays(team.mum)) == 1
    assert len(await relays(team.group)) == 1  # the others still read it there


async def test_coming_back_to_the_group_brings_the_news_back_there(world: World) -> None:
    team = await lily_team(world, admin=False)
    await team.group.remove_member(team.mum)
    await world.settle()

    await team.group.add_member(team.mum)
    await world.settle()
    await report(world, team)

    assert not (await membership(world, team.mum)).out_of_group
    assert await relays(team.mum) == []
    assert await strangers(world) == []


@pytest.mark.parametrize("admin", [True, False], ids=["admin", "not-admin"])
async def test_the_bot_removed_from_the_group_closes_the_link(world: World, admin: bool) -> None:
    team = await lily_team(world, admin=admin)

    await team.group.remove_bot(by=team.mum)
    await world.settle()
    await report(world, team)

    told = await notice_about(team.mum, "I'm no longer in Lily's group")
    assert "/link" in (told.text or "")
    assert await link_of(world) is None
    assert len(await relays(team.mum)) == 1


async def test_a_group_upgraded_to_a_supergroup_keeps_its_link(world: World) -> None:
    team = await lily_team(world, admin=False)

    supergroup = await team.group.migrate()
    await world.settle()
    await report(world, team)

    told = await notice_about(team.mum, "Lily's group became a supergroup")
    assert "nothing to do" in (told.text or "")
    link = await link_of(world)
    assert link is not None and link.chat_id == supergroup.id
    assert len(await relays(supergroup)) == 1


async def test_an_admin_bot_gives_the_invitee_a_one_use_link_to_the_group(world: World) -> None:
    team = await lily_team(world, admin=True)
    gran = await world.user("Gran")
    chat = team.mum.private_chat
    roles = await say(world, team.mum, chat, "/invite")
    invite = await tap(world, team.mum, chat, roles, "🧡 Other caregiver (family, nanny)")
    token = (invite.text or "").split("start=")[1].split()[0]

    await say(world, gran, gran.private_chat, f"/start {token}")
    line = (await gran.private_chat.bot_texts())[-1]
    url = line.split(": ", 1)[1]
    await gran.join_link(url)
    await world.settle()

    assert line.startswith("Join Lily's team group with this link (it works once, for you): ")
    assert await status(world, team.group, gran) == "member"
    assert await strangers(world) == []
    assert [m for m in await chat.bot_texts() if m.startswith("👤")] == []


async def test_without_admin_rights_the_welcome_says_a_guardian_will_add_them(
    world: World,
) -> None:
    team = await lily_team(world, admin=False)
    gran = await world.user("Gran")
    chat = team.mum.private_chat
    roles = await say(world, team.mum, chat, "/invite")
    invite = await tap(world, team.mum, chat, roles, "🧡 Other caregiver (family, nanny)")
    token = (invite.text or "").split("start=")[1].split()[0]

    await say(world, gran, gran.private_chat, f"/start {token}")

    assert (await gran.private_chat.bot_texts())[
        -1
    ] == "A guardian will add you to Lily's team group."


async def test_linking_with_admin_rights_offers_no_tip(world: World) -> None:
    team = await lily_team(world, admin=True)

    texts = await team.group.bot_texts()

    linked = next(text for text in texts if text.startswith("This group is now"))
    assert "Tip: make me an admin" not in linked
    link = await link_of(world)
    assert link is not None and link.bot_admin


async def test_promoting_the_bot_after_linking_is_noticed(world: World) -> None:
    team = await lily_team(world, admin=False)

    await team.group.add_bot(by=team.mum, admin=True)
    await world.settle()

    link = await link_of(world)
    assert link is not None and link.bot_admin


async def test_the_bot_asks_telegram_for_member_changes(world: World) -> None:
    await lily_team(world, admin=True)

    assert world.emulator.core.queue.allows("chat_member")


async def test_an_admin_bot_answers_only_the_unknown_commands_addressed_to_it(
    world: World,
) -> None:
    team = await lily_team(world, admin=True)
    before = len(await team.group.bot_messages())

    await team.mum.send(team.group, "/summary")  # an admin bot reads it, but it is not for it
    await say(world, team.mum, team.group, "/summary@CareCircleBot")

    assert [m.text for m in (await team.group.bot_messages())[before:]] == [
        "I don't know /summary — did you mean /digest?"
    ]


async def test_a_deleted_group_closes_the_link(world: World) -> None:
    team = await lily_team(world, admin=True)

    await team.group.delete(by=team.mum)
    await world.settle()
    await report(world, team)

    await notice_about(team.mum, "I'm no longer in Lily's group")
    assert await link_of(world) is None
    assert len(await relays(team.mum)) == 1
