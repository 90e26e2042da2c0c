"""digest delivery: schedules, reads, a person's own zone, group digests, outbox files

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MOMENT = models.base.UTCDateTime(timezone=True)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("timezone", sa.String(length=64), nullable=True))
    with op.batch_alter_table("child") as batch:
        batch.add_column(
            sa.Column("group_digests", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        "digest_subscription",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column(
            "cadence",
            sa.Enum(
                "weekly",
                "monthly",
                name="digest_cadence",
                native_enum=False,
                create_constraint=True,
                length=7,
            ),
            nullable=False,
        ),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("hour", sa.Integer(), nullable=False),
        sa.Column("next_due_at", MOMENT, nullable=True),
        sa.Column("created_at", MOMENT, server_default=sa.func.now(), nullable=False),
        _fk("digest_subscription", "person_id", "person"),
        _fk("digest_subscription", "child_id", "child"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_subscription")),
        sa.UniqueConstraint(
            "person_id", "child_id", name=op.f("uq_digest_subscription_person_id_child_id")
        ),
    )
    with op.batch_alter_table("digest_subscription") as batch:
        batch.create_index("ix_digest_subscription_child_id", ["child_id"], unique=False)
    op.create_table(
        "digest_read",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("first", sa.Date(), nullable=False),
        sa.Column("last", sa.Date(), nullable=False),
        sa.Column("read_at", MOMENT, nullable=False),
        _fk("digest_read", "person_id", "person"),
        _fk("digest_read", "child_id", "child"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_read")),
        sa.UniqueConstraint(
            "person_id",
            "child_id",
            "first",
            "last",
            name=op.f("uq_digest_read_person_id_child_id_first_last"),
        ),
    )
    op.create_table(
        "outbox_file",
        sa.Column("outbox_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("filename", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        _fk("outbox_file", "outbox_id", "outbox"),
        sa.PrimaryKeyConstraint("outbox_id", name=op.f("pk_outbox_file")),
    )


def downgrade() -> None:
    op.drop_table("outbox_file")
    op.drop_table("digest_read")
    with op.batch_alter_table("digest_subscription") as batch:
        batch.drop_index("ix_digest_subscription_child_id")
    op.drop_table("digest_subscription")
    with op.batch_alter_table("child") as batch:
        batch.drop_column("group_digests")
    with op.batch_alter_table("person") as batch:
        batch.drop_column("timezone")
