"""The roster end to end: roles, removal, leaving, the last guardian, notifications, old buttons."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.sandbox.client import Actor, Group
from bot.services.digests.subscriptions import KIND
from models import Child, Membership, NotifyPreference, Person, Reminder, Role
from tests.e2e.conftest import World
from tests.e2e.teams_steps import answer_to, create_team, invitation, join, linked_group, say, tap
from tests.factories import make_member, make_person

# What the group reads once someone off the team is still in it (the bot is not an admin).
HELD = (
    "🔒 Someone here is not on Lily's care team, so news about Lily goes to the team "
    "privately until a guardian decides."
)

pytestmark = pytest.mark.usefixtures("unhurried")


async def _team(world: World) -> tuple[Actor, Actor, Group]:
    """Lily's team: Anna (guardian) and Ms Park (educator), with their linked group."""
    mum, teacher = await world.user("Anna"), await world.user("Ms Park")
    await create_team(world, mum)
    group = await linked_group(world, mum, "Family", [teacher])
    await join(world, teacher, await invitation(world, mum, "🏫 Teacher or educator"))
    return mum, teacher, group


async def _membership(world: World, actor: Actor) -> Membership:
    async with world.db.open_session() as session:
        person = await session.scalar(select(Person).where(Person.telegram_user_id == actor.id))
        assert person is not None
        found = await session.scalar(select(Membership).where(Membership.person_id == person.id))
        assert found is not None
        return found


async def test_the_team_shows_members_roles_and_how_they_hear_news(world: World) -> None:
    mum, _, group = await _team(world)

    roster = await say(world, mum, group, "/team")

    assert roster.text.splitlines()[:3] == [
        "Lily's care team",
        "👪 Anna — guardian, in the group only",
        "🏫 Ms Park — educator, in the group only",
    ]
    assert "Team group: Family" in roster.text


async def test_a_guardian_makes_the_teacher_a_caregiver_and_the_group_is_told(
    world: World,
) -> None:
    mum, teacher, group = await _team(world)
    roster = await say(world, mum, mum.private_chat, "/team")
    member = await tap(world, mum, mum.private_chat, roster, "Ms Park ›")

    await tap(world, mum, mum.private_chat, member, "Make caregiver")

    assert (
        await group.last_bot_message()
    ).text == "Ms Park is now a caregiver on Lily's care team."
    assert (await _membership(world, teacher)).role == Role.CAREGIVER


async def test_giving_a_member_the_role_they_have_says_nothing_changed(world: World) -> None:
    mum, teacher, group = await _team(world)
    roster = await say(world, mum, mum.private_chat, "/team")
    stale = await tap(world, mum, mum.private_chat, roster, "Ms Park ›")
    member = await say(world, mum, mum.private_chat, "/team")
    member = await tap(world, mum, mum.private_chat, member, "Ms Park ›")
    await tap(world, mum, mum.private_chat, member, "Make caregiver")
    told = [m.text for m in await group.messages()]

    alert = await answer_to(
        world, mum, mum.private_chat, stale, stale.button_data("Make caregiver")
    )

    assert alert == "Ms Park is already a caregiver on Lily's care team. Nothing changed."
    assert [m.text for m in await group.messages()] == told
    assert told[-1] == "Ms Park is now a caregiver on Lily's care team."
    assert (await _membership(world, teacher)).role == Role.CAREGIVER


async def test_a_guardian_removes_a_member_after_confirming(world: World) -> None:
    mum, teacher, group = await _team(world)
    roster = await say(world, mum, mum.private_chat, "/team")
    member = await tap(world, mum, mum.private_chat, roster, "Ms Park ›")
    confirm = await tap(world, mum, mum.private_chat, member, "Remove from the team")

    await tap(world, mum, mum.private_chat, confirm, "Yes, remove Ms Park")

    done = await mum.private_chat.current(confirm)
    assert confirm.text.startswith("Remove Ms Park from Lily's care team?")
    assert done.text == "Ms Park is no longer on Lily's care team."
    assert (await group.bot_texts())[-2:] == [done.text, HELD]
    assert (await _membership(world, teacher)).left_at is not None


async def test_a_removed_members_old_buttons_do_nothing(world: World) -> None:
    mum, teacher, _ = await _team(world)
    menu = await say(world, teacher, teacher.private_chat, "/notify")
    roster = await say(world, mum, mum.private_chat, "/team")
    confirm = await tap(world, mum, mum.private_chat, roster, "Ms Park ›")
    confirm = await tap(world, mum, mum.private_chat, confirm, "Remove from the team")
    await tap(world, mum, mum.private_chat, confirm, "Yes, remove Ms Park")

    alert = await answer_to(world, teacher, teacher.private_chat, menu, menu.buttons[1][0][1])

    assert alert == "You're not on this child's care team. Ask a guardian for an invitation."
    assert (await _membership(world, teacher)).notify == NotifyPreference.GROUP


