"""The command menus (setMyCommands): each member's private chat shows what their role may use,
a linked group its commands, in the reader's language; the defaults have es and ru variants."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeDefault

from bot.delivery.outbox import enqueue_call
from bot.handlers.kit import AnyTurn
from bot.services.teams import languages, permissions
from bot.services.teams.permissions import Chat
from bot.texts import DEFAULT_LANGUAGE
from bot.texts import languages as catalogue_languages
from bot.views import menus as views
from models import Child, Person, Role

# The menu, in the order people see it; a command shows where its permission allows.
MENU = [
    *("start", "help", "newchild", "team", "invite", "invites", "notify", "child", "link"),
    *("unlink", "leave", "deletechild", "e", "history", "today", "plan", "timer", "followup"),
    *("remind", "reminders", "meds", "med", "doses", "adherence", "digest", "timezone"),
    *("export", "language"),
]
ALWAYS = {Chat.PRIVATE: {"start", "help"}, Chat.TEAM_GROUP: {"help"}}
EVERY_ROLE = set(Role)


def names_for(roles: set[Role], chat: Chat) -> list[str]:
    """The menu's commands someone with ``roles`` may use in ``chat``, in menu order."""
    allowed = {command.name for command in permissions.commands_for(roles, chat)}
    allowed |= ALWAYS.get(chat, set())
    if "followup" in allowed:
        allowed.add("remind")  # the one-line form of /followup
    return [name for name in MENU if name in allowed]


def _scope(chat_id: int) -> dict[str, Any]:
    return {"type": "chat", "chat_id": chat_id}


async def refresh_person(turn: AnyTurn, person: Person) -> None:
    """Queue ``person``'s private menu: their roles' commands, in their language."""
    await queue_person(turn.session, person)


async def queue_person(session: AsyncSession, person: Person) -> None:
    """As ``refresh_person``, for any caller with a session (a role changed, someone joined)."""
    if not person.started_bot:
        return  # Telegram knows no private chat with them yet
    roles = await languages.roles_of(session, person.id)
    commands = views.commands(names_for(roles, Chat.PRIVATE), person.language_code)
    payload = {"commands": commands, "scope": _scope(person.telegram_user_id)}
    await enqueue_call(session, person.telegram_user_id, "setMyCommands", payload)


async def refresh_team(turn: AnyTurn, child: Child) -> None:
    """Queue the linked group's menu in the team's language."""
    await queue_group(turn.session, child)


async def queue_group(session: AsyncSession, child: Child) -> None:
    """As ``refresh_team``, for any caller with a session (a group just linked)."""
    chat_id = await languages.group_chat_of(session, child.id)
    if chat_id is None:
        return
    commands = views.commands(names_for(EVERY_ROLE, Chat.TEAM_GROUP), child.language)
    await enqueue_call(
        session, chat_id, "setMyCommands", {"commands": commands, "scope": _scope(chat_id)}
    )


async def set_defaults(bot: Bot) -> None:
    """At start: the menus for chats not set one by one, in English and each other language."""
    private = names_for(EVERY_ROLE, Chat.PRIVATE)
    group = names_for(EVERY_ROLE, Chat.TEAM_GROUP)
    for language in catalogue_languages():
        code = "" if language == DEFAULT_LANGUAGE else language
        for names, scope in (
            (private, BotCommandScopeDefault()),
            (group, BotCommandScopeAllGroupChats()),
        ):
            commands = [BotCommand(**c) for c in views.commands(names, language)]
            await bot.set_my_commands(commands, scope=scope, language_code=code or None)
