"""The team's group in step with the team: strangers in it, members out of it, the link, topics."""

from __future__ import annotations

from typing import Literal

from bot.callbacks import Callback
from bot.replies import Button, Language, Reply
from bot.texts import t
from bot.views.common import escape
from models import Child, GroupStranger, Role


def stranger(
    found: GroupStranger, child: Child, language: Language = None, *, stayed: bool = False
) -> Reply:
    """Tell a guardian someone off the team is in the group, with what they may do about it."""
    key = "room.stranger_stayed" if stayed else "room.stranger_joined"
    text = t(key, language, name=escape(found.first_name), child=escape(child.name))
    buttons = [[Button(t("room.button_remove", language), Callback("str", found.id, "remove"))]]
    if not stayed:
        invite = Button(t("room.button_invite", language), Callback("str", found.id, "invite"))
        buttons.insert(0, [invite])
    return Reply(text, buttons)


def invite_role(found: GroupStranger, child: Child, language: Language) -> Reply:
    """Which role the stranger is invited with, one button per role."""
    return Reply(
        t("room.invite_role", language, name=escape(found.first_name), child=escape(child.name)),
        [
            [
                Button(
                    t(f"invites.role_button.{role}", language),
                    Callback("str", found.id, "role", role),
                )
            ]
            for role in Role
        ],
    )


def _line(key: str, child: Child, language: Language, **params: str) -> Reply:
    return Reply(t(key, language, child=escape(child.name), **params))


def held(child: Child, language: Language = None) -> Reply:
    return _line("room.held", child, language)


def freed(child: Child, language: Language = None) -> Reply:
    return _line("room.freed", child, language)


def removing(found: GroupStranger, child: Child, language: Language) -> Reply:
    return _line("room.removing", child, language, name=escape(found.first_name))


def not_admin(found: GroupStranger, child: Child, language: Language) -> Reply:
    return _line("room.not_admin", child, language, name=escape(found.first_name))


Change = Literal["member_out", "member_back", "freed", "lost", "moved"]


def change(kind: Change, name: str, child: Child, language: Language = None) -> Reply:
    """A member out of the group or back, the group freed, lost or moved."""
    return _line(f"room.{kind}", child, language, name=escape(name))


def removed_you(child: Child, language: Language = None) -> Reply:
    return _line("room.removed_you", child, language)


def join_link(child: Child, url: str | None, language: Language) -> Reply:
    """The line of a welcome about the group: its one-use link, or that a guardian adds them."""
    if url is None:
        return _line("room.join_later", child, language)
    return _line("room.join_link", child, language, url=escape(url))


def admin_tip(language: Language) -> str:
    return t("room.admin_tip", language)


def topic(child: Child, chosen: bool, forum: bool, language: Language) -> Reply:
    """Where the team's news goes now: this topic, General, or the chat of a plain group."""
    if not forum:
        return _line("room.topic_no_forum", child, language)
    return _line("room.topic_set" if chosen else "room.topic_general", child, language)
