"""The peer: a bare python-telegram-bot echo bot, as PTB's examples write one."""

from __future__ import annotations

import argparse

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a message with its own text."""
    assert update.message is not None and update.message.text is not None
    await update.message.reply_text(update.message.text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()
    app = Application.builder().token(args.token).base_url(args.base_url).build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10)


if __name__ == "__main__":
    main()
