"""Queued messages: split on line boundaries, buttons last, written in the caller's transaction."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from bot.callbacks import Callback
from bot.delivery.outbox import enqueue, keyboard_json, split_text, withdraw
from bot.replies import Button, Reply
from models import Outbox, OutboxFile, OutboxStatus
from models.session import Database
from tests.factories import make_child

lines = st.lists(
    st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=120), max_size=80
)


@given(lines=lines, limit=st.integers(min_value=130, max_value=500))
def test_split_parts_fit_and_rejoin_to_the_original(lines: list[str], limit: int) -> None:
    text = "\n".join(lines)

    parts = split_text(text, limit)

    assert all(len(part) <= limit for part in parts)
    assert "\n".join(parts) == text


def test_a_short_text_is_one_part() -> None:
    assert split_text("Lily had a jerk at 10:15") == ["Lily had a jerk at 10:15"]


def test_a_line_longer_than_the_limit_is_cut_hard() -> None:
    assert split_text("a" * 10, limit=4) == ["aaaa", "aaaa", "aa"]


def test_buttons_become_an_inline_keyboard() -> None:
    buttons = [[Button("Help", Callback("menu", 0, "help"))], [Button("Site", url="https://x.org")]]

    assert keyboard_json(buttons) == {
        "inline_keyboard": [
            [{"text": "Help", "callback_data": "menu:0:help"}],
            [{"text": "Site", "url": "https://x.org"}],
        ]
    }


async def test_a_long_message_is_queued_in_order_with_buttons_on_the_last_part(
    db: Database,
) -> None:
    text = "\n".join(f"line {n}: " + "x" * 90 for n in range(100))
    reply = Reply(text, [[Button("Help", Callback("menu", 0, "help"))]])

    async with db.transaction() as session:
        await enqueue(session, -100, reply)

    async with db.open_session() as session:
        rows = list(await session.scalars(select(Outbox).order_by(Outbox.id)))
    assert len(rows) == 3
    assert "\n".join(r.payload["text"] for r in rows) == text
    assert [("reply_markup" in r.payload) for r in rows] == [False, False, True]
    assert {r.status for r in rows} == {OutboxStatus.PENDING}


async def test_nothing_is_queued_when_the_callers_transaction_rolls_back(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.transaction() as session:
            await enqueue(session, -100, Reply("relay"))
            raise RuntimeError("the report could not be saved")

    async with db.open_session() as session:
        assert list(await session.scalars(select(Outbox))) == []


async def test_a_photo_is_one_send_photo_row_with_its_bytes_beside_it(db: Database) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"x" * 1000
    reply = Reply("📋 <b>Lily</b>", [[Button("Help", Callback("menu", 0, "help"))]], photo=png)

    async with db.transaction() as session:
        [row] = await enqueue(session, -100, reply)

    async with db.open_session() as session:
        stored = await session.get(Outbox, row.id)
        file = await session.get(OutboxFile, row.id)
    assert stored is not None and stored.method == "sendPhoto"
    assert stored.payload == {
        "caption": "📋 <b>Lily</b>",
        "parse_mode": "HTML",
        "reply_markup": {"inline_keyboard": [[{"text": "Help", "callback_data": "menu:0:help"}]]},
    }
    assert file is not None and file.content == png


async def test_a_caption_over_telegrams_limit_is_a_bug_not_a_queued_failure(db: Database) -> None:
    async with db.transaction() as session:
        with pytest.raises(ValueError, match="caption"):
            await enqueue(session, -100, Reply("x" * 1025, photo=b"\x89PNG"))


async def test_withdrawing_gives_up_only_that_childs_news_still_queued_for_that_chat(
    db: Database, frozen_clock
) -> None:
    async with db.transaction() as session:
        lily, max_ = await make_child(session, "Lily"), await make_child(session, "Max")
        [sent] = await enqueue(session, 42, Reply("Lily, sent"), child_id=lily.id)
        sent.status = OutboxStatus.SENT
        await enqueue(session, 42, Reply("Lily's dose"), child_id=lily.id)
        await enqueue(session, 42, Reply("Max's dose"), child_id=max_.id)
        await enqueue(session, 43, Reply("Lily's dose, elsewhere"), child_id=lily.id)

    async with db.transaction() as session:
        await withdraw(session, 42, lily.id, "left the team")

    async with db.open_session() as session:
        rows = await session.scalars(select(Outbox).order_by(Outbox.id))
        found = [(r.chat_id, r.payload["text"], r.status, r.last_error) for r in rows]
    assert found == [
        (42, "Lily, sent", OutboxStatus.SENT, None),
        (42, "Lily's dose", OutboxStatus.FAILED, "left the team"),
        (42, "Max's dose", OutboxStatus.PENDING, None),
        (43, "Lily's dose, elsewhere", OutboxStatus.PENDING, None),
    ]
