"""Who may do what: one role × action table, enforced by ``require``."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.errors import Forbidden, NotAMember
from models import Membership, Role


class Action(enum.StrEnum):
    REPORT_EPISODE = "report_episode"
    SEE_HISTORY = "see_history"
    SEE_MEDICINES = "see_medicines"
    SET_PLAN = "set_plan"
    CHANGE_MEDICATION = "change_medication"
    RECORD_DOSE = "record_dose"
    FOLLOW_UPS = "follow_ups"
    DIGEST = "digest"
    EXPORT = "export"
    INVITE = "invite"
    MANAGE_MEMBERS = "manage_members"
    LINK_GROUP = "link_group"
    DELETE_CHILD = "delete_child"


G, C, E, N = Role.GUARDIAN, Role.CAREGIVER, Role.EDUCATOR, Role.CLINICIAN
EVERYONE = frozenset(Role)

# The table in README.md "Permissions"; keep the two identical.
TABLE: dict[Action, frozenset[Role]] = {
    Action.REPORT_EPISODE: EVERYONE,
    Action.SEE_HISTORY: EVERYONE,
    Action.SEE_MEDICINES: EVERYONE,
    Action.SET_PLAN: frozenset({G, N}),
    Action.CHANGE_MEDICATION: frozenset({G, N}),
    Action.RECORD_DOSE: frozenset({G, C, E}),
    Action.FOLLOW_UPS: frozenset({G, C, N}),
    Action.DIGEST: frozenset({G, C, N}),
    Action.EXPORT: frozenset({G, N}),
    Action.INVITE: frozenset({G}),
    Action.MANAGE_MEMBERS: frozenset({G}),
    Action.LINK_GROUP: frozenset({G}),
    Action.DELETE_CHILD: frozenset({G}),
}

# Educators see recent history only: enough to spot a pattern at school, no more.
HISTORY_WINDOW: dict[Role, timedelta] = {E: timedelta(days=30)}


def may(role: Role, action: Action) -> bool:
    """Whether ``role`` may do ``action``."""
    return role in TABLE[action]


def roles_for(action: Action) -> list[Role]:
    """The roles that may do ``action``, in the order of ``Role``."""
    return [role for role in Role if role in TABLE[action]]


def require(membership: Membership | None, action: Action) -> Membership:
    """Return ``membership`` if it is current and its role may do ``action``; raise otherwise."""
    if membership is None or membership.left_at is not None:
        raise NotAMember()
    if not may(membership.role, action):
        raise Forbidden(f"permissions.refused.{action}")
    return membership


def history_since(membership: Membership, now: datetime) -> datetime | None:
    """The earliest moment of history this member may see, or None for all of it."""
    window = HISTORY_WINDOW.get(require(membership, Action.SEE_HISTORY).role)
    return now - window if window else None


class Chat(enum.StrEnum):
    """Where a command is sent: decides which commands make sense there."""

    PRIVATE = "private"
    TEAM_GROUP = "team_group"
    OTHER_GROUP = "other_group"


ANYWHERE = frozenset({Chat.PRIVATE, Chat.TEAM_GROUP})


@dataclass(frozen=True)
class Command:
    """A slash command, the chats it works in, and what its user must be allowed to do."""

    name: str
    where: frozenset[Chat] = ANYWHERE
    action: Action | None = None
    needs_team: bool = True
    feature: str = "teams"

    @property
    def text(self) -> str:
        """The key of its line in /help."""
        return f"{self.feature}.help.{self.name}"


# Features append their commands here; /help shows each user the ones they may use, in order.
COMMANDS: list[Command] = [
    Command("newchild", frozenset({Chat.PRIVATE}), needs_team=False, feature="newchild"),
    Command("team"),
    Command("invite", action=Action.INVITE, feature="invites"),
    Command("invites", action=Action.INVITE, feature="invites"),
    Command("notify"),
    Command("child", frozenset({Chat.PRIVATE})),
    Command("link", frozenset({Chat.OTHER_GROUP}), Action.LINK_GROUP, feature="links"),
    Command("unlink", frozenset({Chat.TEAM_GROUP}), Action.LINK_GROUP, feature="links"),
    Command("leave"),
    Command("deletechild", action=Action.DELETE_CHILD),
    Command("timer", action=Action.REPORT_EPISODE, feature="timer"),
    Command("e", action=Action.REPORT_EPISODE, feature="episodes"),
    Command("history", action=Action.SEE_HISTORY, feature="history"),
    Command("today", action=Action.SEE_HISTORY, feature="history"),
    Command("plan", action=Action.SEE_MEDICINES, feature="plan"),
]


def commands_for(roles: set[Role], chat: Chat) -> list[Command]:
    """The commands someone with ``roles`` may use in ``chat``."""
    return [
        command
        for command in COMMANDS
        if chat in command.where
        and (not command.needs_team or roles)
        and (command.action is None or any(may(role, command.action) for role in roles))
    ]
