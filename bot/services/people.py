"""The people the bot meets: recorded on first contact, kept up to date on every update."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models import Person


async def meet(
    session: AsyncSession,
    telegram_user_id: int,
    first_name: str,
    *,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
    in_private: bool = False,
) -> Person:
    """Return the person for a Telegram user, creating or refreshing their record.

    Writing to the bot in private is what lets it message them later.
    """
    person = await session.scalar(select(Person).where(Person.telegram_user_id == telegram_user_id))
    if person is None:
        person = Person(telegram_user_id=telegram_user_id, first_name=first_name)
        session.add(person)
    person.first_name = first_name[:128]
    person.last_name = last_name[:128] if last_name else None
    person.username = username
    person.language_code = language_code
    if in_private:
        person.started_bot = True
    await session.flush()
    return person
