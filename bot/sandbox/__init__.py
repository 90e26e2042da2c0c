"""A Telegram Bot API emulator with a control API, for testing the bot without Telegram."""

from bot.sandbox.client import SandboxClient
from bot.sandbox.server import Emulator

__all__ = ["Emulator", "SandboxClient"]
