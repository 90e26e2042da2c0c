"""``build_application``: the python-telegram-bot Application with every feature registered."""

from __future__ import annotations

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, Defaults

from bot.delivery.pacing import Limits, Pacing
from bot.handlers import menus, register_all
from bot.runtime import RUNTIME_KEY, Runtime


def file_url_for(base_url: str) -> str:
    """The file-download base that goes with a Bot API base URL (``…/bot`` → ``…/file/bot``)."""
    root, _, _ = base_url.rstrip("/").rpartition("/bot")
    return f"{root}/file/bot"


async def _set_commands(app: Application) -> None:
    await menus.set_defaults(app.bot)


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
