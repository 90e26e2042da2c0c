"""The welcome, help and the bot's hello in a new group, as people read them."""

from __future__ import annotations

from bot.services.teams.permissions import Command
from bot.views.teams import start as views
from tests.views.screens import all_data, labels


def test_the_welcome_greets_by_name_and_offers_three_ways_in() -> None:
    reply = views.welcome("Anna", None)

    assert reply.text.startswith("Hello Anna! I'm <b>CareCircle</b>.")
    assert reply.text.endswith("What would you like to do?")
    assert labels(reply) == ["➕ Create a care team", "✉️ I have an invitation", "❓ Help"]
    assert all_data(reply) == ["menu:0:newchild", "menu:0:invitation", "menu:0:help"]


def test_the_welcome_escapes_the_name() -> None:
    text = views.welcome("<i>Anna</i> & co", None).text

    assert text.startswith("Hello &lt;i&gt;Anna&lt;/i&gt; &amp; co! I'm")


def test_help_lists_the_common_commands_then_those_given() -> None:
    commands = [Command("team"), Command("invite", feature="invites")]

    assert views.help_text(commands, None).text.splitlines() == [
        "<b>What I can do</b>",
        "/start — welcome and main menu",
        "/help — this list",
        "/team — who's on the team, and how they hear the news",
        "/invite — invite someone to the team",
    ]


def test_help_with_no_team_commands_has_only_the_common_ones() -> None:
    reply = views.help_text([], None)

    assert reply.text.splitlines()[1:] == ["/start — welcome and main menu", "/help — this list"]
    assert reply.buttons == []


def test_the_invitation_hint_sends_people_back_to_their_link() -> None:
    reply = views.invitation_hint(None)

    assert reply.text.startswith("Open the invitation link you were sent")
    assert reply.buttons == []


def test_the_group_hello_says_how_to_link_the_group() -> None:
    text = views.group_hello().text

    assert text.startswith("Hello everyone! I'm <b>CareCircle</b>.")
    assert text.endswith("A guardian can link this group to the child's care team with /link.")
