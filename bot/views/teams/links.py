"""Linking a group to a child's team: which child, linked, unlinked."""

from __future__ import annotations

from bot.replies import Reply
from bot.texts import t
from bot.views.common import escape
from bot.views.teams.members import choose_child
from models import Child


def choose(children: list[Child], language: str | None) -> Reply:
    return choose_child(children, "link", language, key="links.choose_child")


def linked(child: Child, language: str | None, *, admin_tip: bool = False) -> Reply:
    """Linked; a bot that is not an admin there says why it would help to be one."""
    text = t("links.linked", language, child=escape(child.name))
    return Reply(f"{text}\n\n{t('room.admin_tip', language)}" if admin_tip else text)


def unlinked(child: Child, language: str | None) -> Reply:
    return Reply(t("links.unlinked", language, child=escape(child.name)))


def only_in_groups(language: str | None, command: str) -> Reply:
    """/link and /unlink work inside the group they are about."""
    return Reply(t(f"links.only_in_groups_{command}", language))
