"""The digest as it is sent: the chart with its caption, then the figures with their buttons.

Both fit Telegram by construction: the caption and the figures are the bounded views of
``text``, and the one line added here (a late digest's) is short.
"""

from __future__ import annotations

from datetime import datetime

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.digests.figures import Figures
from bot.services.digests.reads import Read, period_arg
from bot.texts import escape, t
from bot.views.common import local_time
from bot.views.digests.text import caption, message
from bot.views.digests.words import bounded, day_month
from bot.views.teams.members import chat_url
from models import Child, Role

NAME_LIMIT = 32


def photo(figures: Figures, language: str | None = None) -> Reply:
    """The chart, with the headline figures as its caption."""
    # matplotlib (some 25 MB) is loaded with the first chart, not by every bot process.
    from bot.views.digests.chart import chart

    return Reply(caption(figures, language), photo=chart(figures, language))


def figures_message(
    figures: Figures,
    language: str | None = None,
    *,
    role: Role | None = None,
    late: tuple[datetime, str] | None = None,
) -> Reply:
    """The whole digest after the chart; a clinician's has Acknowledge and Reply under it.

    ``late`` is the moment it was due and the reader's zone, for one sent after downtime.
    """
    text = message(figures, language).text
    if late is not None:
        when = local_time(late[0], late[1], "moment", language)
        text = f"{t('digest.send.late', language, when=when)}\n\n{text}"
    if role != Role.CLINICIAN:
        return Reply(text)
    arg, child_id = period_arg(figures.period), figures.child.id
    buttons = [
        [
            Button(t("digest.send.button_ack", language), Callback("dg", child_id, "ack", arg)),
            Button(t("digest.send.button_reply", language), Callback("dg", child_id, "reply", arg)),
        ]
    ]
    return Reply(text, buttons)


def in_private(child: Child, bot_username: str, language: str | None = None) -> Reply:
    """Asked for in the team group, where digests are not shown: where to ask instead."""
    text = t("digest.send.in_private", language, child=escape(child.name))
    button = Button(t("digest.send.button_private", language), url=chat_url(bot_username))
    return Reply(text, [[button]])


def read_notice(read: Read, language: str | None = None) -> Reply:
    """The team hears that a reader has read one period's digest."""
    period = read.period
    return Reply(
        t(
            "digest.send.read",
            language,
            name=bounded(read.person.first_name, NAME_LIMIT),
            role=t(f"permissions.role.{read.membership.role}", language),
            child=bounded(read.child.name, NAME_LIMIT),
            first=day_month(period.first, language),
            last=f"{day_month(period.last, language)} {period.last.year}",
        )
    )


def read_answer(read: Read, language: str | None = None) -> str:
    """What the reader sees on pressing Acknowledge."""
    key = "digest.send.read_thanks" if read.first_time else "digest.send.read_already"
    return t(key, language)
