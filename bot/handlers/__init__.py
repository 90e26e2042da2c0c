"""The feature modules, in dispatch order, and ``register_all``.

Importing them changes nothing: each feature's ``register(app)`` adds its commands,
its /help lines (``permissions.COMMANDS``, in this order) and its timed-message
handlers; ``register_all`` then routes every button from the callback table.
"""

from __future__ import annotations

from telegram.ext import Application, CallbackQueryHandler

from bot.handlers import (
    child,
    digest_notes,
    digest_schedule,
    digests,
    doses,
    edits,
    episode_wizard,
    episodes,
    errors,
    exports,
    followups,
    history,
    invites,
    kit,
    languages,
    links,
    medications,
    newchild,
    plan,
    room,
    routes,
    start,
    teams,
    timer,
    timezones,
    unknown,
    wizards,
)

# Edited messages go first: a command edited must not run again. The private text
# router (``wizards``) takes any plain text left over, and ``unknown`` any command left
# over: they go last.
FEATURES = [
    edits,
    *(start, newchild, invites, teams, child, links, room),
    *(episode_wizard, timer, episodes, history, plan),
    *(medications, doses),
    followups,
    *(digests, digest_schedule, digest_notes, timezones, languages),
    exports,
    wizards,
    unknown,
]


def register_all(app: Application) -> None:
    """Add every feature's handlers, its buttons' routes, the catch-all for unknown buttons,
    and the error handler."""
    for feature in FEATURES:
        feature.register(app)
    routes.install(app, FEATURES)
    app.add_handler(CallbackQueryHandler(kit.expired_button))
    app.add_error_handler(errors.on_error)