async def test_an_educators_forged_remove_button_changes_nothing(world: World) -> None:
    mum, teacher, group = await _team(world)
    mums = await _membership(world, mum)
    message = await group.last_bot_message()

    alert = await answer_to(world, teacher, group, message, f"mem:{mums.id}:remove_yes")

    assert alert == "Only a guardian can change roles or remove people from the team."
    assert (await _membership(world, mum)).left_at is None


async def test_garbage_button_data_is_an_expired_button(world: World) -> None:
    mum, _, group = await _team(world)
    message = await group.last_bot_message()

    alert = await answer_to(world, mum, group, message, "mem:1:explode")

    assert alert == "This button has expired."


async def test_a_button_from_another_teams_message_changes_nothing(world: World) -> None:
    _, teacher, _ = await _team(world)
    dad = await world.user("Ben")
    await create_team(world, dad, "Tom")
    menu = await say(world, dad, dad.private_chat, "/team")
    teachers = await _membership(world, teacher)

    alert = await answer_to(world, dad, dad.private_chat, menu, f"mem:{teachers.id}:remove_yes")

    assert alert == "You're not on this child's care team. Ask a guardian for an invitation."
    assert (await _membership(world, teacher)).left_at is None


async def test_the_last_guardian_cannot_leave(world: World) -> None:
    mum, _, _ = await _team(world)
    confirm = await say(world, mum, mum.private_chat, "/leave")

    alert = await answer_to(world, mum, mum.private_chat, confirm, confirm.buttons[0][0][1])

    assert alert.startswith("The team needs at least one guardian.")
    assert (await _membership(world, mum)).left_at is None


async def test_the_last_guardian_cannot_demote_themselves(world: World) -> None:
    mum, _, group = await _team(world)
    mums = await _membership(world, mum)
    message = await group.last_bot_message()

    alert = await answer_to(world, mum, group, message, f"mem:{mums.id}:role:caregiver")

    assert alert.startswith("The team needs at least one guardian.")
    assert (await _membership(world, mum)).role == Role.GUARDIAN


async def test_a_teacher_leaves_the_team_and_the_group_is_told(world: World) -> None:
    _, teacher, group = await _team(world)
    confirm = await say(world, teacher, teacher.private_chat, "/leave")

    left = await tap(world, teacher, teacher.private_chat, confirm, "Yes, leave")

    assert confirm.text.startswith("Leave Lily's care team?")
    assert left.text == "You've left Lily's care team."
    assert (await group.bot_texts())[-2:] == ["Ms Park left Lily's care team.", HELD]
    assert (await _membership(world, teacher)).left_at is not None


async def test_a_clinician_chooses_digests_only(world: World) -> None:
    mum, doctor = await world.user("Anna"), await world.user("Dr Lee")
    await create_team(world, mum)
    await join(world, doctor, await invitation(world, mum, "🩺 Doctor, nurse or therapist"))
    menu = await say(world, doctor, doctor.private_chat, "/notify")

    saved = await tap(world, doctor, doctor.private_chat, menu, "🗞 Digests only")

    assert saved.text == (
        "Saved. Lily's news reaches you in digests only.\n"
        "🗞 Your digest of Lily comes every Monday at 08:00 (your time, Europe/London):"
        " change it with /digest schedule."
    )
    assert (await _membership(world, doctor)).notify == NotifyPreference.DIGEST
    async with world.db.open_session() as session:
        [due] = await session.scalars(select(Reminder.due_at).where(Reminder.kind == KIND))
    assert due.astimezone(ZoneInfo("Europe/London")).strftime("%a %H:%M") == "Mon 08:00"


async def _gran_in_the_group(world: World, mum: Actor, group: Group, **notify) -> Actor:
    """Gran, a caregiver in the group who never opened a private chat with the bot."""
    gran = await world.user("Gran", started=False)
    await group.add_member(gran)
    await world.settle()  # the bot has seen her join (and may have met her) before she is added
    async with world.db.transaction() as session:
        lily = await session.get(Child, (await _membership(world, mum)).child_id)
        person = await session.scalar(select(Person).where(Person.telegram_user_id == gran.id))
        person = person or await make_person(session, gran.id, "Gran", started_bot=False)
        await make_member(session, lily, person, Role.CAREGIVER, **notify)
    return gran


async def test_asking_for_private_messages_before_starting_the_bot_says_how(
    world: World,
) -> None:
    mum, _, group = await _team(world)
    gran = await _gran_in_the_group(world, mum, group)
    menu = await say(world, gran, group, "/notify")

    saved = await tap(world, gran, group, menu, "📩 Group + private message")

    assert "open a private chat with me and press Start: https://t.me/CareCircleBot" in saved.text


async def test_the_roster_marks_who_cannot_get_private_messages_yet(world: World) -> None:
    mum, _, group = await _team(world)
    await _gran_in_the_group(world, mum, group, notify=NotifyPreference.PRIVATE)

    roster = await say(world, mum, group, "/team")

    assert (
        "🧡 Gran — caregiver, in the group and by private message (can't get private messages yet)"
        in roster.text
    )
