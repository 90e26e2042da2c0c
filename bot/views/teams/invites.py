"""Invitation screens: choosing the role, the one-time link, joining, and the open list."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Language, Reply
from bot.texts import t
from bot.views.common import escape, local_time
from bot.views.teams.members import a_role, role_name
from models import Child, Invite, Role


def invite_url(bot_username: str, token: str) -> str:
    """The deep link that opens the bot with the invitation's token."""
    return f"https://t.me/{bot_username}?start={token}"


def choose_role(child: Child, language: str | None) -> Reply:
    """Ask who is being invited, one big button per role."""
    return Reply(
        t("invites.choose_role", language, child=escape(child.name)),
        [
            [
                Button(
                    t(f"invites.role_button.{role}", language),
                    Callback("inv", child.id, "role", role),
                )
            ]
            for role in Role
        ],
    )


def link(child: Child, role: Role, url: str, language: str | None) -> Reply:
    return Reply(
        t(
            "invites.link",
            language,
            child=escape(child.name),
            a_role=a_role(role, language),
            url=url,
        )
    )


def sent_privately(first_name: str, language: str | None) -> Reply:
    return Reply(t("invites.sent_privately", language, name=escape(first_name)))


def joined(child: Child, role: Role, language: str | None) -> Reply:
    return Reply(
        t("invites.joined", language, child=escape(child.name), a_role=a_role(role, language))
    )


def joined_notice(first_name: str, child: Child, role: Role, language: Language = None) -> Reply:
    return Reply(
        t(
            "invites.joined_notice",
            language,
            name=escape(first_name),
            child=escape(child.name),
            a_role=a_role(role, language),
        )
    )


def open_list(child: Child, invites: list[Invite], language: str | None) -> Reply:
    """The invitations still open, each with a button to cancel it."""
    if not invites:
        return Reply(t("invites.list_empty", language, child=escape(child.name)))
    lines = [t("invites.list_title", language, child=escape(child.name))]
    buttons = []
    for n, invite in enumerate(invites, start=1):
        until = local_time(invite.expires_at, child.timezone, "moment", language)
        lines.append(
            t(
                "invites.list_line",
                language,
                n=n,
                role=role_name(invite.role, language),
                until=until,
            )
        )
        buttons.append(
            [
                Button(
                    t("invites.button_revoke", language, n=n), Callback("inv", invite.id, "revoke")
                )
            ]
        )
    return Reply("\n".join(lines), buttons)


def revoked(language: str | None) -> Reply:
    return Reply(t("invites.revoked_done", language))


def only_in_private(bot_username: str, language: str | None) -> Reply:
    """Invitation links are secrets: they are only ever shown in a private chat."""
    return Reply(
        t("invites.only_in_private", language),
        [[Button(t("invites.button_open_private", language), url=f"https://t.me/{bot_username}")]],
    )
