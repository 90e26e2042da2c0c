"""The demo's transcript: plain lines per message, buttons as [ Label ], a header per chat."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.demo.transcript import Transcript, body_of, buttons
from bot.sandbox.client import Chat, Message

ANNA = {"id": 7, "is_bot": False, "first_name": "Anna"}
BOT = {"id": 1, "is_bot": True, "first_name": "CareCircle"}
NOON = int(datetime(2026, 11, 25, 12, 0, tzinfo=UTC).timestamp())
LATER = datetime(2026, 11, 25, 12, 0, 10, tzinfo=UTC)


def test_inline_buttons_show_row_by_row_and_a_reply_keyboard_is_marked() -> None:
    inline = {
        "inline_keyboard": [[{"text": "✅ Given"}, {"text": "⏭ Skipped"}], [{"text": "Back"}]]
    }
    keyboard = {"keyboard": [[{"text": "📝 Report episode"}, "⏱ Seizure timer"]]}

    assert buttons(inline) == ["[ ✅ Given ] [ ⏭ Skipped ]", "[ Back ]"]
    assert buttons(keyboard) == ["⌨ [ 📝 Report episode ] [ ⏱ Seizure timer ]"]
    assert buttons({"remove_keyboard": True}) == buttons(None) == []


def test_a_message_reads_as_its_file_its_text_then_its_buttons() -> None:
    raw = {
        "from": BOT,
        "date": NOON,
        "document": {"file_name": "carecircle-Lily.pdf"},
        "caption": "📎 Lily's record\nMade today",
        "reply_markup": {"inline_keyboard": [[{"text": "OK"}]]},
    }

    assert body_of(raw, "g") == (
        "📎 carecircle-Lily.pdf",
        "📎 Lily's record",
        "Made today",
        "[ OK ]",
    )
    assert body_of({"from": ANNA, "service": {"new_chat_members": [BOT]}}, "g") == (
        "· Anna added CareCircle ·",
    )


class _Chat(Chat):
    """A chat whose messages the test gives, as the control API would."""

    def __init__(self, raws: list[dict[str, Any]]) -> None:
        self.id, self.raws = 7, raws

    async def messages(self) -> list[Message]:
        return [Message.from_json({"message_id": i + 1, **raw}) for i, raw in enumerate(self.raws)]


async def test_new_messages_print_once_and_an_edit_prints_again_marked() -> None:
    lines: list[str] = []
    chat = _Chat([{"from": ANNA, "date": NOON, "text": "/timer"}])
    transcript = Transcript(ZoneInfo("Europe/London"), lines.append, lambda: LATER)
    transcript.watch(chat, "Anna's chat with CareCircle")

    await transcript.catch_up()
    chat.raws.append({"from": BOT, "date": NOON, "text": "⏱ 0:00"})
    await transcript.catch_up()
    chat.raws[1] = {"from": BOT, "date": NOON, "text": "⏱ 0:10"}
    await transcript.catch_up()

    assert lines == [
        "\n═══ Wednesday 25 November ═══",
        "\n12:00 · Anna's chat with CareCircle",
        "   Anna: /timer",
        "   CareCircle: ⏱ 0:00",
        "   CareCircle (edited): ⏱ 0:10",
    ]
