"""Lanes: a batch of updates split so that each chat's and each person's updates stay in order.

Updates of different chats from different people are independent and may be handled
at the same time; two updates that share a chat or a sender go into one lane, handled
one after the other in the order Telegram sent them. A lane joins every update linked
to it through a chat or a sender (a person writing in a group and then in private puts
both chats in one lane), so no person and no chat is ever handled twice at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from telegram import Update

MAX_AT_ONCE = 8  # updates handled at the same time; more only adds waiting for the database


def _keys(update: Update) -> list[tuple[str, int]]:
    keys = []
    if update.effective_chat is not None:
        keys.append(("chat", update.effective_chat.id))
    if update.effective_user is not None:
        keys.append(("user", update.effective_user.id))
    return keys or [("update", update.update_id)]


def lanes(updates: list[Update]) -> list[list[Update]]:
    """The batch as lanes, each in Telegram's order, lanes ordered by their first update."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(key: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for update in updates:
        first, *others = _keys(update)
        for other in others:
            parent[root(other)] = root(first)
    grouped: dict[tuple[str, int], list[Update]] = {}
    for update in updates:
        grouped.setdefault(root(_keys(update)[0]), []).append(update)
    return list(grouped.values())


async def run_lanes(
    updates: list[Update],
    handle: Callable[[Update], Awaitable[object]],
    at_once: int = MAX_AT_ONCE,
) -> None:
    """Hand each lane's updates to ``handle`` in order, lanes side by side."""
    gate = asyncio.Semaphore(at_once)

    async def run(lane: list[Update]) -> None:
        for update in lane:
            async with gate:
                await handle(update)

    await asyncio.gather(*(run(lane) for lane in lanes(updates)))
