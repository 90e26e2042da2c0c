"""The care team: a child, the people around them, their roles, the linked group and invitations."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, ForeignKey, Index, Numeric, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, str_enum


class Role(enum.StrEnum):
    GUARDIAN = "guardian"
    CAREGIVER = "caregiver"
    EDUCATOR = "educator"
    CLINICIAN = "clinician"


class NotifyPreference(enum.StrEnum):
    GROUP = "group"
    PRIVATE = "private"
    DIGEST = "digest"


DEFAULT_EMERGENCY_THRESHOLD_SECONDS = 5 * 60
# A cluster, by default: 3 or more episodes within 24 hours (a per-child setting).
DEFAULT_CLUSTER_EPISODES = 3
DEFAULT_CLUSTER_HOURS = 24
DEFAULT_BEDTIME = "20:00"


class Child(CreatedAt, Base):
    """The child a care team is built around."""

    __tablename__ = "child"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    birth_year: Mapped[int | None]
    timezone: Mapped[str] = mapped_column(String(64))
    # The team's language, which its linked group reads: the linking guardian's by default.
    language: Mapped[str | None] = mapped_column(String(16))
    action_plan: Mapped[str | None] = mapped_column(Text)
    emergency_threshold_seconds: Mapped[int] = mapped_column(
        default=DEFAULT_EMERGENCY_THRESHOLD_SECONDS
    )
    cluster_episodes: Mapped[int] = mapped_column(
        default=DEFAULT_CLUSTER_EPISODES, server_default=str(DEFAULT_CLUSTER_EPISODES)
    )
    cluster_hours: Mapped[int] = mapped_column(
        default=DEFAULT_CLUSTER_HOURS, server_default=str(DEFAULT_CLUSTER_HOURS)
    )
    # The team's bedtime (local HH:MM): what "at night" / "at bedtime" means for a dose.
    bedtime: Mapped[str] = mapped_column(
        String(5), default=DEFAULT_BEDTIME, server_default=DEFAULT_BEDTIME
    )
    # The last weight recorded, for doses in mg/kg/day, and when it was recorded.
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(5, 2, asdecimal=True))
    weight_recorded_at: Mapped[datetime | None]
    # A guardian may let /digest show the figures in the team group; private otherwise.
    group_digests: Mapped[bool] = mapped_column(default=False, server_default=false())


class Person(CreatedAt, Base):
    """A Telegram user the bot has met."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(String(128))
    last_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64))
    language_code: Mapped[str | None] = mapped_column(String(16))
    # Telegram refuses private messages to users who never opened a chat with the bot.
    started_bot: Mapped[bool] = mapped_column(default=False)
    default_child_id: Mapped[int | None] = mapped_column(
        ForeignKey("child.id", ondelete="SET NULL")
    )
    # Their own IANA zone, for what comes on their schedule; None means their child's zone.
    timezone: Mapped[str | None] = mapped_column(String(64))


class Membership(Base):
    """A person's place, with a role, on one child's care team."""

    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("child_id", "person_id"),
        Index("ix_membership_person_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    notify: Mapped[NotifyPreference] = mapped_column(
        str_enum(NotifyPreference, "notify"), default=NotifyPreference.GROUP
    )
    # Turned off when Telegram answers 403 to a private message (blocked, never started).
    private_delivery_ok: Mapped[bool] = mapped_column(default=True)
    # They left the team's Telegram group (or were never in it): its news comes privately.
    out_of_group: Mapped[bool] = mapped_column(default=False, server_default=false())
    joined_at: Mapped[datetime]
    left_at: Mapped[datetime | None]


class TeamChat(Base):
    """The Telegram group linked to a child's team; the link holds by chat id."""

    __tablename__ = "team_chat"

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"), unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    title: Mapped[str | None] = mapped_column(String(255))
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    linked_at: Mapped[datetime]
    # Whether the bot is an administrator there (it can remove people and make join links).
    bot_admin: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The forum topic the team's news goes to; None is the General topic (or no forum).
    topic_id: Mapped[int | None] = mapped_column(BigInteger)


class GroupStranger(Base):
    """Someone in a team's group who is not on the team; the group hears no news meanwhile."""

    __tablename__ = "group_stranger"
    __table_args__ = (UniqueConstraint("team_chat_id", "telegram_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_chat_id: Mapped[int] = mapped_column(ForeignKey("team_chat.id", ondelete="CASCADE"))
    telegram_user_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(128))
    joined_at: Mapped[datetime]


class Invite(CreatedAt, Base):
    """A one-time invitation; only a hash of its token is kept."""

    __tablename__ = "invite"
    __table_args__ = (Index("ix_invite_child_id", "child_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("child.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(str_enum(Role, "invite_role"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime]
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
