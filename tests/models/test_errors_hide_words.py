"""A database error never carries what people wrote: the statement's parameters stay hidden."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models.session import Database

NOTE = "Lily jerked at school, 3 times — private"


async def test_a_failing_statement_neither_shows_nor_logs_its_parameters(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="sqlalchemy")
    with pytest.raises(DBAPIError) as failure:
        async with db.transaction() as session:
            await session.execute(
                text("INSERT INTO no_such_table (note) VALUES (:note)"), {"note": NOTE}
            )

    assert "no_such_table" in str(failure.value)
    assert NOTE not in str(failure.value)
    assert NOTE not in caplog.text
