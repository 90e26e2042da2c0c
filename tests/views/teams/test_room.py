"""The team's group in step with the team: the screens about strangers, departures and topics."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.views.teams import room as views
from models import Child, GroupStranger
from tests.views.screens import all_data, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
RICK = GroupStranger(
    id=3, team_chat_id=1, telegram_user_id=99, first_name="<Rick>", joined_at=datetime.now(UTC)
)


def test_a_stranger_notice_offers_invite_and_remove_and_escapes_the_name() -> None:
    reply = views.stranger(RICK, LILY)

    assert reply.text.startswith("👤 <b>&lt;Rick&gt;</b> joined <b>Lily</b>'s group")
    assert labels(reply) == ["➕ Invite as…", "🚪 Remove from the group"]
    assert all_data(reply) == ["str:3:invite", "str:3:remove"]


def test_someone_off_the_team_still_in_the_group_can_only_be_removed() -> None:
    reply = views.stranger(RICK, LILY, stayed=True)

    assert "is off <b>Lily</b>'s care team but still in its group" in reply.text
    assert all_data(reply) == ["str:3:remove"]


def test_the_invite_roles_carry_the_stranger() -> None:
    reply = views.invite_role(RICK, LILY, None)

    assert all_data(reply) == [
        f"str:3:role:{role}" for role in ("guardian", "caregiver", "educator", "clinician")
    ]


def test_a_bot_that_is_not_an_admin_says_how_to_make_it_one() -> None:
    text = views.not_admin(RICK, LILY, None).text

    assert text.startswith("I can't remove <b>&lt;Rick&gt;</b>: I'm not an admin of Lily's group.")
    assert "Administrators → Add admin" in text


def test_the_welcome_line_has_the_link_or_says_a_guardian_will_add_them() -> None:
    with_link = views.join_link(LILY, "https://t.me/+abc", None).text
    without = views.join_link(LILY, None, None).text

    assert with_link.endswith("(it works once, for you): https://t.me/+abc")
    assert without == "A guardian will add you to Lily's team group."


def test_the_topic_answer_says_where_news_goes() -> None:
    assert views.topic(LILY, True, True, None).text == "News about Lily will go to this topic."
    assert views.topic(LILY, False, True, None).text.startswith(
        "News about Lily will go to the General"
    )
    assert views.topic(LILY, True, False, None).text.startswith("This group has no topics")
