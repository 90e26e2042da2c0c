"""a child's bedtime and weight; the per-kg figure of a medication change

``child.bedtime`` (local HH:MM, default 20:00) is what "at night" and "at bedtime" mean in
``/med``; ``child.weight_kg`` and ``child.weight_recorded_at`` keep the last weight, asked
for the first dose typed in mg/kg/day. A change typed in mg/kg/day stores the computed dose
in mg, and the figure and weight it came from in ``dose_per_kg_day`` and ``weight_kg``.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("child") as batch:
        batch.add_column(
            sa.Column("bedtime", sa.String(length=5), server_default="20:00", nullable=False)
        )
        batch.add_column(sa.Column("weight_kg", sa.Numeric(5, 2), nullable=True))
        batch.add_column(
            sa.Column("weight_recorded_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("medication_change") as batch:
        batch.add_column(sa.Column("dose_per_kg_day", sa.Numeric(12, 4), nullable=True))
        batch.add_column(sa.Column("weight_kg", sa.Numeric(5, 2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("medication_change") as batch:
        batch.drop_column("weight_kg")
        batch.drop_column("dose_per_kg_day")
    with op.batch_alter_table("child") as batch:
        batch.drop_column("weight_recorded_at")
        batch.drop_column("weight_kg")
        batch.drop_column("bedtime")
