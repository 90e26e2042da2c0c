"""medication regimen history, titration plans, dose duties and dose reminders

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
ROLES = ("guardian", "caregiver", "educator", "clinician")
TITRATION_STATUSES = ("active", "paused", "done", "ended")


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(
        *values,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(value) for value in values),
    )


def _created_at() -> sa.Column:
    return sa.Column(
        "created_at",
        models.base.UTCDateTime(timezone=True),
        server_default=sa.func.now(),
        nullable=False,
    )


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _titration() -> None:
    op.create_table(
        "titration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("medication_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Numeric(precision=12, scale=4), nullable=False),
        sa.Column("unit", sa.String(length=16), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("target", sa.Numeric(precision=12, scale=4), nullable=False),
        sa.Column("status", _enum(TITRATION_STATUSES, "titration_status"), nullable=False),
        sa.Column("next_step_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("steps_done", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        _created_at(),
        _fk("titration", "medication_id", "medication", "CASCADE"),
        _fk("titration", "child_id", "child", "CASCADE"),
        _fk("titration", "created_by_id", "person", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_titration")),
    )
    with op.batch_alter_table("titration") as batch:
        batch.create_index("ix_titration_medication_id", ["medication_id"], unique=False)


def _dose_duty() -> None:
    op.create_table(
        "dose_duty",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("time_of_day", sa.String(length=5), nullable=False),
        sa.Column("roles", JSON, nullable=False),
        sa.Column("membership_ids", JSON, nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", models.base.UTCDateTime(timezone=True), nullable=False),
        _fk("dose_duty", "child_id", "child", "CASCADE"),
        _fk("dose_duty", "updated_by_id", "person", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dose_duty")),
        sa.UniqueConstraint(
            "child_id", "time_of_day", name=op.f("uq_dose_duty_child_id_time_of_day")
        ),
    )


def _dose_reminder() -> None:
    op.create_table(
        "dose_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("medication_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("dose_amount", sa.Numeric(precision=12, scale=4), nullable=False),
        sa.Column("dose_unit", sa.String(length=16), nullable=False),
        sa.Column("copies", JSON, nullable=False),
        sa.Column("alerts", JSON, nullable=False),
        sa.Column("times_sent", sa.Integer(), nullable=False),
        _created_at(),
        _fk("dose_reminder", "medication_id", "medication", "CASCADE"),
        _fk("dose_reminder", "child_id", "child", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dose_reminder")),
        sa.UniqueConstraint(
            "medication_id",
            "scheduled_at",
            name=op.f("uq_dose_reminder_medication_id_scheduled_at"),
        ),
    )
    with op.batch_alter_table("dose_reminder") as batch:
        batch.create_index(
            "ix_dose_reminder_child_id_scheduled_at", ["child_id", "scheduled_at"], unique=False
        )


def upgrade() -> None:
    _titration()
    _dose_duty()
    _dose_reminder()
    with op.batch_alter_table("dose_log") as batch:
        batch.add_column(sa.Column("acknowledged_by_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("acknowledged_at", models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch.create_foreign_key(
            batch.f("fk_dose_log_acknowledged_by_id_person"),
            "person",
            ["acknowledged_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # A change's times of day become optional: NULL means "unchanged".
    with op.batch_alter_table("medication_change") as batch:
        batch.add_column(sa.Column("recorded_role", _enum(ROLES, "recorded_role"), nullable=True))
        batch.add_column(sa.Column("titration_id", sa.Integer(), nullable=True))
        batch.alter_column("schedule_times", existing_type=JSON, nullable=True)
        batch.create_foreign_key(
            batch.f("fk_medication_change_titration_id_titration"),
            "titration",
            ["titration_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("medication_change") as batch:
        batch.drop_constraint(
            batch.f("fk_medication_change_titration_id_titration"), type_="foreignkey"
        )
        batch.drop_constraint(op.f("ck_medication_change_recorded_role"), type_="check")
        batch.drop_column("titration_id")
        batch.drop_column("recorded_role")
    # Before this revision every change listed its times: fill the "unchanged" ones in.
    op.execute("UPDATE medication_change SET schedule_times = '[]' WHERE schedule_times IS NULL")
    with op.batch_alter_table("medication_change") as batch:
        batch.alter_column("schedule_times", existing_type=JSON, nullable=False)
    with op.batch_alter_table("dose_log") as batch:
        batch.drop_constraint(batch.f("fk_dose_log_acknowledged_by_id_person"), type_="foreignkey")
        batch.drop_column("acknowledged_at")
        batch.drop_column("acknowledged_by_id")
    op.drop_table("dose_reminder")
    op.drop_table("dose_duty")
    op.drop_table("titration")
