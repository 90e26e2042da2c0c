"""Care team screens: which child, the roster, managing a member, notifications, leaving."""

from __future__ import annotations

from collections.abc import Sequence

from bot.callbacks import Callback
from bot.replies import Button, Language, Render, Reply
from bot.services.digests.subscriptions import Schedule
from bot.services.teams.children import can_receive
from bot.services.teams.members import Member, Roster
from bot.services.teams.permissions import Action, may
from bot.texts import t
from bot.views.common import escape
from bot.views.digests import schedule as digest_schedule
from models import Child, NotifyPreference, Role


def role_name(role: Role, language: str | None = None) -> str:
    return t(f"permissions.role.{role}", language)


def a_role(role: Role, language: str | None = None) -> str:
    return t(f"permissions.a_role.{role}", language)


def chat_url(bot_username: str) -> str:
    """The link that opens a private chat with the bot."""
    return f"https://t.me/{bot_username}"


def choose_child(
    children: list[Child],
    command: str,
    language: str | None,
    key: str = "teams.choose_child",
    *,
    arg: str | None = None,
) -> Reply:
    """Ask which child ``command`` is about, one big button per child (each carrying ``arg``)."""
    return Reply(
        t(key, language),
        [[Button(child.name, Callback("child", child.id, command, arg))] for child in children],
    )


def outsider_refusal(language: str | None) -> Reply:
    return Reply(t("teams.outsider_refusal", language))


def outsider_notice(first_name: str, child: Child, language: Language = None) -> Reply:
    return Reply(
        t("teams.outsider_notice", language, name=escape(first_name), child=escape(child.name)),
        [[Button(t("teams.button_invite", language), Callback("inv", child.id, "new"))]],
    )


def _member_line(member: Member, language: str | None) -> str:
    m, person = member.membership, member.person
    line = t(
        "teams.member_line",
        language,
        icon=t(f"teams.icon.{m.role}", language),
        name=escape(person.first_name),
        role=role_name(m.role, language),
        notify=t(f"teams.notify.{m.notify}", language),
    )
    if m.notify == NotifyPreference.PRIVATE and not can_receive(m, person):
        line += t("teams.cannot_receive", language)
    return line


def roster(team: Roster, language: str | None) -> Reply:
    """The team as a list of people, roles and how each hears the news."""
    lines = [t("teams.roster_title", language, child=escape(team.child.name))]
    lines += [_member_line(member, language) for member in team.members]
    lines.append("")
    if team.group is not None:
        lines.append(t("teams.group_line", language, title=escape(team.group.title or "—")))
    else:
        lines.append(t("teams.no_group_line", language))
    buttons: list[list[Button]] = []
    if may(team.viewer.role, Action.MANAGE_MEMBERS):
        others = [m for m in team.members if m.membership.id != team.viewer.id]
        people = [
            Button(
                t("teams.button_member", language, name=m.person.first_name),
                Callback("mem", m.membership.id, "open"),
            )
            for m in others
        ]
        buttons += [people[i : i + 2] for i in range(0, len(people), 2)]
    buttons.append(
        [
            Button(
                t("teams.button_my_notifications", language),
                Callback("notify", team.viewer.id, "show"),
            )
        ]
    )
    if may(team.viewer.role, Action.INVITE):
        buttons.append(
            [Button(t("teams.button_invite", language), Callback("inv", team.child.id, "new"))]
        )
    return Reply("\n".join(lines), buttons)


def member(found: Member, child: Child, language: str | None) -> Reply:
    """One member, for a guardian: change their role or remove them."""
    m = found.membership
    text = t(
        "teams.member_title",
        language,
        name=escape(found.person.first_name),
        a_role=a_role(m.role, language),
        child=escape(child.name),
    )
    roles = [
        Button(
            t("teams.button_role", language, role=role_name(role, language)),
            Callback("mem", m.id, "role", role.value),
        )
        for role in Role
        if role != m.role
    ]
    return Reply(
        text,
        [
            *[[button] for button in roles],
            [Button(t("teams.button_remove", language), Callback("mem", m.id, "remove"))],
            [Button(t("teams.button_back", language), Callback("team", child.id, "show"))],
        ],
    )


def remove_confirm(found: Member, child: Child, language: str | None) -> Reply:
    name = found.person.first_name
    return Reply(
        t("teams.remove_confirm", language, name=escape(name), child=escape(child.name)),
        [
            [
                Button(
                    t("teams.button_remove_yes", language, name=name),
                    Callback("mem", found.membership.id, "remove_yes"),
                )
            ],
            [Button(t("teams.button_cancel", language), Callback("team", child.id, "show"))],
        ],
    )


