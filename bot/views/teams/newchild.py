"""The "create a care team" questions, one screen per step."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.wizards import ticket
from bot.texts import t
from bot.views.common import escape
from models import Child, WizardState


def _cancel(state: WizardState, language: str | None) -> list[Button]:
    return [
        Button(t("newchild.button_cancel", language), Callback("newchild", ticket(state), "cancel"))
    ]


def zone_label(zone: str) -> str:
    """A zone as people say it: its city."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def question(state: WizardState, language: str | None) -> Reply:
    """The question for ``state``'s current step."""
    child = escape(state.data.get("name"))
    if state.step == "zone":
        zones = state.data.get("zones", [])
        buttons = [
            Button(zone_label(zone), Callback("newchild", ticket(state), "zone", str(i)))
            for i, zone in enumerate(zones)
        ]
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        return Reply(
            t("newchild.ask_zone", language, child=child), [*rows, _cancel(state, language)]
        )
    if state.step == "year":
        skip = Button(
            t("newchild.button_skip", language), Callback("newchild", ticket(state), "skip")
        )
        return Reply(
            t("newchild.ask_year", language, child=child), [[skip], _cancel(state, language)]
        )
    return Reply(t("newchild.ask_name", language), [_cancel(state, language)])


def done(child: Child, language: str | None) -> Reply:
    return Reply(
        t("newchild.done", language, child=escape(child.name)),
        [[Button(t("newchild.button_invite", language), Callback("inv", child.id, "new"))]],
    )


def cancelled(language: str | None) -> Reply:
    return Reply(t("newchild.cancelled", language))


def in_private(bot_username: str, language: str | None) -> Reply:
    """Send the group's asker to a private chat, which opens straight on the first question."""
    url = f"https://t.me/{bot_username}?start=newchild"
    return Reply(
        t("newchild.in_private", language),
        [[Button(t("newchild.button_open_private", language), url=url)]],
    )
