"""``build_application``: the python-telegram-bot Application with every feature registered."""

from __future__ import annotations

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.delivery.pacing import Limits, Pacing
from bot.handlers import register_all
from bot.runtime import RUNTIME_KEY, Runtime

COMMANDS = [
    BotCommand("start", "Welcome and main menu"),
    BotCommand("help", "What I can do"),
    BotCommand("newchild", "Create a care team for a child"),
    BotCommand("team", "Who is on the team"),
    BotCommand("invite", "Invite someone to the team"),
    BotCommand("invites", "Open invitations"),
    BotCommand("notify", "How you hear the team's news"),
    BotCommand("child", "Choose which child your commands are about"),
    BotCommand("link", "Link this group to a child's team"),
    BotCommand("unlink", "Unlink this group"),
    BotCommand("leave", "Leave a care team"),
    BotCommand("deletechild", "Erase all of a child's records"),
    BotCommand("e", "Report an episode in one line, e.g. /e 10:15 45s face"),
    BotCommand("history", "Episodes so far: /history 7d, 30d or all"),
    BotCommand("today", "Today's episodes at a glance"),
    BotCommand("plan", "The seizure action plan"),
    BotCommand("timer", "Time a seizure; the team is alerted at the threshold"),
    BotCommand("followup", "Add a follow-up reminder"),
    BotCommand("remind", "Add a reminder in one line"),
    BotCommand("reminders", "What's coming, with cancel and move"),
    BotCommand("meds", "The current medicines (or on a date)"),
    BotCommand("med", "Record a medicine started, changed or stopped"),
    BotCommand("doses", "Today's doses and who gave them"),
    BotCommand("adherence", "Doses given, late, skipped and missed"),
    BotCommand("digest", "The digest: /digest 7d, 28d or 90d, or /digest schedule"),
    BotCommand("timezone", "Your own time zone, for digests on your schedule"),
    BotCommand("export", "The record as a PDF, CSV files or a FHIR bundle"),
]


def file_url_for(base_url: str) -> str:
    """The file-download base that goes with a Bot API base URL (``…/bot`` → ``…/file/bot``)."""
    root, _, _ = base_url.rstrip("/").rpartition("/bot")
    return f"{root}/file/bot"


async def _set_commands(app: Application) -> None:
    await app.bot.set_my_commands(COMMANDS)


def build_application(
    runtime: Runtime, base_url: str | None = None, limits: Limits = Limits()
) -> Application:
    """Build the Application for ``runtime``; ``base_url`` points it at a local Bot API server.

    Everything it sends goes through one ``Pacing`` under ``limits`` (``bot.delivery.pacing``).
    """
    base_url = base_url or runtime.settings.telegram_base_url
    builder = (
        ApplicationBuilder()
        .token(runtime.settings.require_token())
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .post_init(_set_commands)
        .rate_limiter(Pacing(limits))
    )
    if base_url:
        builder = builder.base_url(base_url).base_file_url(file_url_for(base_url))
    app = builder.build()
    app.bot_data[RUNTIME_KEY] = runtime
    register_all(app)
    return app
