"""Care team screens: which child, the roster, one member, notifications, leaving, erasing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot import callbacks
from bot.services.digests.subscriptions import Schedule
from bot.services.teams.members import Member, Roster
from bot.views.teams import members as views
from models import (
    Child,
    DigestCadence,
    DigestSubscription,
    Membership,
    NotifyPreference,
    Person,
    Role,
    TeamChat,
)
from tests.views.screens import all_data, data, label_rows, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")


def _member(
    membership_id: int,
    name: str,
    role: Role,
    notify: NotifyPreference = NotifyPreference.GROUP,
    *,
    started: bool = True,
) -> Member:
    person = Person(
        id=membership_id, telegram_user_id=100 + membership_id, first_name=name, started_bot=started
    )
    membership = Membership(
        id=membership_id,
        child_id=7,
        person_id=person.id,
        role=role,
        notify=notify,
        private_delivery_ok=True,
    )
    return Member(membership, person)


ANNA = _member(1, "Anna", Role.GUARDIAN)
PARK = _member(2, "Ms Park", Role.EDUCATOR, NotifyPreference.PRIVATE)
LEE = _member(3, "Dr Lee", Role.CLINICIAN, NotifyPreference.DIGEST)
GROUP = TeamChat(id=1, child_id=7, chat_id=-100, title="Lily's team")


def _roster(viewer: Member, group: TeamChat | None = GROUP) -> Roster:
    return Roster(LILY, group, [ANNA, PARK, LEE], viewer.membership)


def test_the_choice_of_child_has_one_button_per_child_for_the_command() -> None:
    reply = views.choose_child([LILY, Child(id=8, name="Tom", timezone="UTC")], "team", None)

    assert reply.text == "Which child?"
    assert label_rows(reply) == [["Lily"], ["Tom"]]
    assert all_data(reply) == ["child:7:team", "child:8:team"]


def test_the_roster_lists_each_member_with_role_and_how_they_hear_the_news() -> None:
    reply = views.roster(_roster(PARK), None)

    assert reply.text.splitlines() == [
        "<b>Lily's care team</b>",
        "👪 Anna — guardian, in the group only",
        "🏫 Ms Park — educator, in the group and by private message",
        "🩺 Dr Lee — clinician, in digests only",
        "",
        "Team group: Lily's team",
    ]


def test_a_guardian_sees_a_button_for_each_other_member_then_notifications_and_invite() -> None:
    reply = views.roster(_roster(ANNA), None)

    assert label_rows(reply) == [
        ["Ms Park ›", "Dr Lee ›"],
        ["🔔 My notifications"],
        ["✉️ Invite someone"],
    ]
    assert all_data(reply) == ["mem:2:open", "mem:3:open", "notify:1:show", "inv:7:new"]


def test_someone_who_may_not_manage_the_team_only_gets_their_notifications() -> None:
    reply = views.roster(_roster(PARK), None)

    assert labels(reply) == ["🔔 My notifications"]
    assert data(reply, "🔔 My notifications") == "notify:2:show"


def test_without_a_group_the_roster_says_how_to_link_one() -> None:
    assert views.roster(_roster(ANNA, group=None), None).text.splitlines()[-1] == (
        "No team group yet: add me to your group and send /link there."
    )


def test_a_member_asking_for_private_messages_who_cannot_get_them_is_flagged() -> None:
    unreachable = _member(2, "Ms Park", Role.EDUCATOR, NotifyPreference.PRIVATE, started=False)
    team = Roster(LILY, GROUP, [ANNA, unreachable], ANNA.membership)

    assert views.roster(team, None).text.splitlines()[2] == (
        "🏫 Ms Park — educator, in the group and by private message"
        " (can't get private messages yet)"
    )


def test_names_in_the_roster_are_escaped() -> None:
    odd = _member(4, "<b>Gran</b>", Role.CAREGIVER)
    team = Roster(
        Child(id=7, name="Lily & Tom", timezone="UTC"),
        TeamChat(id=1, child_id=7, chat_id=-1, title="<i>fam</i>"),
        [odd],
        ANNA.membership,
    )

    text = views.roster(team, None).text

    assert "<b>Lily &amp; Tom's care team</b>" in text
    assert "🧡 &lt;b&gt;Gran&lt;/b&gt; — " in text
    assert "Team group: &lt;i&gt;fam&lt;/i&gt;" in text


def test_a_member_screen_offers_every_other_role_remove_and_back() -> None:
    reply = views.member(PARK, LILY, None)

    assert reply.text == (
        "<b>Ms Park</b> is an educator on Lily's team. Choose a new role, or remove them."
    )
    assert label_rows(reply) == [
        ["Make guardian"],
        ["Make caregiver"],
        ["Make clinician"],
        ["Remove from the team"],
        ["‹ Back"],
    ]
    assert data(reply, "Make caregiver") == "mem:2:role:caregiver"
    assert data(reply, "Remove from the team") == "mem:2:remove"
    assert data(reply, "‹ Back") == "team:7:show"


def test_removing_asks_first_naming_the_person() -> None:
    reply = views.remove_confirm(PARK, LILY, None)

    assert reply.text == (
        "Remove <b>Ms Park</b> from Lily's care team? They'll stop seeing its news."
    )
    assert all_data(reply) == ["mem:2:remove_yes", "team:7:show"]
    assert labels(reply) == ["Yes, remove Ms Park", "Cancel"]


def test_removed_and_role_changed_say_who_and_what() -> None:
    assert views.removed("Ms Park", LILY).text == "Ms Park is no longer on Lily's care team."
    assert views.role_changed(LEE, LILY).text == "Dr Lee is now a clinician on Lily's care team."


def test_the_private_hint_names_everyone_it_is_for() -> None:
    assert views.private_hint(["Anna", "<Ben>"]).text == (
        "Anna, &lt;Ben&gt;: to get these privately too, open a private chat with me"
        " and press <b>Start</b>."
    )


def test_the_notification_menu_ticks_the_current_choice() -> None:
    reply = views.notify_menu(PARK, LILY, None)

    assert reply.text == (
        "How should I tell you Lily's news?\nNow: <b>in the group and by private message</b>."
    )
    assert labels(reply) == ["👥 Group only", "✓ 📩 Group + private message", "🗞 Digests only"]
    assert all_data(reply) == ["notify:2:set:group", "notify:2:set:private", "notify:2:set:digest"]


def test_a_saved_choice_is_confirmed() -> None:
    assert views.notify_saved(ANNA, LILY, "CareCircleBot", None).text == (
        "Saved. Lily's news reaches you in the group only."
    )


def test_a_private_choice_that_cannot_reach_them_yet_says_how_to_start_the_bot() -> None:
    unreachable = _member(2, "Ms Park", Role.EDUCATOR, NotifyPreference.PRIVATE, started=False)

    text = views.notify_saved(unreachable, LILY, "CareCircleBot", None).text

    assert text.endswith(
        "\n\nTo get private messages, open a private chat with me and press <b>Start</b>: "
        "https://t.me/CareCircleBot"
    )


def test_leaving_asks_first_and_can_be_cancelled() -> None:
    reply = views.leave_confirm(LILY, None)

    assert reply.text == "Leave <b>Lily</b>'s care team? You'll stop getting its news."
    assert label_rows(reply) == [["Yes, leave"], ["Cancel"]]
    assert all_data(reply) == ["team:7:leave", "team:7:cancel"]


def test_after_leaving_the_person_and_the_team_are_told() -> None:
    assert views.left(LILY, None).text == "You've left Lily's care team."
    assert views.left_notice("<Ben>", LILY).text == "&lt;Ben&gt; left Lily's care team."


def test_an_outsider_is_refused_and_the_guardians_can_invite_them() -> None:
    notice = views.outsider_notice("Sam", LILY)

    assert views.outsider_refusal(None).text.startswith("Sorry, only members of this child's")
    assert notice.text == (
        "Sam used a team command in Lily's group but isn't on the care team. "
        "If they should be, invite them."
    )
    assert data(notice, "✉️ Invite someone") == "inv:7:new"


def test_cancelled_and_default_set_say_what_happened() -> None:
    assert views.cancelled(None).text == "OK, nothing changed."
    assert views.default_set(LILY, None).text == (
        "Got it: in our private chat, your commands are about <b>Lily</b> now."
    )


def test_erasing_asks_twice_naming_the_child_each_time() -> None:
    first, again = views.delete_confirm(LILY, None), views.delete_confirm(LILY, None, again=True)

    assert first.text.startswith("Erase everything about <b>Lily</b>?")
    assert labels(first) == ["Erase Lily's records", "Cancel"]
    assert all_data(first) == ["del:7:ask", "del:7:cancel"]
    assert again.text == "Last check: erase all of <b>Lily</b>'s records for good?"
    assert labels(again) == ["Yes, erase Lily's records forever", "Cancel"]
    assert all_data(again) == ["del:7:confirm", "del:7:cancel"]


def test_after_erasing_the_guardian_and_the_group_are_told() -> None:
    assert views.deleted("Lily", None).text.startswith("All of Lily's records are erased.")
    assert views.deleted_group().text == (
        "A guardian erased this care team's records. This group is no longer linked."
    )


def test_role_names_read_as_people_say_them() -> None:
    assert views.role_name(Role.CAREGIVER) == "caregiver"
    assert views.a_role(Role.EDUCATOR) == "an educator"
    assert views.chat_url("CareCircleBot") == "https://t.me/CareCircleBot"


@given(
    st.lists(
        st.tuples(st.integers(1, 10**18 - 1), st.text(min_size=1, max_size=64)),
        max_size=8,
    )
)
def test_every_child_button_names_the_child_and_carries_its_id(
    pairs: list[tuple[int, str]],
) -> None:
    children = [Child(id=child_id, name=name, timezone="UTC") for child_id, name in pairs]

    reply = views.choose_child(children, "history", None)

    assert labels(reply) == [name for _, name in pairs]
    assert [callbacks.parse(d) for d in all_data(reply)] == [
        callbacks.Callback("child", child_id, "history") for child_id, _ in pairs
    ]


def test_digests_only_says_when_the_digest_comes() -> None:
    schedule = Schedule(
        LEE.membership,
        LILY,
        "Europe/London",
        DigestSubscription(cadence=DigestCadence.WEEKLY, weekday=0, hour=8),
    )

    text = views.notify_saved(LEE, LILY, "CareCircleBot", None, digest=schedule).text

    assert text == (
        "Saved. Lily's news reaches you in digests only.\n"
        "🗞 Your digest of Lily comes every Monday at 08:00 (your time, Europe/London):"
        " change it with /digest schedule."
    )


def test_digests_only_for_someone_the_table_refuses_digests_says_so() -> None:
    teacher = _member(2, "Ms Park", Role.EDUCATOR, NotifyPreference.DIGEST)

    text = views.notify_saved(teacher, LILY, "CareCircleBot", None).text

    assert text.endswith(
        "\nDigests are for guardians, caregivers and clinicians, so you'll hear only urgent alerts."
    )
