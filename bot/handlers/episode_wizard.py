"""The guided episode report: /episode without text, the Report episode button, and every step."""

from __future__ import annotations

import re

from telegram import Message
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot import callbacks
from bot.handlers import wizards
from bot.handlers.child import child_pattern, member_for, respond
from bot.handlers.kit import Turn, handles
from bot.news import tell
from bot.services.episodes import wizard as episode_wizard
from bot.texts import t
from bot.views.episodes import report as episode_views
from bot.views.episodes import timer as timer_views
from bot.views.episodes import wizard as views
from models import WizardState

MEDIA = filters.PHOTO | filters.VIDEO | filters.Document.VIDEO | filters.VIDEO_NOTE


class RepliesToButtons(filters.MessageFilter):
    """A reply to a bot message whose buttons carry ``prefix`` data (an open question there)."""

    def __init__(self, prefix: str) -> None:
        super().__init__(name=f"RepliesToButtons({prefix})")
        self.prefix = f"{prefix}:"

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        markup = replied.reply_markup if replied is not None else None
        rows = markup.inline_keyboard if markup is not None else ()
        return any((b.callback_data or "").startswith(self.prefix) for row in rows for b in row)


def label_pattern(key: str) -> str:
    """Match a reply-keyboard label, also when typed without its emoji."""
    words = re.sub(r"^\W+", "", t(key))
    return rf"^\W*{re.escape(words)}\s*$"


async def begin(turn: Turn) -> None:
    """Ask the first question of a guided report (the /episode handler calls this without text)."""
    assert turn.person is not None
    membership = await member_for(turn, "report")
    if membership is not None:
        state = await episode_wizard.begin(turn.session, membership, turn.person, turn.chat_id)
        respond(turn, views.question(state, turn.in_private, turn.language))


async def show(turn: Turn, outcome: episode_wizard.Outcome) -> None:
    """Show where the flow is now: on the pressed message, or as a reply to a typed answer."""
    if isinstance(outcome, episode_wizard.SavedReport):
        await tell(turn.session, outcome.receipt.news, episode_views.news)
        respond(turn, episode_views.receipt(outcome.receipt, turn.language))
        if outcome.offer_keyboard:
            turn.reply(views.keyboard_offer(turn.language))
    elif isinstance(outcome, episode_wizard.Cancelled):
        respond(turn, views.cancelled(turn.language))
    elif isinstance(outcome, WizardState):
        respond(turn, views.question(outcome, turn.in_private, turn.language))
    else:
        respond(turn, timer_views.live(outcome, turn.language))


@handles
async def report_episode(turn: Turn) -> None:
    """Someone tapped Report episode (or chose the child it is about)."""
    await begin(turn)


@handles
async def press(turn: Turn) -> None:
    """Someone tapped a button of a guided report."""
    assert turn.person is not None and turn.callback is not None
    query = turn.update.callback_query
    message_id = query.message.message_id if query and query.message else None
    pressed = turn.callback
    outcome = await episode_wizard.press(
        turn.session, turn.person, turn.chat_id, pressed.id, pressed.action, pressed.arg, message_id
    )
    await show(turn, outcome)


async def answer(turn: Turn, state: WizardState) -> None:
    """Someone typed the time or a note in private."""
    assert turn.person is not None
    await show(turn, await episode_wizard.answer_text(turn.session, turn.person, state, turn.text))


@handles
async def take_answer(turn: Turn) -> None:
    """Someone replied to their question in a group, or sent a photo or video for their report."""
    message = turn.update.effective_message
    assert turn.person is not None and message is not None
    state = await episode_wizard.expecting(turn.session, turn.person, turn.chat_id)
    file_id = _file_id(message)
    if file_id is None:
        outcome = await episode_wizard.answer_text(turn.session, turn.person, state, turn.text)
    else:
        outcome = await episode_wizard.attach(
            turn.session, turn.person, state, file_id, message.caption
        )
    await show(turn, outcome)


def _file_id(message: Message) -> str | None:
    """The file of a photo (its largest size), video, video note or video document."""
    if message.photo:
        return message.photo[-1].file_id
    found = message.video or message.video_note or message.document
    return found.file_id if found is not None else None


def register(app: Application) -> None:
    report_button = filters.Regex(label_pattern("episode_wizard.keyboard_report"))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & report_button, report_episode)
    )
    app.add_handler(CallbackQueryHandler(report_episode, pattern=child_pattern("report")))
    app.add_handler(CallbackQueryHandler(press, pattern=callbacks.pattern("wiz")))
    in_group = filters.ChatType.GROUPS & RepliesToButtons("wiz") & (filters.TEXT | MEDIA)
    app.add_handler(
        MessageHandler(
            (in_group | (filters.ChatType.PRIVATE & MEDIA)) & ~filters.COMMAND, take_answer
        )
    )
    wizards.on_answer(episode_wizard.FLOW, answer)
