"""Logging set-up that keeps secrets (the bot token) out of every log line."""

from __future__ import annotations

import logging

REDACTED = "<redacted>"


class RedactSecrets(logging.Filter):
    """Replace each known secret in a record's rendered message with a placeholder."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, REDACTED)
            record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if any(secret in text for secret in self.secrets):
                for secret in self.secrets:
                    text = text.replace(secret, REDACTED)
                record.exc_info, record.exc_text = None, None
                record.msg = f"{record.msg}\n{text}"
        return True


def configure_logging(level: str, secrets: list[str]) -> None:
    """Log to stderr at ``level``; quiet chatty HTTP libraries whose INFO lines carry URLs."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    for name in ("httpx", "httpcore", "apscheduler", "aiohttp.access", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)
