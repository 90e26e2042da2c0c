"""Bot API methods for receiving updates: getUpdates and the webhook methods."""

from __future__ import annotations

from typing import Any

from bot.sandbox.core import Core
from bot.sandbox.errors import ApiError, bad_request
from bot.sandbox.params import Params
from bot.sandbox.updates import CONFLICT_WEBHOOK

MAX_POLL_TIMEOUT = 50.0


def _set_allowed(core: Core, params: Params) -> None:
    if not params.has("allowed_updates"):
        return
    kinds = params.json("allowed_updates")
    if not isinstance(kinds, list) or not all(isinstance(kind, str) for kind in kinds):
        raise bad_request("can't parse allowed_updates JSON object")
    core.queue.set_allowed(kinds)


async def get_updates(core: Core, params: Params) -> list[dict[str, Any]]:
    if core.webhook.url:
        raise ApiError(409, CONFLICT_WEBHOOK)
    _set_allowed(core, params)
    offset = params.integer("offset")
    if offset:
        core.queue.confirm(offset)
    limit = min(max(params.integer("limit") or 100, 1), 100)
    timeout = min(max(params.number("timeout") or 0.0, 0.0), MAX_POLL_TIMEOUT)
    updates = await core.queue.long_poll(limit, timeout)
    core.queue.mark_taken(updates)
    if updates:
        core.activity.touch()
    return updates


async def set_webhook(core: Core, params: Params) -> bool:
    url = params.text("url") or ""
    if not url:
        await core.webhook.remove()
        return True
    if not url.startswith(("https://", "http://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = params.text("secret_token")
    if secret is not None and not (
        1 <= len(secret) <= 256 and all(c.isascii() and (c.isalnum() or c in "_-") for c in secret)
    ):
        raise bad_request("secret token contains unallowed characters")
    _set_allowed(core, params)
    if params.flag("drop_pending_updates"):
        core.queue.drop_all()
    core.webhook.configure(url, secret, params.integer("max_connections"))
    return True


async def delete_webhook(core: Core, params: Params) -> bool:
    await core.webhook.remove()
    if params.flag("drop_pending_updates"):
        core.queue.drop_all()
    return True


async def get_webhook_info(core: Core, params: Params) -> dict[str, Any]:
    return core.webhook.info()
