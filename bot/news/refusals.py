"""When Telegram refuses a member's private chat for good: the sender's hook (see ``runner``)."""

from __future__ import annotations

from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from bot.news import announce
from bot.services.teams import audience
from bot.views import delivery as views


async def private_refused(session: AsyncSession, membership_id: int, reason: str) -> None:
    """Stop private delivery to that member and tell the team group, once."""
    refused = await audience.refused_privately(session, membership_id, reason)
    if refused is not None:
        render = partial(views.private_delivery_disabled, refused.first_name)
        await announce(session, refused.audience, render)