def removed(first_name: str, child: Child, language: str | None = None) -> Reply:
    return Reply(t("teams.removed", language, name=escape(first_name), child=escape(child.name)))


def role_changed(found: Member, child: Child, language: str | None = None) -> Reply:
    return Reply(
        t(
            "teams.role_changed",
            language,
            name=escape(found.person.first_name),
            a_role=a_role(found.membership.role, language),
            child=escape(child.name),
        )
    )


def role_unchanged(found: Member, child: Child, language: Language = None) -> str:
    """The alert for a guardian who gave a member the role they had: plain text, no markup."""
    return t(
        "teams.role_unchanged",
        language,
        name=found.person.first_name,
        a_role=a_role(found.membership.role, language),
        child=child.name,
    )


def private_hint(first_names: Sequence[str], language: Language = None) -> Reply:
    """Tell members in the group how to get the private messages they asked for."""
    names = ", ".join(escape(n) for n in first_names)
    return Reply(t("teams.private_hint", language, names=names))


def with_private_hint(render: Render, first_names: Sequence[str]) -> Render:
    """``render``, with the private-messages hint for ``first_names`` below it."""

    def hinted(language: Language) -> Reply:
        reply = render(language)
        hint = private_hint(first_names, language).text
        return Reply(f"{reply.text}\n\n{hint}", reply.buttons)

    return hinted


def notify_menu(found: Member, child: Child, language: str | None) -> Reply:
    """The three ways to hear the team's news, the current one ticked."""
    m = found.membership
    text = t(
        "teams.notify_title",
        language,
        child=escape(child.name),
        current=t(f"teams.notify.{m.notify}", language),
    )
    buttons = [
        [
            Button(
                ("✓ " if choice == m.notify else "") + t(f"teams.notify_button.{choice}", language),
                Callback("notify", m.id, "set", choice.value),
            )
        ]
        for choice in NotifyPreference
    ]
    return Reply(text, buttons)


def notify_saved(
    found: Member,
    child: Child,
    bot_username: str,
    language: str | None,
    digest: Schedule | None = None,
) -> Reply:
    """Confirm the choice, with the schedule "Digests only" set (``digest``); say how to start
    the bot if private messages cannot reach them yet."""
    m = found.membership
    text = t(
        "teams.notify_saved",
        language,
        child=escape(child.name),
        current=t(f"teams.notify.{m.notify}", language),
    )
    if m.notify == NotifyPreference.DIGEST:
        text += "\n" + digest_schedule.default_set(digest, language)
    private = m.notify == NotifyPreference.PRIVATE or digest is not None
    if private and not can_receive(m, found.person):
        text += "\n\n" + t("teams.needs_start", language, url=chat_url(bot_username))
    return Reply(text)


def leave_confirm(child: Child, language: str | None) -> Reply:
    return Reply(
        t("teams.leave_confirm", language, child=escape(child.name)),
        [
            [Button(t("teams.button_leave", language), Callback("team", child.id, "leave"))],
            [Button(t("teams.button_cancel", language), Callback("team", child.id, "cancel"))],
        ],
    )


def left(child: Child, language: str | None) -> Reply:
    return Reply(t("teams.left", language, child=escape(child.name)))


def left_notice(first_name: str, child: Child, language: Language = None) -> Reply:
    return Reply(
        t("teams.left_notice", language, name=escape(first_name), child=escape(child.name))
    )


def cancelled(language: str | None) -> Reply:
    return Reply(t("teams.cancelled", language))


def default_set(child: Child, language: str | None) -> Reply:
    return Reply(t("teams.default_set", language, child=escape(child.name)))


def delete_confirm(child: Child, language: str | None, *, again: bool = False) -> Reply:
    """Ask twice, naming the child each time, before erasing their records."""
    step, action = ("delete_confirm_again", "confirm") if again else ("delete_confirm", "ask")
    button = "teams.button_delete_again" if again else "teams.button_delete"
    return Reply(
        t(f"teams.{step}", language, child=escape(child.name)),
        [
            [Button(t(button, language, child=child.name), Callback("del", child.id, action))],
            [Button(t("teams.button_cancel", language), Callback("del", child.id, "cancel"))],
        ],
    )


def deleted(child_name: str, language: str | None) -> Reply:
    return Reply(t("teams.deleted", language, child=escape(child_name)))


def deleted_group() -> Reply:
    return Reply(t("teams.deleted_group"))
