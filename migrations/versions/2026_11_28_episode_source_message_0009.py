"""the message a one-line report was typed in

An edited ``/e`` line corrects its report; ``episode.source_chat_id`` and
``source_message_id`` say which message that was. Earlier reports have none, so an
edit of them is answered with how to correct instead.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("episode") as batch:
        batch.add_column(sa.Column("source_chat_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("source_message_id", sa.BigInteger(), nullable=True))
        batch.create_index(
            "ix_episode_source_chat_id_source_message_id",
            ["source_chat_id", "source_message_id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("episode") as batch:
        batch.drop_index("ix_episode_source_chat_id_source_message_id")
        batch.drop_column("source_message_id")
        batch.drop_column("source_chat_id")
