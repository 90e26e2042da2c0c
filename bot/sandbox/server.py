"""The Telegram Bot API emulator server: Bot API and control API on one aiohttp application."""

from __future__ import annotations

import argparse

from aiohttp import web

from bot.sandbox import control, control_people, page_api
from bot.sandbox.botapi import CORE_KEY, add_routes
from bot.sandbox.core import Core
from bot.sandbox.faults import FaultInjector
from bot.sandbox.flood import RateLimits
from bot.sandbox.state import World

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class Emulator:
    """A Bot API server for one bot; point PTB at `bot_api_url` and `file_url`."""

    def __init__(
        self,
        token: str,
        bot_username: str = "CareCircleBot",
        bot_first_name: str = "CareCircle",
        first_update_id: int = 1,
    ):
        self.core = Core.create(token, bot_username, bot_first_name, first_update_id)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._host = "127.0.0.1"

    @property
    def state(self) -> World:
        return self.core.world

    @property
    def limits(self) -> RateLimits:
        return self.core.limits

    @property
    def faults(self) -> FaultInjector:
        return self.core.faults

    @property
    def bot_id(self) -> int:
        return self.core.bot_id

    @property
    def url(self) -> str:
        if self._port is None:
            raise RuntimeError("the emulator is not running; await start() first")
        return f"http://{self._host}:{self._port}"

    @property
    def bot_api_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def file_url(self) -> str:
        return f"{self.url}/file/bot"

    def make_app(self) -> web.Application:
        """An aiohttp application serving this emulator's Bot API, control API and chat page."""
        app = web.Application(
            client_max_size=MAX_UPLOAD_BYTES, middlewares=[control.control_errors]
        )
        app[CORE_KEY] = self.core
        add_routes(app)
        app.router.add_routes(control.routes)
        app.router.add_routes(control_people.routes)
        page_api.setup(app)
        app.on_shutdown.append(self._on_shutdown)
        return app

    async def _on_shutdown(self, app: web.Application) -> None:
        await self.core.close()

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        """Serve on host:port; port 0 picks a free port (see `url`)."""
        self.core.queue.reopen()
        runner = web.AppRunner(
            self.make_app(), handle_signals=False, shutdown_timeout=2.0, access_log=None
        )
        await runner.setup()
        site = web.TCPSite(runner, host, port)
        await site.start()
        self._runner, self._host = runner, host
        self._port = runner.addresses[0][1]

    async def stop(self) -> None:
        """Answer pending long polls, stop webhook delivery and close the server."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await self.core.close()
            await runner.cleanup()
        self._port = None

    async def __aenter__(self) -> Emulator:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()


def create_app(argv: list[str] | None = None) -> web.Application:
    """Factory for `python -m aiohttp.web bot.sandbox.server:create_app --token ...`."""
    parser = argparse.ArgumentParser(prog="bot.sandbox.server")
    parser.add_argument("--token", default="123456:sandbox-token")
    parser.add_argument("--bot-username", default="CareCircleBot")
    parser.add_argument("--bot-first-name", default="CareCircle")
    options = parser.parse_args(argv or [])
    return Emulator(options.token, options.bot_username, options.bot_first_name).make_app()
