"""Every view, whatever people typed, is HTML that Telegram accepts.

The check is the emulator's own parser of Telegram's HTML (bot/sandbox/markup_html.py). Every
public view returning a ``Reply`` is found by itself, so a new view is checked from day one.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bot.views
from bot.replies import Reply
from bot.sandbox.markup_html import parse_html
from bot.services.digests.subscriptions import Schedule
from bot.services.episodes import wizard as episode_wizard
from bot.services.followups.agenda import Upcoming
from bot.services.medications import guide as medication_guide
from bot.services.medications.settings import Setting
from models import Child, DigestCadence, DigestSubscription, Followup, Membership, Role
from tests.views.arbitrary import FIELDS, NOW, USER_TEXT, Maker, vocabulary, wizard
from tests.views.digests.sample import CHANGE, FIGURES, child


def _views() -> dict[str, Callable[..., Reply]]:
    """Every public view returning a ``Reply``, named by its path under bot.views."""
    found = {}
    for module_info in pkgutil.walk_packages(bot.views.__path__, "bot.views."):
        module = importlib.import_module(module_info.name)
        for name, view in vars(module).items():
            public = inspect.isfunction(view) and not name.startswith("_")
            ours = public and view.__module__ == module.__name__
            if ours and typing.get_type_hints(view).get("return") is Reply:
                found[f"{module_info.name.removeprefix('bot.views.')}.{name}"] = view
    return found


# Views merged last this session whose arguments the generic builder below cannot yet make
# well (it fails building them, not rendering them); each has escaping tests of its own in
# tests/views/<feature>/. Teaching the builder their types is the follow-up.
NOT_YET_BUILT = {
    "exports.menu.preparing",  # an Export's records: too big a structure to draw yet
    "digests.messages.photo",  # draws the chart: the caption is checked by figures_message
    "medications.changes.confirm",  # a Proposal whose parts agree (a weight basis when per kg)
}
VIEWS = {name: view for name, view in _views().items() if name not in NOT_YET_BUILT}


def _episode_wizard_state() -> st.SearchStrategy[Any]:
    """The guided report at any step, with some answers (and the child's name) so far."""
    return st.builds(
        lambda step, child, kind, body, minutes: wizard(
            "episode", step, child=child, timezone="Europe/London",
            occurred_at=(NOW - minutes).isoformat(), duration_seconds=30, kind=kind,
            body_parts=body,
        ),
        st.sampled_from(list(episode_wizard.ReportStep)),
        USER_TEXT,
        st.sampled_from(episode_wizard.KINDS),
        st.lists(st.sampled_from(episode_wizard.BODY_PARTS), max_size=2, unique=True),
        st.integers(0, 600).map(lambda minutes: timedelta(minutes=minutes)),
    )  # fmt: skip


def _medication_guide_state() -> st.SearchStrategy[Any]:
    return st.builds(
        lambda step, verb: wizard("medication", step, verb=verb),
        st.sampled_from(list(medication_guide.GuideStep)),
        st.sampled_from(["change", "stop"]),  # the verbs that pick a medicine
    )


def _titled(upcoming: Upcoming, title: str) -> Upcoming:
    """``upcoming``, its follow-up titled as someone typed it."""
    was = upcoming.followup
    followup = Followup(
        id=was.id, kind=was.kind, title=title, due_at=was.due_at, timezone=was.timezone
    )
    return replace(upcoming, followup=followup)


def _digest() -> st.SearchStrategy[Any]:
    """The made-up month (tests/views/digests/sample.py) with people's words where they type."""
    return st.builds(
        lambda name, medicine, title: replace(
            FIGURES,
            child=child(name),
            changes=[replace(CHANGE, medication=medicine)],
            adherence=[replace(FIGURES.adherence[0], name=medicine)],
            followups=[_titled(upcoming, title) for upcoming in FIGURES.followups],
        ),
        USER_TEXT,
        USER_TEXT,
        USER_TEXT,
    )


def _setting() -> st.SearchStrategy[Any]:
    """A child's bedtime or weight (recorded or not) under a name someone typed."""
    return st.builds(
        lambda name, kg, changed: Setting(
            Child(name=name, timezone="Europe/London", bedtime="19:30", weight_kg=kg,
                  weight_recorded_at=NOW if kg is not None else None),
            changed,
        ),
        USER_TEXT,
        st.none() | st.sampled_from([Decimal("22.5"), Decimal("9")]),
        st.booleans(),
    )  # fmt: skip


def _schedule() -> st.SearchStrategy[Any]:
    """A reader's digest schedule (off, weekly or every 4 weeks) for a child someone named."""
    return st.builds(
        lambda name, cadence, weekday, hour: Schedule(
            Membership(id=1, child_id=1, person_id=1, role=Role.GUARDIAN),
            Child(id=1, name=name, timezone="Europe/London", group_digests=False),
            "Europe/London",
            None if cadence is None else DigestSubscription(
                id=1, person_id=1, child_id=1, cadence=cadence, weekday=weekday, hour=hour,
                next_due_at=NOW,
            ),
        ),
        USER_TEXT,
        st.none() | st.sampled_from(list(DigestCadence)),
        st.integers(0, 6),
        st.integers(6, 21),
    )  # fmt: skip


# Arguments (or, under "fields", model and dataclass fields) that only some views constrain.
SPECIAL: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "episodes.wizard.question": {"state": _episode_wizard_state()},
    "teams.newchild.question": {
        "state": st.builds(
            lambda step, name: wizard("newchild", step, name=name, zones=["Europe/London"]),
            st.sampled_from(["name", "zone", "year"]),
            USER_TEXT,
        )
    },
    "followups.ask_kind": {"state": st.just(wizard("followup", "kind"))},
    "followups.ask_when": {
        "state": st.builds(
            lambda title: wizard("followup", "when", **({} if title is None else {"title": title})),
            st.none() | USER_TEXT,
        )
    },
    "teams.links.only_in_groups": {"command": st.sampled_from(["link", "unlink"])},
    "teams.members.choose_child": {"command": st.sampled_from(["meds", "episode"])},
    "episodes.report.removed_notice": {"key": st.sampled_from(["undone", "deleted"])},
    "digests.text.message": {"figures": _digest()},
    "digests.messages.figures_message": {"figures": _digest()},
    "commands.unknown": {"suggestion": st.none() | st.sampled_from(["digest", "history"])},
    "medications.weight.bedtime": {"setting": _setting()},
    "medications.weight.weight": {"setting": _setting()},
    "digests.schedule.menu": {"schedule": _schedule()},
    "digests.schedule.ask_hour": {"schedule": _schedule(), "weekday": st.integers(0, 6)},
}
FIELD_SPECIAL: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "medications.guide.question": {"state": _medication_guide_state()},
}


def test_every_view_is_checked() -> None:
    """The discovery finds the views (a renamed module would otherwise pass silently)."""
    assert {
        "teams.members.roster",
        "doses.reminder",
        "medications.changes.relay",
        "episodes.history.today",
    } <= set(VIEWS)
    assert set(SPECIAL) | set(FIELD_SPECIAL) <= set(VIEWS)
    assert {"body_parts", "triggers", "setting"} <= set(FIELDS)
    assert vocabulary("episodes.body")


@pytest.mark.parametrize("name", sorted(VIEWS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_view_fed_anything_people_type_is_valid_telegram_html(name: str, data: Any) -> None:
    view = VIEWS[name]
    maker = Maker(data.draw, FIELD_SPECIAL.get(name, {}))

    reply = view(**maker.arguments(view, **SPECIAL.get(name, {})))

    parse_html(reply.text)  # raises ParseError where Telegram would refuse the message
