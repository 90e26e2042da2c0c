"""The digest reads through indexes: SQLite's plan for each of its queries scans no big table."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from bot import clock
from bot.services.digests.figures import figures
from bot.services.teams.children import membership_in
from models.session import Database
from tests.services.digests.month import TODAY, make_month

# Tables that grow with the record: reading one of them whole would grow with it too.
GROWING = ("episode", "dose_log", "medication_change", "medication", "followup", "titration")


async def test_every_query_of_a_digest_searches_an_index(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("the plans checked are SQLite's (EXPLAIN QUERY PLAN)")
    previous = clock.use(clock.FrozenClock(TODAY))
    try:
        month = await make_month(db)
        statements: list[tuple[str, tuple]] = []

        def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
            statements.append((statement, parameters))

        event.listen(db.engine.sync_engine, "before_cursor_execute", seen)
        async with db.open_session() as session:
            membership = await membership_in(session, month.lee.id, month.lily.id)
            statements.clear()
            await figures(session, membership, 90)
        event.remove(db.engine.sync_engine, "before_cursor_execute", seen)
    finally:
        clock.use(previous)

    scans = []
    async with db.engine.connect() as connection:
        for statement, parameters in statements:
            if not statement.lstrip().upper().startswith("SELECT"):
                continue
            plan = await connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            for row in plan:
                found = re.match(r"SCAN (\w+)", row[-1])
                if found and found[1] in GROWING:
                    scans.append(f"{row[-1]} in: {statement.split(chr(10))[0][:80]}")
    assert statements and scans == []
