"""Headless Chromium for the chat page tests: Debian's /usr/bin/chromium driven by Playwright.

Playwright never downloads a browser here (`playwright install` is not run); it launches the
system's Chromium by its path. Without it the tests skip with the reason, except under
CI=true, where they fail (`.ci/run` installs it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.async_api import Browser

CHROMIUM = Path(os.environ.get("CARECIRCLE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Screenshots the browser tests leave behind (gitignored).
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (required under CI=true)")
    pytest.skip(reason)


def require_chromium() -> None:
    """Skip (fail under CI=true) unless Playwright and the system's Chromium are there."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    if not (CHROMIUM.is_file() or shutil.which(str(CHROMIUM))):
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """The system's Chromium, headless, under Playwright."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            await browser.close()


def artifact(name: str) -> Path:
    """Where a test writes the file `name` for people to look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name
