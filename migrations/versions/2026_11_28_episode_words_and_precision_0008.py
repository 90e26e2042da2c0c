"""episode: the line as typed, time precision, duration and count bounds, explicit no rescue

Adds ``text_as_typed``, ``time_precision`` (exact | about | part_of_day | day; existing
episodes are exact, as they were read), ``duration_max_seconds`` and ``duration_bound``
(range | under | over), ``count_max``, ``count_approximate`` and ``no_rescue``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRECISIONS = ("exact", "about", "part_of_day", "day")
BOUNDS = ("range", "under", "over")


def upgrade() -> None:
    with op.batch_alter_table("episode") as batch:
        batch.add_column(sa.Column("duration_max_seconds", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column(
                "duration_bound",
                sa.Enum(*BOUNDS, name="duration_bound", native_enum=False, create_constraint=True),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("count_max", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("count_approximate", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(
            sa.Column("no_rescue", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("text_as_typed", sa.Text(), nullable=True))
        batch.add_column(
            sa.Column(
                "time_precision",
                sa.Enum(
                    *PRECISIONS, name="time_precision", native_enum=False, create_constraint=True
                ),
                server_default="exact",
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("episode") as batch:
        batch.drop_constraint(batch.f("ck_episode_time_precision"), type_="check")
        batch.drop_constraint(batch.f("ck_episode_duration_bound"), type_="check")
        for column in (
            "time_precision", "text_as_typed", "no_rescue", "count_approximate", "count_max",
            "duration_bound", "duration_max_seconds",
        ):  # fmt: skip
            batch.drop_column(column)
