"""The guided episode report: one question per screen, big buttons, the answers so far on top."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.episodes.timer import clock_face
from bot.services.episodes.wizard import (
    BODY_PARTS,
    DURATIONS,
    FIELDS,
    KINDS,
    MANY,
    OPTIONAL,
    RESCUES,
    SETTINGS,
    TRIGGERS,
    WHEN_AGO,
    ReportStep,
)
from bot.services.wizards import answers, ticket
from bot.texts import t
from bot.views.common import escape, local_time
from models import Intensity, WizardState

# step → (button action, text group of its labels, values, buttons per row)
OPTIONS: dict[ReportStep, tuple[str, str, tuple[str, ...], int]] = {
    ReportStep.WHEN: ("when", "when", tuple(WHEN_AGO), 2),
    ReportStep.DURATION: ("dur", "duration", tuple(DURATIONS), 2),
    ReportStep.KIND: ("kind", "kind", KINDS, 2),
    ReportStep.BODY: ("body", "body", BODY_PARTS, 2),
    ReportStep.INTENSITY: ("int", "intensity", tuple(i.value for i in Intensity), 3),
    ReportStep.SETTING: ("set", "setting", SETTINGS, 2),
    ReportStep.TRIGGERS: ("trig", "trigger", TRIGGERS, 2),
    ReportStep.RESCUE: ("resc", "rescue", tuple(RESCUES), 2),
}
PICKED = {step: FIELDS[step] for step in MANY}  # where the ticked answers are kept


def question(state: WizardState, in_private: bool, language: str | None = None) -> Reply:
    """The screen for the flow's current step: the answers so far, the question, its buttons."""
    step = ReportStep(state.step)
    data = answers(state)
    ask = _ask(step, data, in_private, language)
    lines = [
        t("episode_wizard.title", language, child=escape(data.get("child"))),
        so_far(data, language),
        ask,
    ]
    return Reply("\n\n".join(line for line in lines if line), _buttons(state, step, language))


def so_far(data: dict[str, Any], language: str | None = None) -> str:
    """One line of what has been answered: 🕒 Wed 14:30 · ⏳ 10–30 s · Cluster · Arms."""
    facts = []
    if data.get("occurred_at"):
        at = datetime.fromisoformat(data["occurred_at"])
        facts.append("🕒 " + local_time(at, data["timezone"], "weekday_time", language))
    if data.get("origin") == "timer" and data.get("duration_seconds") is not None:
        facts.append("⏳ " + clock_face(data["duration_seconds"]))
    elif "duration_seconds" in data:
        facts.append("⏳ " + _duration_label(data["duration_seconds"], language))
    for field, group in (("kind", "kind"), ("intensity", "intensity"), ("setting", "setting")):
        if data.get(field):
            facts.append(t(f"episode_wizard.{group}.{data[field]}", language))
    for field, group in (("body_parts", "body"), ("triggers", "trigger")):
        facts += [t(f"episode_wizard.{group}.{value}", language) for value in data.get(field) or ()]
    if data.get("rescue") and data["rescue"] != "none":
        medicine = t(f"episode_wizard.rescue.{data['rescue']}", language)
        facts.append(t("episode_wizard.rescue_given", language, medicine=medicine))
    return " · ".join(facts)


def cancelled(language: str | None = None) -> Reply:
    return Reply(t("episode_wizard.cancelled", language))


def keyboard_offer(language: str | None = None) -> Reply:
    """The persistent buttons that start a report or a timer from the private chat."""
    return Reply(t("episode_wizard.keyboard_offer", language), keyboard=[keyboard_labels(language)])


def keyboard_labels(language: str | None = None) -> list[str]:
    return [t("episode_wizard.keyboard_report", language), t("timer.keyboard_timer", language)]


def _ask(step: ReportStep, data: dict[str, Any], in_private: bool, language: str | None) -> str:
    if step == ReportStep.STOPPED:
        duration = clock_face(data.get("duration_seconds") or 0)
        return t("episode_wizard.ask.stopped", language, duration=duration)
    where = "" if in_private or step not in (ReportStep.TYPED_TIME, ReportStep.NOTES) else "_group"
    return t(f"episode_wizard.ask.{step}{where}", language, child=escape(data.get("child")))


def _duration_label(seconds: int | None, language: str | None) -> str:
    """The button the person chose for a duration (each range is saved as one value)."""
    keys = [key for key, value in DURATIONS.items() if value == seconds]
    return t(f"episode_wizard.duration.{keys[0]}", language) if keys else clock_face(seconds or 0)


def _buttons(state: WizardState, step: ReportStep, language: str | None) -> list[list[Button]]:
    def button(key: str, action: str, arg: str | None = None) -> Button:
        return Button(
            t(f"episode_wizard.{key}", language), Callback("wiz", ticket(state), action, arg)
        )

    rows: list[list[Button]] = []
    if step in OPTIONS:
        rows += _options(state, step, language)
    if step == ReportStep.WHEN:
        rows += [[button("button_typed", "typed", step)], [button("button_timer", "timer", step)]]
    if step == ReportStep.STOPPED:
        rows.append([button("button_save_now", "save", step), button("button_more", "more", step)])
    if step == ReportStep.NOTES:
        rows.append([button("button_save", "save", step)])
    elif step in PICKED:
        picked = bool(state.data.get(PICKED[step]))
        rows.append(
            [button("button_done", "done", step) if picked else button("button_skip", "skip", step)]
        )
    elif step in OPTIONAL:
        rows.append([button("button_skip", "skip", step)])
    last = [button("button_cancel", "cancel")]
    if step not in (ReportStep.WHEN, ReportStep.STOPPED):
        last.insert(0, button("button_back", "back", step))
    return [*rows, last]


def _options(state: WizardState, step: ReportStep, language: str | None) -> list[list[Button]]:
    action, group, values, per_row = OPTIONS[step]
    picked = set(state.data.get(PICKED.get(step, "")) or ())
    buttons = [
        Button(
            ("✅ " if value in picked else "") + t(f"episode_wizard.{group}.{value}", language),
            Callback("wiz", ticket(state), action, value),
        )
        for value in values
    ]
    return [buttons[i : i + per_row] for i in range(0, len(buttons), per_row)]
