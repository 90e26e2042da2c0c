"""Configuration problems are one clear line, and the token never shows up anywhere."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from bot.logs import REDACTED, RedactSecrets
from bot.settings import SettingsError, load_settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    for name in list(os.environ):
        if name.startswith("CARECIRCLE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_a_well_formed_token_is_read_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("CARECIRCLE_BOT_TOKEN", TOKEN)

    assert load_settings().require_token() == TOKEN


def test_settings_are_read_from_a_dot_env_file(tmp_path) -> None:
    (tmp_path / ".env").write_text(f"CARECIRCLE_BOT_TOKEN={TOKEN}\nCARECIRCLE_LOG_LEVEL=debug\n")

    settings = load_settings()

    assert settings.require_token() == TOKEN
    assert settings.log_level == "DEBUG"


def test_a_missing_token_says_where_to_put_it() -> None:
    with pytest.raises(SettingsError) as error:
        load_settings().require_token()

    assert "CARECIRCLE_BOT_TOKEN is not set" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_malformed_token_is_one_line_without_the_token(monkeypatch) -> None:
    monkeypatch.setenv("CARECIRCLE_BOT_TOKEN", "secret-but-wrong")

    with pytest.raises(SettingsError) as error:
        load_settings()

    assert str(error.value).startswith("CARECIRCLE_BOT_TOKEN is malformed")
    assert "secret-but-wrong" not in str(error.value)
    assert "\n" not in str(error.value)


def test_the_default_database_is_a_sqlite_file() -> None:
    assert load_settings().resolved_database_url.startswith("sqlite+aiosqlite:///")


def test_the_command_prints_one_line_for_a_malformed_token(tmp_path) -> None:
    env = {
        "PATH": os.environ["PATH"],
        "CARECIRCLE_BOT_TOKEN": "12:leaked-token-value",
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], capture_output=True, text=True, env=env, cwd=tmp_path
    )

    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "CARECIRCLE_BOT_TOKEN is malformed" in result.stderr
    assert "leaked-token-value" not in result.stderr + result.stdout


def test_the_token_is_redacted_from_log_lines_and_tracebacks(caplog) -> None:
    logger = logging.getLogger("test.redaction")
    logger.addFilter(RedactSecrets([TOKEN]))
    try:
        with caplog.at_level(logging.INFO, logger="test.redaction"):
            logger.info("POST https://api.telegram.org/bot%s/getMe", TOKEN)
            try:
                raise RuntimeError(f"failed calling /bot{TOKEN}/sendMessage")
            except RuntimeError:
                logger.exception("call failed")
    finally:
        logger.filters.clear()

    text = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert TOKEN not in text
    assert text.count(REDACTED) >= 2
