"""Linking a group to a child's team: which child, linked, unlinked, and where to send /link."""

from __future__ import annotations

from bot.views.teams import links as views
from models import Child
from tests.views.screens import all_data, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
TOM = Child(id=8, name="Tom", timezone="Europe/London")


def test_the_choice_has_one_button_per_child_that_links_it() -> None:
    reply = views.choose([LILY, TOM], None)

    assert reply.text == "Which child's team should this group belong to?"
    assert labels(reply) == ["Lily", "Tom"]
    assert all_data(reply) == ["child:7:link", "child:8:link"]


def test_linked_names_the_child_and_says_news_will_appear_here() -> None:
    reply = views.linked(LILY, None)

    assert reply.text == (
        "This group is now <b>Lily</b>'s care team group. Team news will appear here."
    )


def test_unlinked_names_the_child() -> None:
    assert views.unlinked(LILY, None).text == (
        "This group is no longer linked to <b>Lily</b>'s care team."
    )


def test_the_childs_name_is_escaped() -> None:
    child = Child(id=9, name="<Lil> & co", timezone="UTC")

    assert "<b>&lt;Lil&gt; &amp; co</b>" in views.linked(child, None).text
    assert "<b>&lt;Lil&gt; &amp; co</b>" in views.unlinked(child, None).text


def test_link_and_unlink_sent_in_private_say_where_to_send_them() -> None:
    assert views.only_in_groups(None, "link").text == (
        "Send /link inside the group you want to link (add me to it first)."
    )
    assert views.only_in_groups(None, "unlink").text == (
        "Send /unlink inside the team group you want to unlink."
    )
