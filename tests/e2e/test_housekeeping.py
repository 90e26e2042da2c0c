"""The running bot forgets old update ids by itself; the sandbox never reuses an id it saw."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

from bot import clock, housekeeping
from bot import schema as migrate
from bot.sandbox import SandboxClient
from bot.sandbox.runner import run_sandbox
from bot.settings import Settings
from models import ProcessedUpdate
from models.session import Database
from tests.e2e.conftest import World
from tests.support.private_postgres import free_port
from tests.support.waiting import eventually


async def test_the_running_bot_forgets_old_update_ids_every_hour(world: World) -> None:
    assert world.app.job_queue is not None
    [job] = world.app.job_queue.get_jobs_by_name(housekeeping.JOB)
    async with world.db.transaction() as session:
        old = clock.now() - timedelta(days=7)
        session.add(ProcessedUpdate(update_id=1, processed_at=old))

    await job.run(world.app)

    assert job.job.trigger.interval == timedelta(hours=1)
    async with world.db.open_session() as session:
        assert await session.scalar(select(func.count()).select_from(ProcessedUpdate)) == 0


async def test_the_sandbox_on_an_old_database_answers_new_messages(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'kept.db'}"
    await migrate.upgrade(url)
    db = Database(url)
    async with db.transaction() as session:
        for update_id in range(1, 6):  # what an earlier sandbox run handled
            session.add(ProcessedUpdate(update_id=update_id, processed_at=clock.now()))
    await db.dispose()
    port = free_port()
    answers: list[str] = []

    async def a_visit() -> None:
        async with SandboxClient(f"http://127.0.0.1:{port}") as sandbox:
            mum = await sandbox.user("Anna")
            await mum.start()
            answers.extend(await eventually(mum.private_chat.bot_texts, what="an answer"))

    await run_sandbox(Settings(), port, url, a_visit)

    assert answers[0].startswith("Hello Anna")
