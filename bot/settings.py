"""Typed settings read once from the environment and an optional .env file."""

from __future__ import annotations

import re
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,64}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SettingsError(Exception):
    """A configuration problem, explained in one line that never contains a secret."""


def default_database_url() -> str:
    """A SQLite file in the user's data directory."""
    folder = Path(user_data_dir("carecircle", appauthor=False))
    return f"sqlite+aiosqlite:///{folder / 'carecircle.db'}"


class Settings(BaseSettings):
    """CareCircle's configuration (environment variables prefixed ``CARECIRCLE_``)."""

    model_config = SettingsConfigDict(env_prefix="CARECIRCLE_", env_file=".env", extra="ignore")

    bot_token: SecretStr | None = None
    database_url: str = ""
    telegram_base_url: str | None = None
    log_level: str = "INFO"
    webhook_secret: SecretStr | None = None
    # Off only against a Bot API that enforces no flood limits (the emulator with its limits
    # off, for benchmarks): the bot then stops pacing itself by Telegram's.
    telegram_limits: bool = True

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not TOKEN_PATTERN.match(value.get_secret_value()):
            raise ValueError("malformed")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        if value.upper() not in LOG_LEVELS:
            raise ValueError("unknown")
        return value.upper()

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or default_database_url()

    def require_token(self) -> str:
        """Return the bot token, or explain in one line how to set it."""
        if self.bot_token is None:
            raise SettingsError(
                "CARECIRCLE_BOT_TOKEN is not set: put the token @BotFather gave you in the "
                "environment or in .env."
            )
        return self.bot_token.get_secret_value()


_MESSAGES = {
    "bot_token": "CARECIRCLE_BOT_TOKEN is malformed: expected '<digits>:<secret>' as given by "
    "@BotFather.",
    "log_level": f"CARECIRCLE_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.",
}


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning validation errors into one secret-free ``SettingsError``."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0]) if error.errors() else "?"
        message = _MESSAGES.get(field, f"CARECIRCLE_{field.upper()} is invalid.")
        raise SettingsError(message) from None
