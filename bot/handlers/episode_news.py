"""Telling the team about an episode, and keeping every relayed copy in step with its record."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from bot.delivery import edits, outbox
from bot.news import announce
from bot.services.episodes import copies
from bot.services.episodes.news import Corrected, EpisodeNews, Relayed, Removed
from bot.services.teams import audience
from bot.views.episodes import cards
from bot.views.episodes import report as views

CHANGED = "the episode changed before this relay was sent"


async def tell(session: AsyncSession, news: Iterable[EpisodeNews]) -> None:
    """Announce each piece of news; a relay is remembered, a change edits the relays."""
    for item in news:
        rows = await announce(session, item.audience, partial(views.news, item))
        if isinstance(item, Relayed):
            await copies.remember(session, item.card.episode.id, rows)
        else:
            await follow(session, item)


async def follow(session: AsyncSession, item: Removed | Corrected) -> None:
    """Edit every copy of the episode's relay still shown to someone who may see it now."""
    if isinstance(item, Removed):
        episode_id, child_id = item.card.episode.id, item.child.id
        render = partial(cards.withdrawn, item)
    else:
        found = item.receipt
        episode_id, child_id = found.card.episode.id, found.child.id
        render = partial(cards.edited, found)
    shown = await copies.of(session, episode_id)
    hearing = await audience.hearing(session, child_id, {row.chat_id for row in shown})
    waiting = await edits.show_everywhere(session, shown, render, hearing=hearing)
    # A relay not sent yet would show the old record: it goes no further (the notice of
    # the change still tells that chat how it reads now).
    await outbox.drop(session, waiting, CHANGED)
