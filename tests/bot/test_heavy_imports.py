"""A bot process loads the chart, PDF and FHIR libraries only when it first needs them."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("matplotlib", "fpdf", "fhir.resources", "numpy")


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.split()


def test_starting_the_bot_loads_none_of_them() -> None:
    assert _loaded_after("import bot.cli, bot.runner, bot.app, bot.handlers") == []


def test_the_first_chart_loads_matplotlib() -> None:
    code = (
        "from bot.views.digests import messages\n"
        "from tests.views.digests.sample import FIGURES\n"
        "assert messages.photo(FIGURES).photo.startswith(b'\\x89PNG')"
    )
    assert "matplotlib" in _loaded_after(code)
