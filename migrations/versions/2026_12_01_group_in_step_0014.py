"""the group in step with the team: strangers, members out of it, bot rights, topic, card copies

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MOMENT = models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("membership") as batch:
        batch.add_column(
            sa.Column("out_of_group", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    with op.batch_alter_table("team_chat") as batch:
        batch.add_column(
            sa.Column("bot_admin", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("topic_id", sa.BigInteger(), nullable=True))
    op.create_table(
        "group_stranger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_chat_id", sa.Integer(), nullable=False),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column("first_name", sa.String(length=128), nullable=False),
        sa.Column("joined_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["team_chat_id"],
            ["team_chat.id"],
            name=op.f("fk_group_stranger_team_chat_id_team_chat"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_stranger")),
        sa.UniqueConstraint(
            "team_chat_id",
            "telegram_user_id",
            name=op.f("uq_group_stranger_team_chat_id_telegram_user_id"),
        ),
    )

    op.create_table(
        "episode_copy",
        sa.Column("episode_id", sa.Integer(), nullable=False),
        sa.Column("outbox_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["episode_id"],
            ["episode.id"],
            name=op.f("fk_episode_copy_episode_id_episode"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outbox_id"],
            ["outbox.id"],
            name=op.f("fk_episode_copy_outbox_id_outbox"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("episode_id", "outbox_id", name=op.f("pk_episode_copy")),
    )


def downgrade() -> None:
    op.drop_table("episode_copy")
    op.drop_table("group_stranger")
    with op.batch_alter_table("team_chat") as batch:
        batch.drop_column("topic_id")
        batch.drop_column("bot_admin")
    with op.batch_alter_table("membership") as batch:
        batch.drop_column("out_of_group")
