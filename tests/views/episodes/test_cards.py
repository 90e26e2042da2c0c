"""A relayed card as the record reads now: corrected, or withdrawn."""

from __future__ import annotations

from bot.audience import Audience
from bot.services.episodes.news import Removed
from bot.views.episodes import cards as views
from tests.views.episode_data import LILY, NOW, card, episode, receipt


def test_an_edited_card_reads_as_the_record_and_says_it_was_edited() -> None:
    found = receipt(episode(duration_seconds=45))

    reply = views.edited(found)

    assert reply.text.splitlines()[1].startswith("45 s")
    assert reply.text.endswith("✏️ edited")
    assert reply.buttons == []


def test_a_withdrawn_card_is_one_line_without_buttons() -> None:
    item = Removed("undone", "Anna", card(episode()), LILY, NOW, Audience(LILY.id))

    reply = views.withdrawn(item)

    assert reply.text.startswith("↩️ withdrawn: Lily's episode")
    assert reply.buttons == []


def test_an_edited_card_fits_a_telegram_message_even_with_a_huge_note() -> None:
    found = receipt(episode(notes="x" * 10_000))

    assert len(views.edited(found).text) <= 4096
