"""The guided episode report: /episode without text, the Report episode button, and every step."""

from __future__ import annotations

import re

from telegram import Message
from telegram.ext import Application, MessageHandler, filters

from bot.handlers import wizards
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn, handles
from bot.handlers.routes import Arg, press
from bot.news import tell
from bot.replies import Reply
from bot.services.episodes import wizard as episode_wizard
from bot.texts import languages, t
from bot.views.episodes import report as episode_views
from bot.views.episodes import timer as timer_views
from bot.views.episodes import wizard as views
from models import Membership, WizardState

MEDIA = filters.PHOTO | filters.VIDEO | filters.Document.VIDEO | filters.VIDEO_NOTE | filters.VOICE


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
    """Match a reply-keyboard label in any language, also when typed without its emoji."""
    labels = sorted({re.sub(r"^\W+", "", t(key, language)) for language in languages()})
    return rf"^\W*(?:{'|'.join(re.escape(words) for words in labels)})\s*$"


@for_child("report")
async def begin(turn: Turn, membership: Membership) -> Reply:
    """Someone tapped Report episode, sent /e alone, or chose the child: the first question."""
    state = await episode_wizard.begin(turn.session, membership, turn.person, turn.chat_id)
    return views.question(state, turn.in_private, turn.language)


async def show(turn: Turn, outcome: episode_wizard.Outcome) -> Reply:
    """Where the flow is now: for the pressed message, or in answer to a typed one."""
    if isinstance(outcome, episode_wizard.SavedReport):
        await tell(turn.session, outcome.receipt.news, episode_views.news)
        if outcome.offer_keyboard:
            turn.send(views.keyboard_offer(turn.language))
        return episode_views.receipt(outcome.receipt, turn.language)
    if isinstance(outcome, episode_wizard.Cancelled):
        return views.cancelled(turn.language)
    if isinstance(outcome, WizardState):
        return views.question(outcome, turn.in_private, turn.language)
    return timer_views.live(outcome, turn.language)


@press("wiz", arg=Arg.OPTIONAL)
async def press_step(turn: Press) -> Reply:
    """Someone tapped a button of a guided report."""
    pressed, where = turn.callback, turn.pressed_message
    outcome = await episode_wizard.press(
        turn.session,
        turn.person,
        turn.chat_id,
        pressed.id,
        pressed.action,
        pressed.arg,
        where[1] if where else None,
    )
    return await show(turn, outcome)


async def answer(turn: Turn, state: WizardState) -> Reply:
    """Someone typed the time or a note in private."""
    outcome = await episode_wizard.answer_text(turn.session, turn.person, state, turn.text)
    return await show(turn, outcome)


@handles
async def take_answer(turn: Turn) -> Reply:
    """Someone replied to their question in a group, or sent a photo, video or voice message
    for their report."""
    state = await episode_wizard.expecting(turn.session, turn.person, turn.chat_id)
    attachment = _attachment(turn.update.effective_message)
    if attachment is None:
        outcome = await episode_wizard.answer_text(turn.session, turn.person, state, turn.text)
    else:
        outcome = await episode_wizard.attach(turn.session, turn.person, state, *attachment)
    return await show(turn, outcome)


def _attachment(message: Message | None) -> tuple[str, str, str | None] | None:
    """The file of a photo (its largest size), video, video note, video document or voice
    message, its kind and its caption."""
    if message is None:
        return None
    if message.photo:
        return message.photo[-1].file_id, "photo", message.caption
    for kind, found in (
        ("video", message.video or message.document),
        ("video_note", message.video_note),
        ("voice", message.voice),
    ):
        if found is not None:
            return found.file_id, kind, message.caption
    return None


def register(app: Application) -> None:
    report_button = filters.Regex(label_pattern("episode_wizard.keyboard_report"))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & report_button, begin))
    in_group = filters.ChatType.GROUPS & RepliesToButtons("wiz") & (filters.TEXT | MEDIA)
    app.add_handler(
        MessageHandler(
            (in_group | (filters.ChatType.PRIVATE & MEDIA)) & ~filters.COMMAND, take_answer
        )
    )
    wizards.on_answer(episode_wizard.FLOW, answer)
