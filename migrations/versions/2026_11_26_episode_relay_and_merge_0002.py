"""episode source, relay time and merged duplicates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("episode") as batch:
        batch.add_column(sa.Column("source", sa.String(length=16), nullable=True))
        batch.add_column(
            sa.Column("relayed_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_episode_merged_into_id_episode"),
            "episode",
            ["merged_into_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(batch.f("ix_episode_merged_into_id"), ["merged_into_id"])
    # Episodes saved before this revision were never held back: count them as told.
    op.execute("UPDATE episode SET relayed_at = created_at WHERE relayed_at IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("episode") as batch:
        batch.drop_index(batch.f("ix_episode_merged_into_id"))
        batch.drop_constraint(batch.f("fk_episode_merged_into_id_episode"), type_="foreignkey")
        batch.drop_column("merged_into_id")
        batch.drop_column("relayed_at")
        batch.drop_column("source")
