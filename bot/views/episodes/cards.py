"""An episode's relayed card as the record reads now: corrected ("✏️ edited") or withdrawn."""

from __future__ import annotations

from bot.replies import Language, Reply
from bot.services.episodes.history import Receipt
from bot.services.episodes.news import Removed
from bot.texts import t
from bot.views.common import escape
from bot.views.episodes.card import NOTE_LIMIT, body, plan_block, when
from bot.views.limits import MAX_TEXT, fit, room


def edited(found: Receipt, language: Language = None) -> Reply:
    """The card of a corrected episode, marked as edited (no buttons: a relay has none)."""

    def write(note_room: int, plan_room: int) -> str:
        card, child = found.card, found.child
        lines = body(card, child, found.now, language, urgent=found.urgent, note_room=note_room)
        if found.urgent:
            lines = [*lines, "", *plan_block(child, language, plan_room)]
        return "\n".join([*lines, t("cards.edited", language)])

    rooms = room(found.card.episode.notes, NOTE_LIMIT), room(found.child.action_plan, MAX_TEXT)
    return Reply(fit(write, *rooms))


def withdrawn(item: Removed, language: Language = None) -> Reply:
    """The card of an episode undone or deleted: one line, and its buttons gone."""
    said = when(item.card.episode, item.child.timezone, item.now, language)
    return Reply(t("cards.withdrawn", language, child=escape(item.child.name), when=said))
