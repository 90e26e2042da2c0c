"""An edited message reaches only the edits handler, whatever it says; /e lines are found."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from telegram import Chat, Message, MessageEntity, Update, User
from telegram.ext import ApplicationBuilder

from bot.handlers import edits, register_all
from bot.handlers.menus import MENU

TOKEN = "123456:" + "A" * 35
APP = ApplicationBuilder().token(TOKEN).build()
register_all(APP)
WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
CHATS = [Chat(7000000001, Chat.PRIVATE), Chat(-4000000001, Chat.GROUP, title="Team")]


def _message(text: str, chat: Chat) -> Message:
    entities = []
    if text.startswith("/"):
        length = len(text.split(" ", 1)[0])
        entities = [MessageEntity(MessageEntity.BOT_COMMAND, 0, length)]
    user = User(7000000001, "Anna", False)
    return Message(1, WHEN, chat, from_user=user, text=text, entities=entities, edit_date=WHEN)


def _first_taker(update: Update) -> object:
    return next(h for h in APP.handlers[0] if h.check_update(update)).callback


@given(
    command=st.sampled_from([f"/{name}" for name in MENU] + ["⏱ Seizure timer", "hello"]),
    rest=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
    chat=st.sampled_from(CHATS),
)
def test_an_edit_is_taken_by_the_edits_handler_first(command: str, rest: str, chat: Chat) -> None:
    message = _message(f"{command} {rest}".strip(), chat)
    update = Update(1, edited_message=message)

    assert _first_taker(update) is edits.edited


@given(line=st.text(max_size=40).map(str.strip))
def test_report_line_is_what_follows_e_or_episode(line: str) -> None:
    for command in ("/e", "/episode", "/E@CareCircleBot"):
        message = _message(f"{command} {line}", CHATS[1])
        assert edits.report_line(message) == line


def test_other_commands_and_plain_text_are_no_report_line() -> None:
    for text in ("/today", "/everything 30s", "e 30s", "30s /e"):
        assert edits.report_line(_message(text, CHATS[0])) is None
