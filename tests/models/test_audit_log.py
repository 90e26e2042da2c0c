"""The audit log only grows: the app's API cannot change or remove an event."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, update

from bot.services import audit
from models import AuditLogIsAppendOnly, Child, Event
from models.session import Database


async def _one_event(db: Database) -> int:
    async with db.transaction() as session:
        child = Child(name="Lily", timezone="Europe/London")
        session.add(child)
        await session.flush()
        event = await audit.record(session, "child.created", actor_id=None, child_id=child.id)
        return event.id


async def _events(db: Database) -> list[tuple[str, dict]]:
    async with db.open_session() as session:
        return [(e.kind, e.payload) for e in await session.scalars(select(Event))]


async def test_recording_appends_an_event(db: Database) -> None:
    await _one_event(db)

    assert await _events(db) == [("child.created", {})]


async def test_an_event_cannot_be_edited(db: Database) -> None:
    event_id = await _one_event(db)

    with pytest.raises(AuditLogIsAppendOnly):
        async with db.transaction() as session:
            event = await session.get(Event, event_id)
            event.kind = "something.else"

    assert await _events(db) == [("child.created", {})]


async def test_an_event_cannot_be_deleted(db: Database) -> None:
    event_id = await _one_event(db)

    with pytest.raises(AuditLogIsAppendOnly):
        async with db.transaction() as session:
            await session.delete(await session.get(Event, event_id))

    assert await _events(db) == [("child.created", {})]


@pytest.mark.parametrize(
    "statement",
    [update(Event).values(kind="rewritten"), delete(Event)],
    ids=["bulk update", "bulk delete"],
)
async def test_bulk_statements_on_events_are_refused(db: Database, statement) -> None:
    await _one_event(db)

    with pytest.raises(AuditLogIsAppendOnly):
        async with db.transaction() as session:
            await session.execute(statement)

    async with db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(Event)) == 1
