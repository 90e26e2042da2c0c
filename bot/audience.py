"""Who must hear something: the chats a message goes to, each with the language it is read in.

Plain data, computed by a service (``services.teams.audience``) and queued by
``delivery.announce``, so neither needs the other.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.replies import Language


@dataclass(frozen=True)
class Recipient:
    """One chat: a member's private chat (``membership_id``) or the team group (``group``,
    in forum topic ``thread_id`` if a guardian chose one)."""

    chat_id: int
    language: Language = None
    membership_id: int | None = None
    group: bool = False
    thread_id: int | None = None


@dataclass(frozen=True)
class Audience:
    """Everyone who must hear one thing about a child, each chat once, in order.

    ``unreachable`` names the members who asked for private messages but cannot
    get them: the group's copy tells them how to turn them on.
    """

    child_id: int
    recipients: tuple[Recipient, ...] = ()
    unreachable: tuple[str, ...] = ()

    def plus(self, *more: Recipient) -> Audience:
        """This audience and ``more``, leaving out chats it already has."""
        chats = {r.chat_id for r in self.recipients}
        added = tuple(r for r in more if r.chat_id not in chats)
        return replace(self, recipients=self.recipients + added)
