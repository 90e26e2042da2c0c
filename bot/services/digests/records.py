"""The rows a digest reads, each query bounded by the period and served by an index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.ext.asyncio import AsyncSession

from models import DoseLog, Episode, EpisodeKind, Medication, Membership, Role, Titration

_COLUMNS = (
    Episode.id,
    Episode.occurred_at,
    Episode.window_end_at,
    Episode.duration_seconds,
    Episode.jerk_count,
    Episode.kind,
    Episode.setting,
    Episode.triggers,
    Episode.rescue_medication,
    Episode.observer,
    Episode.source,
    Episode.created_at,
    Episode.reporter_id,
    Episode.merged_into_id,
)


@dataclass(frozen=True)
class Report:
    """One report of an episode, with what the digest counts."""

    id: int
    occurred_at: datetime
    ended_at: datetime  # the end of its window or of its duration
    duration_seconds: int | None
    jerk_count: int | None
    kind: EpisodeKind | None
    setting: str | None
    triggers: tuple[str, ...]
    rescue: bool
    named_witness: bool  # "seen by …"
    timed: bool  # timed live with /timer
    created_at: datetime
    reporter_id: int | None
    merged_into_id: int | None


def _report(row: Row[Any]) -> Report:
    end = row.window_end_at or row.occurred_at + timedelta(seconds=row.duration_seconds or 0)
    return Report(
        id=row.id,
        occurred_at=row.occurred_at,
        ended_at=end,
        duration_seconds=row.duration_seconds,
        jerk_count=row.jerk_count,
        kind=row.kind,
        setting=row.setting,
        triggers=tuple(row.triggers or ()),
        rescue=row.rescue_medication is not None,
        named_witness=bool(row.observer),
        timed=row.source == "timer",
        created_at=row.created_at,
        reporter_id=row.reporter_id,
        merged_into_id=row.merged_into_id,
    )


async def reports(
    session: AsyncSession, child_id: int, start: datetime, end: datetime
) -> tuple[list[Report], list[Report]]:
    """The episodes counted in ``[start, end)``, oldest first, and the second reports of them.

    Deleted reports count nowhere; a report merged into another is not a separate episode
    but a second observer of that one, whenever it was said to have happened.
    """
    in_period = (
        Episode.child_id == child_id,
        Episode.occurred_at >= start,
        Episode.occurred_at < end,
        Episode.deleted_at.is_(None),
        Episode.merged_into_id.is_(None),
    )
    rows = await session.execute(
        select(*_COLUMNS).where(*in_period).order_by(Episode.occurred_at, Episode.id)
    )
    counted = select(Episode.id).where(*in_period)
    seconds = await session.execute(
        select(*_COLUMNS)
        .where(
            Episode.merged_into_id.in_(counted.scalar_subquery()),
            Episode.deleted_at.is_(None),
        )
        .order_by(Episode.id)
    )
    return [_report(row) for row in rows], [_report(row) for row in seconds]


async def doses(
    session: AsyncSession, child_id: int, start: datetime, end: datetime
) -> list[DoseLog]:
    """What happened to each dose scheduled in ``[start, end)``, in time order."""
    return list(
        await session.scalars(
            select(DoseLog)
            .where(
                DoseLog.child_id == child_id,
                DoseLog.scheduled_at >= start,
                DoseLog.scheduled_at < end,
            )
            .order_by(DoseLog.scheduled_at, DoseLog.id)
        )
    )


async def roles(session: AsyncSession, child_id: int) -> dict[int, Role]:
    """The role each person has (or had, before leaving) on the child's team."""
    rows = await session.execute(
        select(Membership.person_id, Membership.role).where(Membership.child_id == child_id)
    )
    return {person_id: role for person_id, role in rows}


async def titrations(session: AsyncSession, ids: set[int]) -> dict[int, Titration]:
    """The titration plans with these ids."""
    found = await session.scalars(select(Titration).where(Titration.id.in_(ids)))
    return {plan.id: plan for plan in found}


async def medicine_names(session: AsyncSession, child_id: int) -> dict[int, str]:
    """The name of each of the child's medicines, by id."""
    rows = await session.execute(
        select(Medication.id, Medication.name).where(Medication.child_id == child_id)
    )
    return {id_: name for id_, name in rows}
