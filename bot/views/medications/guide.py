"""The guided /med screens: what to record, which medicine, and what to type."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.medications import dose_ranges
from bot.services.medications.guide import VERBS, GuideQuestion, GuideStep
from bot.services.wizards import ticket
from bot.texts import t
from bot.views.common import escape
from bot.views.medications.changes import dosing_text


def _cancel(number: int, language: str | None) -> list[Button]:
    return [
        Button(t("medications.guide.button_cancel", language), Callback("med", number, "cancel"))
    ]


def question(asked: GuideQuestion, language: str | None = None) -> Reply:
    """The screen for the flow's current step."""
    number, step = ticket(asked.state), asked.state.step
    if step == GuideStep.MENU:
        rows = [
            [Button(t(f"medications.guide.button_{verb}", language), Callback("med", number, verb))]
            for verb in VERBS
        ]
        text = t("medications.guide.menu", language, child=escape(asked.child.name))
        return Reply(text, [*rows, _cancel(number, language)])
    if step == GuideStep.PICK:
        verb = asked.state.data["verb"]
        rows = [
            [Button(e.medication.name, Callback("med", number, verb, str(e.medication.id)))]
            for e in asked.choices
        ]
        return Reply(
            t(f"medications.guide.pick_{verb}", language), [*rows, _cancel(number, language)]
        )
    if step == GuideStep.START:
        return Reply(t("medications.guide.ask_start", language), [_cancel(number, language)])
    assert asked.entry is not None
    name = escape(asked.entry.medication.name)
    if step == GuideStep.CHANGE:
        dosing = dosing_text(asked.entry.dosing, language)
        example = dose_ranges.example(asked.entry.medication.name)
        key = "medications.guide.ask_change" + ("" if example else "_unknown")
        found = {"example": example[0]} if example else {}
        text = t(key, language, name=name, dosing=dosing, **found)
        return Reply(text, [_cancel(number, language)])
    skip = Button(t("medications.guide.button_skip", language), Callback("med", number, "skip"))
    return Reply(
        t("medications.guide.ask_stop", language, name=name), [[skip], _cancel(number, language)]
    )


def in_private(bot_username: str, language: str | None = None) -> Reply:
    """In a group: the one-line forms, and a way to be guided privately."""
    url = f"https://t.me/{bot_username}"
    button = Button(t("medications.guide.button_open_private", language), url=url)
    return Reply(t("medications.guide.in_private", language), [[button]])
