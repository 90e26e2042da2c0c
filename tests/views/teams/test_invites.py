"""Invitation screens: the role, the one-time link, joining, and the list of open ones."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.views.teams import invites as views
from models import Child, Invite, Role
from tests.views.screens import all_data, data, label_rows, url

LILY = Child(id=7, name="Lily", timezone="Europe/London")


def _invite(invite_id: int, role: Role, expires_at: datetime) -> Invite:
    return Invite(id=invite_id, child_id=7, role=role, token_hash="0" * 64, expires_at=expires_at)


def test_choosing_a_role_offers_one_big_button_per_role() -> None:
    reply = views.choose_role(LILY, None)

    assert reply.text == "Who are you inviting to <b>Lily</b>'s team?"
    assert label_rows(reply) == [
        ["👪 Parent or guardian"],
        ["🧡 Other caregiver (family, nanny)"],
        ["🏫 Teacher or educator"],
        ["🩺 Doctor, nurse or therapist"],
    ]
    assert data(reply, "🏫 Teacher or educator") == "inv:7:role:educator"


def test_the_link_names_the_child_the_role_and_that_it_works_once() -> None:
    link = views.invite_url("CareCircleBot", "tok_EN-1")

    reply = views.link(LILY, Role.CLINICIAN, link, None)

    assert link == "https://t.me/CareCircleBot?start=tok_EN-1"
    assert reply.text == (
        "Here is a one-time invitation to <b>Lily</b>'s care team, as <b>a clinician</b>:\n\n"
        "https://t.me/CareCircleBot?start=tok_EN-1\n\n"
        "Send it to one person. It works once, within 7 days."
    )


def test_sent_privately_names_who_got_the_link() -> None:
    assert views.sent_privately("<Anna>", None).text == (
        "I've sent the invitation link to &lt;Anna&gt; in a private chat."
    )


def test_the_new_member_is_welcomed_and_the_team_is_told() -> None:
    welcome = views.joined(LILY, Role.EDUCATOR, None)
    notice = views.joined_notice("Ms Park", LILY, Role.EDUCATOR)

    assert welcome.text.startswith(
        "Welcome to <b>Lily</b>'s care team! You joined as <b>an educator</b>."
    )
    assert notice.text == "👋 Ms Park joined Lily's care team as an educator."


def test_names_in_the_join_notice_are_escaped() -> None:
    child = Child(id=7, name="Lily <3", timezone="UTC")

    text = views.joined_notice("<b>Sam</b>", child, Role.CAREGIVER).text

    assert text == "👋 &lt;b&gt;Sam&lt;/b&gt; joined Lily &lt;3's care team as a caregiver."


def test_the_open_list_numbers_each_invitation_with_its_end_in_the_childs_time() -> None:
    invites = [
        _invite(31, Role.EDUCATOR, datetime(2026, 12, 2, 9, 0, tzinfo=UTC)),
        _invite(32, Role.GUARDIAN, datetime(2026, 7, 2, 9, 0, tzinfo=UTC)),  # summer time
    ]

    reply = views.open_list(LILY, invites, None)

    assert reply.text.splitlines() == [
        "<b>Open invitations for Lily</b>",
        "1. educator — valid until Wed 02 Dec, 09:00",
        "2. guardian — valid until Thu 02 Jul, 10:00",
    ]
    assert label_rows(reply) == [["✖️ Cancel invitation 1"], ["✖️ Cancel invitation 2"]]
    assert all_data(reply) == ["inv:31:revoke", "inv:32:revoke"]


def test_with_nothing_open_the_list_says_how_to_make_one() -> None:
    reply = views.open_list(LILY, [], None)

    assert reply.text == "There are no open invitations for <b>Lily</b>. Make one with /invite."
    assert reply.buttons == []


def test_a_cancelled_invitation_is_confirmed() -> None:
    assert views.revoked(None).text == "Invitation cancelled."


def test_asked_in_a_group_the_link_is_only_made_in_private() -> None:
    reply = views.only_in_private("CareCircleBot", None)

    assert reply.text.startswith("Invitation links work like keys")
    assert url(reply, "Open a private chat") == "https://t.me/CareCircleBot"
