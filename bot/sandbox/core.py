"""The emulator's shared parts, bundled for the Bot API and control handlers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.activity import Activity
from bot.sandbox.clock import SandboxClock
from bot.sandbox.faults import FaultInjector
from bot.sandbox.flood import RateLimits
from bot.sandbox.state import User, World
from bot.sandbox.updates import UpdateQueue
from bot.sandbox.webhook import Webhook


@dataclass
class Core:
    """One bot's world, update queue, limits, faults and webhook, shared by all handlers.

    `clock` is Telegram's sense of time for the flood limits and timed faults.
    ``observers`` see every answer the emulator gives: (method, envelope) for each Bot API
    call, and (``webhook.WEBHOOK``, update) for each update posted to a webhook.
    """

    token: str
    world: World
    queue: UpdateQueue
    limits: RateLimits
    faults: FaultInjector
    activity: Activity
    webhook: Webhook
    clock: SandboxClock
    observers: list[Callable[[str, Any], None]] = field(default_factory=list)

    @classmethod
    def create(
        cls, token: str, bot_username: str, bot_first_name: str, first_update_id: int = 1
    ) -> Core:
        """A fresh emulator core for the bot whose id starts `token`."""
        bot_id, separator, secret = token.partition(":")
        if not bot_id.isdigit() or not separator or not secret:
            raise ValueError("a bot token looks like '123456:secret'")
        world = World(User(int(bot_id), bot_first_name, username=bot_username, is_bot=True))
        queue, activity, clock = UpdateQueue(first_update_id), Activity(), SandboxClock()
        observers: list[Callable[[str, Any], None]] = []
        return cls(
            token=token,
            world=world,
            queue=queue,
            limits=RateLimits(clock),
            faults=FaultInjector(clock),
            activity=activity,
            webhook=Webhook(queue, activity, observers),
            clock=clock,
            observers=observers,
        )

    @property
    def bot_id(self) -> int:
        return self.world.bot.id

    def push_update(self, kind: str, payload: dict[str, Any]) -> bool:
        return self.queue.push(kind, payload)

    async def close(self) -> None:
        self.queue.close()
        await self.webhook.close()
