"""follow-ups, and the reminder table as the one scheduler's rows

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import models.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
KINDS = ("followup", "test", "dose", "custom")
OLD_STATUSES = ("pending", "claimed", "sent", "missed", "cancelled")
NEW_STATUSES = (*OLD_STATUSES, "failed")


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(
        *values,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(value) for value in values),
    )


def upgrade() -> None:
    op.create_table(
        "followup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum(KINDS, "followup_kind"), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("due_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("recurrence", sa.String(length=128), nullable=True),
        sa.Column("first_local", sa.DateTime(), nullable=True),
        sa.Column("notices", JSON, nullable=False),
        sa.Column(
            "status", _enum(("active", "done", "cancelled"), "followup_status"), nullable=False
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            models.base.UTCDateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["child_id"], ["child.id"], name=op.f("fk_followup_child_id_child"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["person.id"],
            name=op.f("fk_followup_created_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup")),
    )
    with op.batch_alter_table("followup") as batch:
        batch.create_index("ix_followup_child_id_status", ["child_id", "status"], unique=False)

    # What a notice is about now lives in ``followup``; ``kind`` names the handler that sends it.
    with op.batch_alter_table("reminder") as batch:
        batch.drop_constraint(op.f("fk_reminder_created_by_id_person"), type_="foreignkey")
        batch.drop_column("created_by_id")
        batch.drop_column("title")
        batch.drop_column("notify_offsets")
        batch.drop_constraint(op.f("ck_reminder_reminder_kind"), type_="check")
        batch.alter_column("kind", existing_type=sa.String(length=8), type_=sa.String(length=64))
        batch.drop_constraint(op.f("ck_reminder_reminder_status"), type_="check")
        batch.alter_column(
            "status",
            existing_type=sa.String(length=9),
            type_=_enum(NEW_STATUSES, "reminder_status"),
        )
        batch.alter_column("child_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(
            sa.Column("expires_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("first_local", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("last_error", sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM reminder")  # the old shape cannot hold rows without a title
    with op.batch_alter_table("reminder") as batch:
        batch.drop_column("last_error")
        batch.drop_column("attempts")
        batch.drop_column("first_local")
        batch.drop_column("expires_at")
        batch.alter_column("child_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_constraint(op.f("ck_reminder_reminder_status"), type_="check")
        batch.alter_column(
            "status",
            existing_type=sa.String(length=9),
            type_=_enum(OLD_STATUSES, "reminder_status"),
        )
        batch.alter_column(
            "kind", existing_type=sa.String(length=64), type_=_enum(KINDS, "reminder_kind")
        )
        batch.add_column(sa.Column("notify_offsets", JSON, nullable=False))
        batch.add_column(sa.Column("title", sa.Text(), nullable=False))
        batch.add_column(sa.Column("created_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_reminder_created_by_id_person"),
            "person",
            ["created_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("followup") as batch:
        batch.drop_index("ix_followup_child_id_status")
    op.drop_table("followup")
