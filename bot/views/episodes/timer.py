"""The seizure timer: its live message, the team's alert with the action plan, and its endings."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.episodes.timer import Live, clock_face
from bot.texts import t
from bot.views.common import escape, local_time
from models import TimerStatus


def live(timer: Live, language: str | None = None) -> Reply:
    """The message that counts up while the timer runs, with Stop and Cancel."""
    if timer.status == TimerStatus.EXPIRED:
        return Reply(t("timer.expired", language))
    threshold = clock_face(timer.threshold_seconds)
    lines = [
        t("timer.live", language, elapsed=clock_face(timer.seconds), child=escape(timer.child)),
        t("timer.started", language, time=_started(timer), name=_starter(timer, language)),
    ]
    if timer.alerted:
        lines += ["", t("timer.alerted", language, threshold=threshold), *plan(timer, language)]
    else:
        lines.append(t("timer.will_alert", language, threshold=threshold))
    buttons = [
        Button(t("timer.button_stop", language), Callback("tmr", timer.id, "stop")),
        Button(t("timer.button_cancel", language), Callback("tmr", timer.id, "cancel")),
    ]
    return Reply("\n".join(lines), [buttons])


def alert(timer: Live, language: str | None = None) -> Reply:
    """What the whole team gets at the emergency threshold: how long so far, and the plan."""
    head = t(
        "timer.alert",
        language,
        child=escape(timer.child),
        elapsed=clock_face(timer.seconds),
        time=_started(timer),
        name=_starter(timer, language),
    )
    return Reply("\n".join([head, "", *plan(timer, language)]))


def plan(timer: Live, language: str | None = None) -> list[str]:
    """The child's action plan, or what to do without one."""
    if timer.action_plan:
        return [t("timer.plan_title", language), escape(timer.action_plan)]
    return [t("timer.no_plan", language, child=escape(timer.child))]


def cancelled(language: str | None = None) -> Reply:
    return Reply(t("timer.cancelled", language))


def _started(timer: Live) -> str:
    return local_time(timer.started_at, timer.timezone, "clock_seconds")


def _starter(timer: Live, language: str | None) -> str:
    return escape(timer.started_by) if timer.started_by else t("timer.someone", language)
