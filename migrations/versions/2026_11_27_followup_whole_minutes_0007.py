"""follow-up due times on whole minutes

Follow-ups made with "in N minutes/hours" were stored with seconds, while the keys and
payloads of their timed messages name the occurrence to the minute (``20261125T1001``),
so every notice of such a follow-up was dropped as "moved". This drops the seconds of
``followup.due_at`` and ``followup.first_local``. A stamp is the UTC minute the time falls
in, so the rounded time is exactly the occurrence its already scheduled messages name.
No schema change.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FOLLOWUP = sa.table(
    "followup",
    sa.column("id", sa.Integer()),
    sa.column("due_at", models.base.UTCDateTime()),
    sa.column("first_local", sa.DateTime()),
)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(FOLLOWUP.c.id, FOLLOWUP.c.due_at, FOLLOWUP.c.first_local))
    for followup_id, due_at, first_local in rows.all():
        values = {
            name: moment.replace(second=0, microsecond=0)
            for name, moment in (("due_at", due_at), ("first_local", first_local))
            if moment is not None and (moment.second or moment.microsecond)
        }
        if values:
            connection.execute(
                FOLLOWUP.update().where(FOLLOWUP.c.id == followup_id).values(**values)
            )


def downgrade() -> None:
    """The seconds dropped carried no meaning; nothing to restore."""
