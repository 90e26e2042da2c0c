"""/timezone: the zone in force (the child's until one is chosen) and the zones offered."""

from __future__ import annotations

from bot.views.teams.zones import menu, saved
from models import Child, Person
from tests.views.screens import all_data, label_rows

LILY = Child(id=7, name="Lily", timezone="Europe/London")
ZONES = ["Europe/London", "Europe/Paris", "America/New_York"]


def test_until_chosen_the_zone_is_the_childs() -> None:
    reply = menu(Person(id=3, first_name="Dr Lee"), LILY, ZONES)

    assert reply.text.splitlines()[0] == (
        "🕰 Your time zone: <b>Europe/London</b> (Lily's). Digests on your schedule come on this"
        " clock."
    )
    assert label_rows(reply) == [["London", "Paris"], ["New York"]]
    assert all_data(reply) == ["tz:3:set:0", "tz:3:set:1", "tz:3:set:2"]


def test_a_chosen_zone_can_go_back_to_the_childs() -> None:
    lee = Person(id=3, first_name="Dr Lee", timezone="America/New_York")

    assert all_data(menu(lee, LILY, ZONES))[-1] == "tz:3:reset"
    assert saved(lee, LILY).text == "✅ Saved: your time zone is <b>America/New_York</b>."
