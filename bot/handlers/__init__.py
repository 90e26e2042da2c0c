"""The feature modules, in dispatch order, and ``register_all``."""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler

from bot.handlers import errors, kit, start

FEATURES = [start]


def register_all(app: Application) -> None:
    """Add every feature's handlers, the catch-all for unknown buttons, and the error handler."""
    for feature in FEATURES:
        feature.register(app)
    app.add_handler(CallbackQueryHandler(kit.expired_button))
    app.add_error_handler(errors.on_error)
