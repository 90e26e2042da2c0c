"""The team group end to end: linking, outsiders, renames, migration, and people on two teams."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import TeamChat
from tests.e2e.conftest import World
from tests.e2e.teams_steps import create_team, invitation, join, linked_group, say, tap

EDUCATOR = "🏫 Teacher or educator"


pytestmark = pytest.mark.usefixtures("unhurried")


async def _links(world: World) -> list[tuple[int, str | None]]:
    async with world.db.open_session() as session:
        return [(g.chat_id, g.title) for g in await session.scalars(select(TeamChat))]


async def test_a_guardian_links_the_family_group(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await world.group("Family", [mum])

    linked = await say(world, mum, group, "/link")

    assert linked.text == (
        "This group is now Lily's care team group. Team news will appear here.\n\n"
        "Tip: make me an admin of this group (the group's name → Administrators → Add admin → "
        "me), so I can remove people who are not on the team and give each new member a "
        "one-use link to join."
    )
    assert await _links(world) == [(group.id, "Family")]


async def test_a_guardian_of_two_children_links_by_button(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum, "Lily")
    await create_team(world, mum, "Tom")
    group = await world.group("Tom's class", [mum])
    choice = await say(world, mum, group, "/link")

    linked = await tap(world, mum, group, choice, "Tom")

    assert choice.text == "Which child's team should this group belong to?"
    assert linked.text.startswith("This group is now Tom's care team group.")


async def test_a_teacher_cannot_link_a_group(world: World) -> None:
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    await join(world, teacher, await invitation(world, mum, EDUCATOR))
    group = await world.group("Class", [teacher])

    refusal = await say(world, teacher, group, "/link")

    assert refusal.text.startswith("To link a group you need to be the guardian")
    assert await _links(world) == []


async def test_a_second_group_cannot_be_linked_to_the_same_child(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    first = await linked_group(world, mum, "Family", [])
    second = await world.group("Cousins", [mum])

    refusal = await say(world, mum, second, "/link")

    assert refusal.text.startswith("To link a group you need to be the guardian")
    assert await _links(world) == [(first.id, "Family")]


async def test_someone_not_on_the_team_is_politely_refused_in_the_group(world: World) -> None:
    mum, sam = await world.user("Anna"), await world.user("Sam")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [sam])

    refusal = await say(world, sam, group, "/team")

    assert refusal.text.startswith("Sorry, only members of this child's care team can use that.")
    assert "Anna" not in refusal.text and not refusal.buttons


async def test_guardians_are_told_once_about_an_outsider_with_an_invite_button(
    world: World,
) -> None:
    mum, sam = await world.user("Anna"), await world.user("Sam")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [sam])

    await say(world, sam, group, "/team")
    await say(world, sam, group, "/notify")

    notices = [m for m in await mum.private_chat.messages() if "Sam used" in (m.text or "")]
    assert [m.text for m in notices] == [
        "Sam used a team command in Lily's group but isn't on the care team. "
        "If they should be, invite them."
    ]
    assert notices[0].labels == ["✉️ Invite someone"]


async def test_the_outsider_notice_button_leads_to_an_invitation(world: World) -> None:
    mum, sam = await world.user("Anna"), await world.user("Sam")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [sam])
    await say(world, sam, group, "/team")
    notice = await mum.private_chat.last_bot_message()

    roles = await tap(world, mum, mum.private_chat, notice, "✉️ Invite someone")

    assert roles.text == "Who are you inviting to Lily's team?"


async def test_a_renamed_group_keeps_its_link(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [])
    await group.set_title("Lily ❤️", by=mum)

    roster = await say(world, mum, group, "/team")

    assert roster.text.startswith("Lily's care team")
    assert "Team group: Lily ❤️" in roster.text


async def test_a_group_that_becomes_a_supergroup_keeps_its_link(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [])
    supergroup = await group.migrate()
    await world.settle()

    roster = await say(world, mum, supergroup, "/team")

    assert roster.text.startswith("Lily's care team")
    assert await _links(world) == [(supergroup.id, "Family")]


async def test_a_guardian_unlinks_the_group(world: World) -> None:
    mum = await world.user("Anna")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [])

    unlinked = await say(world, mum, group, "/unlink")

    assert unlinked.text == "This group is no longer linked to Lily's care team."
    assert await _links(world) == []


async def test_a_teacher_on_two_teams_is_asked_which_child_in_private(world: World) -> None:
    mum, dad, teacher = (
        await world.user("Anna"),
        await world.user("Ben"),
        await world.user("Ms Park"),
    )
    await create_team(world, mum, "Lily")
    await create_team(world, dad, "Tom")
    await join(world, teacher, await invitation(world, mum, EDUCATOR))
    await join(world, teacher, await invitation(world, dad, EDUCATOR))
    choice = await say(world, teacher, teacher.private_chat, "/team")
    roster = await tap(world, teacher, teacher.private_chat, choice, "Tom")

    assert choice.text == "Which child?"
    assert choice.labels == ["Lily", "Tom"]
    assert roster.text.startswith("Tom's care team")


async def test_in_each_teams_group_the_child_is_the_groups(world: World) -> None:
    mum, dad, teacher = (
        await world.user("Anna"),
        await world.user("Ben"),
        await world.user("Ms Park"),
    )
    await create_team(world, mum, "Lily")
    await create_team(world, dad, "Tom")
    await join(world, teacher, await invitation(world, mum, EDUCATOR))
    await join(world, teacher, await invitation(world, dad, EDUCATOR))
    toms_group = await linked_group(world, dad, "Tom's family", [teacher])

    roster = await say(world, teacher, toms_group, "/team")

    assert roster.text.startswith("Tom's care team")


async def test_the_default_child_answers_which_child_in_private(world: World) -> None:
    mum, dad, teacher = (
        await world.user("Anna"),
        await world.user("Ben"),
        await world.user("Ms Park"),
    )
    await create_team(world, mum, "Lily")
    await create_team(world, dad, "Tom")
    await join(world, teacher, await invitation(world, mum, EDUCATOR))
    await join(world, teacher, await invitation(world, dad, EDUCATOR))
    choice = await say(world, teacher, teacher.private_chat, "/child")
    await tap(world, teacher, teacher.private_chat, choice, "Tom")

    roster = await say(world, teacher, teacher.private_chat, "/team")

    assert roster.text.startswith("Tom's care team")
