"""What the kit says when the database failed while it handled an update.

The poller keeps such an update and hands it over again (``DurablePoller.defer``);
its sender is told once that it will be saved, and the answer to the attempt that
goes through tells them it was. An update nobody will hand over again (webhook
mode) is answered "nothing was recorded".
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.handlers.delivering import refuse
from bot.polling import Deferred
from bot.runtime import Runtime
from bot.texts import t

log = logging.getLogger(__name__)


def _language(update: Update) -> str | None:
    return update.effective_user.language_code if update.effective_user else None


async def tell(runtime: Runtime, update: Update) -> None:
    """Tell the sender once that their update waits for the database (or, if nobody will
    hand it over again, that nothing was recorded)."""
    poller = runtime.poller
    deferred = poller.defer(update.update_id) if poller is not None else None
    if deferred is Deferred.AGAIN:
        return
    key = "errors.database_unavailable" if deferred is None else "errors.saving_later"
    try:
        await refuse(update, t(key, _language(update)))
    except TelegramError as error:  # the next attempt tries again
        log.warning("could not tell the sender of update %s: %s", update.update_id, error)
        return
    if poller is not None and deferred is Deferred.FIRST:
        poller.told(update.update_id)


async def saved_after_all(update: Update) -> None:
    """Keep the promise when an attempt whose commit looked failed had saved it after all."""
    try:
        await refuse(update, t("errors.saved_after_all", _language(update)))
    except TelegramError as error:
        log.warning("could not tell the sender of update %s: %s", update.update_id, error)
