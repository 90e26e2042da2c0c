"""Command menus as Telegram keeps them: per scope (one chat however its id is written) and per
language code, strict about commands, descriptions and codes, shown narrowest scope first."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from bot.sandbox import Emulator, SandboxClient
from bot.sandbox.api_chats import shown_menu
from bot.sandbox.client import Actor

HELP = [{"command": "help", "description": "What I can do"}]
AYUDA = [{"command": "help", "description": "Lo que puedo hacer"}]


@pytest.fixture
async def mum(sandbox: SandboxClient) -> Actor:
    user = await sandbox.user("Mum", language_code="es")
    await user.start()
    return user


async def _call(raw_api: httpx.AsyncClient, method: str, **params: Any) -> dict[str, Any]:
    return (await raw_api.post(method, json=params)).json()


async def test_a_chats_id_as_a_string_or_a_number_is_one_scope(
    raw_api: httpx.AsyncClient, mum: Actor
) -> None:
    as_text = {"type": "chat", "chat_id": str(mum.id)}
    assert (await _call(raw_api, "setMyCommands", commands=HELP, scope=as_text))["ok"]

    found = await _call(raw_api, "getMyCommands", scope={"type": "chat", "chat_id": mum.id})

    assert found["result"] == HELP


async def test_each_language_code_is_its_own_menu(
    raw_api: httpx.AsyncClient, emulator: Emulator, mum: Actor
) -> None:
    await _call(raw_api, "setMyCommands", commands=HELP)
    await _call(raw_api, "setMyCommands", commands=AYUDA, language_code="es")

    english = await _call(raw_api, "getMyCommands")
    spanish = await _call(raw_api, "getMyCommands", language_code="es")

    assert (english["result"], spanish["result"]) == (HELP, AYUDA)
    assert shown_menu(emulator.core, mum.id, mum.id, "es") == AYUDA
    assert shown_menu(emulator.core, mum.id, mum.id, "ru") == HELP


async def test_a_chats_own_menu_comes_before_the_default(
    raw_api: httpx.AsyncClient, emulator: Emulator, mum: Actor
) -> None:
    await _call(raw_api, "setMyCommands", commands=AYUDA, language_code="es")
    await _call(raw_api, "setMyCommands", commands=HELP, scope={"type": "chat", "chat_id": mum.id})

    assert shown_menu(emulator.core, mum.id, mum.id, "es") == HELP


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"commands": [{"command": "Help", "description": "x"}]}, "BOT_COMMAND_INVALID"),
        ({"commands": [{"command": "a" * 33, "description": "x"}]}, "BOT_COMMAND_INVALID"),
        ({"commands": [{"command": "", "description": "x"}]}, "BOT_COMMAND_INVALID"),
        ({"commands": [{"command": "help", "description": ""}]}, "DESCRIPTION_INVALID"),
        ({"commands": [{"command": "help", "description": "x" * 257}]}, "DESCRIPTION_INVALID"),
        ({"commands": [{"command": f"c{i}", "description": "x"} for i in range(101)]}, "too many"),
        ({"commands": HELP, "language_code": "spanish"}, "LANG_CODE_INVALID"),
        ({"commands": HELP, "scope": {"type": "chat"}}, "Empty chat_id"),
        ({"commands": HELP, "scope": {"type": "everywhere"}}, "Unsupported type"),
    ],
)
async def test_a_menu_telegram_would_refuse_is_refused_and_nothing_changes(
    raw_api: httpx.AsyncClient, params: dict[str, Any], error: str
) -> None:
    refused = await _call(raw_api, "setMyCommands", **params)

    assert (refused["ok"], error in refused["description"]) == (False, True)
    assert (await _call(raw_api, "getMyCommands"))["result"] == []
