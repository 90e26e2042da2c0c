"""Webhook mode: POST each pending update to the bot's URL in order, retrying until it is taken."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from typing import Any

import aiohttp

from bot.sandbox.activity import Activity
from bot.sandbox.updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK = "<webhook>"  # the "method" observers see for an update posted to the webhook


class Webhook:
    """The webhook settings getWebhookInfo reports and the task that delivers updates."""

    def __init__(
        self,
        queue: UpdateQueue,
        activity: Activity,
        observers: list[Callable[[str, Any], None]] | None = None,
    ):
        self.queue = queue
        self.activity = activity
        self.observers = observers if observers is not None else []
        self.url = ""
        self.secret_token: str | None = None
        self.max_connections = 40
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self.retry_delays = (0.05, 0.1, 0.2, 0.5, 1.0)
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def configure(self, url: str, secret_token: str | None, max_connections: int | None) -> None:
        self.url = url
        self.secret_token = secret_token
        self.max_connections = max_connections or 40
        self.last_error_date = self.last_error_message = None
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._deliver_forever(), name="sandbox-webhook")

    async def remove(self) -> None:
        self.url = ""
        await self._stop_task()

    async def close(self) -> None:
        await self.remove()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _stop_task(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _deliver_forever(self) -> None:
        failures = 0
        while self.url:
            if not self.queue.pending:
                await self.queue.wait_for_change(1.0)
                continue
            update = self.queue.pending[0]
            if await self._post(update):
                failures = 0
                self.queue.mark_taken([update])
                self.queue.confirm(update["update_id"] + 1)
            else:
                await asyncio.sleep(self.retry_delays[min(failures, len(self.retry_delays) - 1)])
                failures += 1

    async def _post(self, update: dict[str, Any]) -> bool:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        headers = {SECRET_HEADER: self.secret_token} if self.secret_token else {}
        for observe in self.observers:
            observe(WEBHOOK, update)
        self.activity.begin()
        try:
            async with self._session.post(self.url, json=update, headers=headers) as response:
                if 200 <= response.status < 300:
                    return True
                status = f"{response.status} {response.reason}"
                self._record_error(f"Wrong response from the webhook: {status}")
        except (aiohttp.ClientError, TimeoutError) as error:
            self._record_error(_describe(error))
        finally:
            self.activity.end()
        return False

    def _record_error(self, message: str) -> None:
        self.last_error_date = int(time.time())
        self.last_error_message = message

    def info(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.pending),
        }
        if self.url:
            info["max_connections"] = self.max_connections
            if self.queue.allowed is not None:
                info["allowed_updates"] = sorted(self.queue.allowed)
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info


def _describe(error: BaseException) -> str:
    if isinstance(error, TimeoutError):
        return "Read timeout expired"
    if isinstance(error, aiohttp.ClientConnectorError):
        return "Connection refused"
    return f"Connection error: {error.__class__.__name__}"
