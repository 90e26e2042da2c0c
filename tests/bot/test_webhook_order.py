"""Which stored webhook updates may be handled now: each chat's oldest, so each chat keeps order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.webhook import chat_key, heads


def message(update_id: int, chat_id: int) -> dict:
    return {
        "update_id": update_id,
        "message": {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": "private"}},
    }


def press(update_id: int, chat_id: int, user_id: int) -> dict:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": "q",
            "from": {"id": user_id, "is_bot": False, "first_name": "A"},
            "chat_instance": "c",
            "message": {"message_id": 1, "date": 0, "chat": {"id": chat_id, "type": "group"}},
            "data": "x",
        },
    }


def test_a_button_press_belongs_to_the_chat_of_its_message() -> None:
    assert chat_key(press(1, -100, 7)) == chat_key(message(2, -100))
    assert chat_key(press(1, -100, 7)) != chat_key(message(2, 7))


def test_an_update_with_no_chat_belongs_to_its_person_or_else_to_itself() -> None:
    inline = {
        "update_id": 3,
        "inline_query": {"id": "i", "from": {"id": 7}, "query": "", "offset": ""},
    }
    assert chat_key(inline) == ("person", 7)
    assert chat_key({"update_id": 4, "poll": {"id": "p"}}) == ("update", 4)
    assert chat_key({"update_id": 5, "garbage": "text"}) == ("update", 5)


@given(st.lists(st.integers(min_value=1, max_value=5), max_size=30))
def test_only_the_oldest_update_of_each_chat_may_go(chats: list[int]) -> None:
    rows = [(n, message(n, chat)) for n, chat in enumerate(chats, start=1)]

    ready = heads(rows)

    assert ready == sorted(ready)
    assert len(ready) == len(set(chats))  # one per chat
    for update_id in ready:
        chat = chats[update_id - 1]
        assert chat not in chats[: update_id - 1]  # nothing older of that chat waits
