"""Control characters in what people send are cleaned where updates enter, on both databases.

PostgreSQL refuses a NUL in text and in jsonb (``\\u0000``); before cleaning, one
such character made the whole batch fail to be stored and its sender was told
that the database was down.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select

from bot.sandbox import Emulator
from models import Episode, Person
from tests.e2e.conftest import World, running_world
from tests.e2e.test_faults import make_team

NOTHING_RECORDED = "nothing was recorded"
LATER = "I'll save it as soon as I can"


@pytest.fixture
async def any_world(emulator: Emulator, suite_and_postgres_url: str) -> AsyncIterator[World]:
    async with running_world(emulator, suite_and_postgres_url) as world:
        yield world


async def test_a_nul_or_other_control_character_is_dropped_and_the_report_saved(
    any_world: World,
) -> None:
    parent, group = await make_team(any_world.db, any_world.sandbox, 1)
    await any_world.settle()
    nurse = await any_world.user("Ro\x00se\x07")

    await parent.send(
        parent.private_chat, "/e yesterday 10:15 30s\x00 fa\x1bce\r\nright arm\tafter nap"
    )
    await parent.send(
        parent.private_chat, "/e yesterday 10:40 20s"
    )  # in the same batch, most likely
    await nurse.send(nurse.private_chat, "/help\x00")
    await any_world.settle()

    async with any_world.db.open_session() as session:
        episodes = list(await session.scalars(select(Episode).order_by(Episode.occurred_at)))
        names = set(await session.scalars(select(Person.first_name)))
    assert [e.duration_seconds for e in episodes] == [30, 20]
    assert "face" in episodes[0].body_parts
    assert "Rose" in names
    for chat in (parent.private_chat, nurse.private_chat):
        texts = await chat.bot_texts()
        assert not [t for t in texts if NOTHING_RECORDED in t or LATER in t]
    assert any("at 10:15" in text for text in await group.bot_texts())
