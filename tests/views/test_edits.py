"""What an edited message that is not a correction is answered with, in the reader's language."""

from __future__ import annotations

import pytest

from bot.texts import t
from bot.views import edits


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_an_edit_not_read_says_so_and_a_late_one_says_it_is_too_late(language: str) -> None:
    assert edits.not_read(language).text == t("edits.not_read", language)
    assert edits.too_late(language).text == t("edits.too_late", language)
    assert edits.not_read(language).text != edits.too_late(language).text
