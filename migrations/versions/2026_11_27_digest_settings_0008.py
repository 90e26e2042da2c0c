"""cluster rule per child, and one child's doses of a period by index

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("child") as batch:
        batch.add_column(
            sa.Column("cluster_episodes", sa.Integer(), server_default="3", nullable=False)
        )
        batch.add_column(
            sa.Column("cluster_hours", sa.Integer(), server_default="24", nullable=False)
        )
    with op.batch_alter_table("dose_log") as batch:
        batch.create_index(
            "ix_dose_log_child_id_scheduled_at", ["child_id", "scheduled_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("dose_log") as batch:
        batch.drop_index("ix_dose_log_child_id_scheduled_at")
    with op.batch_alter_table("child") as batch:
        batch.drop_column("cluster_hours")
        batch.drop_column("cluster_episodes")
