"""Messages over their life: formatting, replies, edits, deletion, buttons, callbacks and files."""

from __future__ import annotations

import pytest
import telegram
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup
from telegram.error import BadRequest

from bot.sandbox import SandboxClient
from bot.sandbox.client import Actor, SandboxError

SEVERITY = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Mild", callback_data="sev:1")],
        [InlineKeyboardButton("Severe", callback_data="sev:3")],
    ]
)
NOT_MODIFIED = (
    "Message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


@pytest.fixture
async def mum(sandbox: SandboxClient) -> Actor:
    user = await sandbox.user("Mum")
    await user.start()
    return user


async def test_bad_html_is_refused_with_telegram_wording(bot: telegram.Bot, mum: Actor) -> None:
    with pytest.raises(BadRequest) as error:
        await bot.send_message(mum.id, "Dose <5mg> daily", parse_mode="HTML")

    assert error.value.message == (
        'Can\'t parse entities: unsupported start tag "5mg" at byte offset 5'
    )


async def test_person_sees_formatting_buttons_and_keyboards(bot: telegram.Bot, mum: Actor) -> None:
    await bot.send_message(mum.id, "<b>How</b> bad?", parse_mode="HTML", reply_markup=SEVERITY)
    await bot.send_message(mum.id, "Pick", reply_markup=ReplyKeyboardMarkup([["Yes", "No"]]))

    severity, pick = (await mum.private_chat.messages())[-2:]
    assert severity.raw["entities"] == [{"type": "bold", "offset": 0, "length": 3}]
    assert severity.buttons == [[("Mild", "sev:1")], [("Severe", "sev:3")]]
    assert pick.raw["reply_markup"]["keyboard"] == [[{"text": "Yes"}, {"text": "No"}]]


async def test_replies_need_an_existing_message(bot: telegram.Bot, mum: Actor) -> None:
    reply = await bot.send_message(mum.id, "Noted", reply_parameters=telegram.ReplyParameters(1))
    assert reply.reply_to_message.text == "/start"

    with pytest.raises(BadRequest, match="^Message to be replied not found$"):
        await bot.send_message(mum.id, "x", reply_to_message_id=999)
    lenient = telegram.ReplyParameters(999, allow_sending_without_reply=True)
    assert (await bot.send_message(mum.id, "x", reply_parameters=lenient)).reply_to_message is None


async def test_edit_marks_the_message_edited(bot: telegram.Bot, mum: Actor) -> None:
    sent = await bot.send_message(mum.id, "Severity?", reply_markup=SEVERITY)

    edited = await bot.edit_message_text("Recorded: mild", mum.id, sent.message_id)

    assert edited.edit_date is not None
    seen = (await mum.private_chat.messages())[-1]
    assert (seen.text, seen.buttons, seen.raw["edited"]) == ("Recorded: mild", [], True)


async def test_identical_edit_is_not_modified(bot: telegram.Bot, mum: Actor) -> None:
    sent = await bot.send_message(mum.id, "Severity?", reply_markup=SEVERITY)

    with pytest.raises(BadRequest) as same_text:
        await bot.edit_message_text("Severity?", mum.id, sent.message_id, reply_markup=SEVERITY)
    with pytest.raises(BadRequest) as same_markup:
        await bot.edit_message_reply_markup(mum.id, sent.message_id, reply_markup=SEVERITY)

    assert same_text.value.message == same_markup.value.message == NOT_MODIFIED


async def test_edit_and_delete_need_a_message_the_bot_may_touch(
    bot: telegram.Bot, mum: Actor
) -> None:
    with pytest.raises(BadRequest, match="^Message to edit not found$"):
        await bot.edit_message_text("x", mum.id, 999)
    with pytest.raises(BadRequest, match="^Message can't be edited$"):
        await bot.edit_message_text("x", mum.id, 1)
    with pytest.raises(BadRequest, match="^Message to delete not found$"):
        await bot.delete_message(mum.id, 999)


async def test_deleted_message_disappears_for_people(bot: telegram.Bot, mum: Actor) -> None:
    sent = await bot.send_message(mum.id, "oops")

    assert await bot.delete_message(mum.id, sent.message_id)

    assert [message.text for message in await mum.private_chat.messages()] == ["/start"]


async def test_callback_query_can_be_answered_once(
    sandbox: SandboxClient, bot: telegram.Bot, mum: Actor
) -> None:
    await bot.send_message(mum.id, "Severity?", reply_markup=SEVERITY)
    question = await mum.private_chat.last_bot_message()
    query_id = await mum.press(mum.private_chat, question, "Severe")

    update = (await bot.get_updates(timeout=0))[-1]
    assert (update.callback_query.id, update.callback_query.data) == (query_id, "sev:3")
    assert await bot.answer_callback_query(query_id, "Saved", show_alert=True)
    with pytest.raises(BadRequest, match="^Query is too old and response timeout expired"):
        await bot.answer_callback_query(query_id)
    answer = await sandbox.callback_answer(query_id)
    assert answer == {
        "answered": True,
        "text": "Saved",
        "show_alert": True,
        "url": None,
        "expired": False,
    }


async def test_pressing_a_button_that_is_not_there(bot: telegram.Bot, mum: Actor) -> None:
    await bot.send_message(mum.id, "Severity?", reply_markup=SEVERITY)
    question = await mum.private_chat.last_bot_message()

    with pytest.raises(AssertionError, match=r"no button 'Moderate'.*\['Mild', 'Severe'\]"):
        await mum.press(mum.private_chat, question, "Moderate")
    with pytest.raises(SandboxError, match="no button with callback_data 'sev:2'"):
        await mum.press_data(mum.private_chat, question, "sev:2")
    await bot.get_updates(timeout=0)

    await mum.press_data(mum.private_chat, question, "sev:2", forge=True)
    forged = (await bot.get_updates(offset=-1, timeout=0))[0]
    assert forged.callback_query.data == "sev:2"


async def test_files_round_trip(sandbox: SandboxClient, bot: telegram.Bot, mum: Actor) -> None:
    sent = await bot.send_document(mum.id, b"seizure log", filename="log.txt", caption="Log")
    assert await sandbox.download(sent.document.file_id) == b"seizure log"
    assert sent.document.mime_type == "text/plain"

    await mum.send_document(mum.private_chat, content=b"%PDF-1.4 letter", filename="letter.pdf")
    upload = (await bot.get_updates(timeout=0))[-1].message.document
    downloaded = await (await bot.get_file(upload.file_id)).download_as_bytearray()
    assert (bytes(downloaded), upload.file_name) == (b"%PDF-1.4 letter", "letter.pdf")

    again = await bot.send_document(mum.id, upload.file_id)
    assert again.document.file_id == upload.file_id
    with pytest.raises(BadRequest, match="^Wrong file identifier/http url specified$"):
        await bot.send_document(mum.id, "no-such-file-id")


async def test_user_mentions_become_text_mentions(
    sandbox: SandboxClient, bot: telegram.Bot, mum: Actor
) -> None:
    mum_user = telegram.User(mum.id, "Mum", is_bot=False)
    text = f"{mum_user.mention_html()} and <a href='tg://user?id=99'>a stranger</a>"

    sent = await bot.send_message(mum.id, text, parse_mode="HTML", disable_notification=True)

    assert [(entity.type, entity.user.id) for entity in sent.entities] == [("text_mention", mum.id)]
    assert sent.entities[0].user.first_name == "Mum"
    assert (await mum.private_chat.last_bot_message()).raw["silent"] is True


async def test_a_chat_reads_the_bots_side_as_it_reads_now(bot: telegram.Bot, mum: Actor) -> None:
    question = await bot.send_message(mum.id, "Severity?", reply_markup=SEVERITY)
    await mum.send(mum.private_chat, "hm")
    await bot.edit_message_text("Recorded: mild", mum.id, question.message_id)
    chat = mum.private_chat

    assert await chat.bot_texts() == ["Recorded: mild"]
    assert [m.message_id for m in await chat.bot_messages()] == [question.message_id]
    assert (await chat.current(question.message_id)).text == "Recorded: mild"


async def test_a_message_lists_its_button_labels_row_after_row(
    bot: telegram.Bot, mum: Actor
) -> None:
    await bot.send_message(mum.id, "Severity?", reply_markup=SEVERITY)

    question = await mum.private_chat.last_bot_message()

    assert question.labels == ["Mild", "Severe"]
    assert question.button_data("Severe") == "sev:3"
    with pytest.raises(AssertionError, match=r"no button 'Bad'.*buttons: \['Mild', 'Severe'\]"):
        question.button_data("Bad")


async def test_current_fails_for_a_message_the_chat_does_not_have(mum: Actor) -> None:
    with pytest.raises(AssertionError, match="has no message 999"):
        await mum.private_chat.current(999)
