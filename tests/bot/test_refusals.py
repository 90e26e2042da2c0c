"""Refusals repeat people's words: whatever they typed, Telegram accepts the reply and shows it.

The kit fills every ``DomainError`` in (bot/handlers/kit.py; a button's alert gets it as plain
text, bot/handlers/delivering.py); the emulator's own parser of Telegram's HTML
(bot/sandbox/markup_html.py) says whether Telegram would take the result.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.handlers.delivering import as_alert
from bot.handlers.kit import refusal
from bot.sandbox.markup_html import parse_html
from bot.services.errors import DomainError
from bot.texts import keys, variables
from tests.views.arbitrary import USER_TEXT

# Every text can be the reason of a refusal; those with blanks are the ones people's words fill.
TEMPLATES = {key: sorted(variables(key)) for key in keys()}
WITH_BLANKS = sorted(key for key, names in TEMPLATES.items() if names)


def test_the_texts_have_blanks_to_fill() -> None:
    assert {"medications.bad_day", "medications.not_on_regimen", "timer.already_running"} <= set(
        WITH_BLANKS
    )


@settings(max_examples=60, deadline=None)
@given(words=st.lists(USER_TEXT, min_size=1, max_size=4))
def test_every_refusal_fed_anything_people_type_is_valid_telegram_html(words: list[str]) -> None:
    for key in WITH_BLANKS:
        blanks = TEMPLATES[key]
        params = {name: words[i % len(words)] for i, name in enumerate(blanks)}

        text = refusal(DomainError(key, **params), None)

        plain, _ = parse_html(text)  # raises ParseError where Telegram would refuse it
        assert all(word in plain for word in params.values()), (key, text)
        assert as_alert(text) == plain, key


def test_a_refusal_shows_a_date_typed_like_a_tag_as_typed() -> None:
    text = refusal(DomainError("medications.bad_day", day="<b>"), None)

    assert parse_html(text)[0] == (
        "I couldn't read the date “<b>”. Use the form 2026-11-01, for example /meds 2026-11-01."
    )
