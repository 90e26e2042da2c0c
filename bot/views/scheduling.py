"""What every timed message shares on screen: the mark of one sent late, with its original time."""

from __future__ import annotations

from bot.replies import Reply
from bot.scheduling import Fired
from bot.texts import t
from bot.views.common import local_time


def mark_late(reply: Reply, fired: Fired, language: str | None = None) -> Reply:
    """``reply`` as is, or, when it goes out late, prefixed with the time it was due."""
    if not fired.late:
        return reply
    when = local_time(fired.due_at, fired.reminder.timezone, "weekday_time", language)
    return Reply(t("scheduling.late", language, when=when, text=reply.text), reply.buttons)
