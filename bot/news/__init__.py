"""Telling people what happened: a service's outcome, written for each reader, then queued.

The layer between services and the entry points (handlers, timed jobs): a service
returns what happened and who must hear it (an ``Audience``); the caller gives
``announce`` a ``render`` that turns a language into a view's ``Reply``, and each
copy is written in its reader's language, in the transaction that caused it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.audience import Audience
from bot.delivery.announce import queue
from bot.replies import Language, Render, Reply
from bot.views.teams.members import with_private_hint
from models import Outbox


class News(Protocol):
    """Something a service says the team must hear, and who exactly."""

    @property
    def audience(self) -> Audience: ...


N = TypeVar("N", bound=News)


async def announce(
    session: AsyncSession, audience: Audience, render: Render, *, group: Render | None = None
) -> list[Outbox]:
    """Queue ``render`` for ``audience``, each copy in its reader's language.

    The group's copy (``group``'s, when the group is told something else) also tells
    the members who cannot get their private messages how to turn them on.
    """
    in_group = group or render
    if audience.unreachable:
        in_group = with_private_hint(in_group, audience.unreachable)
    return await queue(session, audience, render, group=in_group)


async def tell(
    session: AsyncSession, news: Iterable[N], view: Callable[[N, Language], Reply]
) -> list[Outbox]:
    """Announce each piece of ``news`` to its audience, as ``view`` writes it."""
    rows: list[Outbox] = []
    for item in news:
        rows += await announce(session, item.audience, partial(view, item))
    return rows
