"""Episode reports: what was seen, when, where, and by whom."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
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
    jerk_count: Mapped[int | None]
    kind: Mapped[EpisodeKind | None] = mapped_column(str_enum(EpisodeKind, "episode_kind"))
    body_parts: Mapped[list[str]] = mapped_column(JSONData, default=list)
    intensity: Mapped[Intensity | None] = mapped_column(str_enum(Intensity, "intensity"))
    awareness: Mapped[str | None] = mapped_column(String(32))
    setting: Mapped[str | None] = mapped_column(String(32))
    triggers: Mapped[list[str]] = mapped_column(JSONData, default=list)
    rescue_medication: Mapped[str | None] = mapped_column(String(128))
    injury: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str | None] = mapped_column(Text)
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
