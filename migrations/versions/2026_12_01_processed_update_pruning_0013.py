"""index processed_update by processed_at, for pruning old marks

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("processed_update", schema=None) as batch_op:
        batch_op.create_index("ix_processed_update_processed_at", ["processed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("processed_update", schema=None) as batch_op:
        batch_op.drop_index("ix_processed_update_processed_at")
