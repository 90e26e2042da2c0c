"""The "create a care team" questions, one screen per step, and how the flow ends."""

from __future__ import annotations

from bot.views.teams import newchild as views
from models import Child, WizardState
from tests.views.screens import data, label_rows, url

TICKET = 424242


def _state(step: str, **data: object) -> WizardState:
    return WizardState(
        person_id=1, chat_id=1, flow="newchild", step=step, data={"_ticket": TICKET, **data}
    )


def test_the_first_question_asks_for_the_name_with_a_way_out() -> None:
    reply = views.question(_state("name"), None)

    assert reply.text == (
        "Let's set up a care team. What's the child's first name? A nickname is enough."
    )
    assert label_rows(reply) == [["Cancel"]]
    assert data(reply, "Cancel") == f"newchild:{TICKET}:cancel"


def test_the_zone_question_offers_each_zone_by_its_city_two_to_a_row() -> None:
    zones = ["Europe/London", "America/New_York", "Asia/Kolkata"]

    reply = views.question(_state("zone", name="Lily", zones=zones), None)

    assert reply.text.startswith("Which time zone does <b>Lily</b> live in?")
    assert label_rows(reply) == [["London", "New York"], ["Kolkata"], ["Cancel"]]
    assert data(reply, "New York") == f"newchild:{TICKET}:zone:1"


def test_the_year_question_can_be_skipped() -> None:
    reply = views.question(_state("year", name="Lily"), None)

    assert reply.text.startswith("Last question, optional: what year was <b>Lily</b> born?")
    assert label_rows(reply) == [["Skip"], ["Cancel"]]
    assert data(reply, "Skip") == f"newchild:{TICKET}:skip"


def test_the_name_typed_is_escaped_in_the_questions() -> None:
    reply = views.question(_state("year", name="<b>Lily</b>"), None)

    assert "<b>&lt;b&gt;Lily&lt;/b&gt;</b>" in reply.text


def test_a_zone_is_shown_as_its_city() -> None:
    assert views.zone_label("America/Argentina/Buenos_Aires") == "Buenos Aires"
    assert views.zone_label("UTC") == "UTC"


def test_the_finished_team_offers_to_invite_someone() -> None:
    reply = views.done(Child(id=7, name="Lily", timezone="Europe/London"), None)

    assert reply.text.startswith("<b>Lily</b>'s care team is ready, and you're its guardian.")
    assert label_rows(reply) == [["✉️ Invite someone"]]
    assert data(reply, "✉️ Invite someone") == "inv:7:new"


def test_cancelling_says_nothing_was_created() -> None:
    assert views.cancelled(None).text == "OK, I didn't create anything."


def test_asked_in_a_group_the_flow_moves_to_a_private_chat_that_opens_on_it() -> None:
    reply = views.in_private("CareCircleBot", None)

    assert reply.text.startswith("Let's do that in a private chat")
    assert url(reply, "Open a private chat") == "https://t.me/CareCircleBot?start=newchild"
