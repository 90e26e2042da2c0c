"""Updates fetched from Telegram, kept until handled so a crash between the two loses none."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, JSONData


class InboxUpdate(Base):
    """One raw update, written before Telegram is told it was received, deleted once handled."""

    __tablename__ = "inbox_update"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[dict[str, Any]] = mapped_column(JSONData)
    received_at: Mapped[datetime]
