"""Episode reports: what was seen, when, where, and by whom."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, JSONData, str_enum


class EpisodeKind(enum.StrEnum):
    SINGLE_JERK = "single_jerk"
    CLUSTER = "cluster"
    FALL = "fall"
    ABSENCE = "absence"
    GENERALIZED = "generalized"
    OTHER = "other"


class Intensity(enum.StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


class TimePrecision(enum.StrEnum):
    """How precisely the start was said: "at 7:15", "around 7", "this morning", "yesterday"."""

    EXACT = "exact"
    ABOUT = "about"
    PART_OF_DAY = "part_of_day"
    DAY = "day"


class DurationBound(enum.StrEnum):
    """What a duration's numbers mean beyond a single value: "2-3 min", "under 10 s", "over 5 min".

    RANGE: ``duration_seconds`` to ``duration_max_seconds``; UNDER: at most
    ``duration_max_seconds`` (``duration_seconds`` is None); OVER: at least ``duration_seconds``.
    """

    RANGE = "range"
    UNDER = "under"
    OVER = "over"


class Episode(CreatedAt, Base):
    """One observed episode, or a series of jerks counted over a window."""

    __tablename__ = "episode"
    __table_args__ = (
        Index("ix_episode_child_id_occurred_at", "child_id", "occurred_at"),
        Index("ix_episode_merged_into_id", "merged_into_id"),
        Index("ix_episode_source_chat_id_source_message_id", "source_chat_id", "source_message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    observer: Mapped[str | None] = mapped_column(String(128))
    occurred_at: Mapped[datetime]
    window_end_at: Mapped[datetime | None]
    duration_seconds: Mapped[int | None]
    duration_max_seconds: Mapped[int | None]
    duration_bound: Mapped[DurationBound | None] = mapped_column(
        str_enum(DurationBound, "duration_bound")
    )
    jerk_count: Mapped[int | None]
    count_max: Mapped[int | None]
    count_approximate: Mapped[bool] = mapped_column(default=False, server_default=false())
    kind: Mapped[EpisodeKind | None] = mapped_column(str_enum(EpisodeKind, "episode_kind"))
    body_parts: Mapped[list[str]] = mapped_column(JSONData, default=list)
    intensity: Mapped[Intensity | None] = mapped_column(str_enum(Intensity, "intensity"))
    awareness: Mapped[str | None] = mapped_column(String(32))
    setting: Mapped[str | None] = mapped_column(String(32))
    triggers: Mapped[list[str]] = mapped_column(JSONData, default=list)
    rescue_medication: Mapped[str | None] = mapped_column(String(128))
    # "gave nothing", "no meds given": the reporter said that no rescue medicine was given.
    no_rescue: Mapped[bool] = mapped_column(default=False, server_default=false())
    injury: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    # The report as its reporter typed it (None for the guided report and the timer).
    text_as_typed: Mapped[str | None] = mapped_column(Text)
    time_precision: Mapped[TimePrecision] = mapped_column(
        str_enum(TimePrecision, "time_precision"),
        default=TimePrecision.EXACT,
        server_default=TimePrecision.EXACT.value,
    )
    attachment_file_ids: Mapped[list[str]] = mapped_column(JSONData, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    corrected_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    # How it was entered: "line" (/e …), "wizard" or "timer".
    source: Mapped[str | None] = mapped_column(String(16))
    # The Telegram message a one-line report was typed in, so an edit of it is a correction.
    source_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # None while its reporter is asked "same episode?"; the team has not been told yet.
    relayed_at: Mapped[datetime | None]
    # A second report of the same episode is kept, hidden, as a second observer of this one.
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("episode.id", ondelete="SET NULL")
    )


class EpisodeCopy(Base):
    """One message relaying an episode (an outbox row), edited when the record changes."""

    __tablename__ = "episode_copy"

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), primary_key=True
    )
    outbox_id: Mapped[int] = mapped_column(
        ForeignKey("outbox.id", ondelete="CASCADE"), primary_key=True
    )
