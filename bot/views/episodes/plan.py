"""The seizure action plan screen."""

from __future__ import annotations

from bot.replies import Reply
from bot.services.episodes.plan import Plan
from bot.texts import t
from bot.views.common import escape
from bot.views.episodes.card import duration


def plan(shown: Plan, language: str | None = None) -> Reply:
    """The plan, its emergency threshold, and (for who may) how to change them."""
    child = shown.child
    lines = []
    if shown.changed is not None:
        lines += [t(f"plan.saved_{shown.changed}", language), ""]
    lines.append(t("plan.title", language, child=escape(child.name)))
    lines.append(escape(child.action_plan) if child.action_plan else t("plan.empty", language))
    lines += [
        "",
        t(
            "plan.threshold",
            language,
            duration=duration(child.emergency_threshold_seconds, language),
        ),
    ]
    if shown.can_edit:
        lines.append(t("plan.how_to_change", language))
    return Reply("\n".join(lines))
