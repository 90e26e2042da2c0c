"""Episode screens: the team's relay, the reporter's receipt with its buttons, and notices.

Each fits in one Telegram message: a note shows its first few hundred characters ("…"), and
what is left of the room limits the action plan (see bot/views/limits.py).
"""

from __future__ import annotations

from datetime import datetime

from bot.callbacks import Callback
from bot.replies import Button, Language, Reply
from bot.services.episodes.history import Card, Counts, Receipt
from bot.services.episodes.news import EpisodeNews, Relayed, Removed
from bot.texts import t
from bot.views.common import escape
from bot.views.episodes import questions as question_views
from bot.views.episodes.card import NOTE_LIMIT, body, plan_block, when
from bot.views.limits import MAX_TEXT, clip, fit, room
from models import Child, Episode

# The choices "Add details" offers, in the order of the buttons.
INTENSITIES = ("mild", "moderate", "severe")
SETTINGS = ("home", "school", "outside", "car", "sleep", "waking")
TRIGGERS = ("fatigue", "illness", "missed_dose", "stress", "poor_sleep", "excitement")


def _context(counts: Counts, language: str | None) -> str:
    return t(
        "episodes.context",
        language,
        today=counts.today,
        this_week=counts.this_week,
        last_week=counts.last_week,
    )


def _rooms(card: Card, child: Child) -> tuple[int, int]:
    """The room an episode message gives the note and the action plan, before fitting."""
    return room(card.episode.notes, NOTE_LIMIT), room(child.action_plan, MAX_TEXT)


def _relay_lines(
    card: Card,
    child: Child,
    counts: Counts,
    now: datetime,
    urgent: bool,
    language: str | None,
    note_room: int,
    plan_room: int,
) -> list[str]:
    """The relay's lines, showing ``note_room`` units of the note and ``plan_room`` of the plan."""
    lines = [*body(card, child, now, language, urgent=urgent, note_room=note_room)]
    lines.append(_context(counts, language))
    if urgent:
        lines += ["", *plan_block(child, language, plan_room)]
    return lines


def relay(
    card: Card,
    child: Child,
    counts: Counts,
    now: datetime,
    *,
    urgent: bool,
    language: str | None = None,
) -> Reply:
    """The one compact message the team gets about a new episode."""

    def write(note_room: int, plan_room: int) -> str:
        lines = _relay_lines(card, child, counts, now, urgent, language, note_room, plan_room)
        return "\n".join(lines)

    return Reply(fit(write, *_rooms(card, child)))


def missing(episode: Episode) -> bool:
    """Whether the reporter could still add an intensity, a setting or a trigger."""
    return episode.intensity is None or episode.setting is None or not episode.triggers


def _actions(episode: Episode, can_undo: bool, language: str | None) -> list[list[Button]]:
    first = []
    if can_undo:
        first.append(
            Button(t("episodes.button_undo", language), Callback("ep", episode.id, "undo"))
        )
    if missing(episode):
        label = t("episodes.button_details", language)
        first.append(Button(label, Callback("ep", episode.id, "details")))
    second = [
        Button(t("episodes.button_correct", language), Callback("ep", episode.id, "fix")),
        Button(t("episodes.button_delete", language), Callback("ep", episode.id, "delete")),
    ]
    return [first, second] if first else [second]


def _held(found: Receipt, language: str | None) -> Reply:
    """A report held back: the record, and "is this the one someone else reported?"."""
    episode = found.card.episode
    buttons: list[list[Button]] = []
    if found.duplicate is not None:
        other = found.duplicate
        said = when(other.episode, found.child.timezone, found.now, language)
        name = escape(other.reporter or "—")
        question = t("episodes.held", language, name=name, when=said)
        same = Callback("ep", episode.id, "same", str(other.episode.id))
        buttons.append([Button(t("episodes.button_same", language), same)])
        label = "episodes.button_different"
    else:
        question = t("episodes.not_shared", language)
        label = "episodes.button_share"
    buttons.append([Button(t(label, language), Callback("ep", episode.id, "differ"))])

    def write(note_room: int) -> str:
        lines = body(found.card, found.child, found.now, language, note_room=note_room)
        return "\n".join([*lines, "", question])

    return Reply(fit(write, room(episode.notes, NOTE_LIMIT)), buttons)


def receipt(found: Receipt, language: str | None = None, *, corrected: bool = False) -> Reply:
    """What the reporter sees: the record as understood, then undo and details, or a question."""
    if not found.shared:
        return _held(found, language)
    done = "episodes.saved_urgent" if found.urgent else "episodes.saved"
    footer = t(
        "episodes.corrected" if corrected else done, language, child=escape(found.child.name)
    )
    question, asking = question_views.under_receipt(found, language)
    ending = [footer] if question is None else [footer, "", question]

    def write(note_room: int, plan_room: int) -> str:
        shown = (found.card, found.child, found.counts, found.now, found.urgent, language)
        return "\n".join([*_relay_lines(*shown, note_room, plan_room), "", *ending])

    text = fit(write, *_rooms(found.card, found.child))
    return Reply(text, [*asking, *_actions(found.card.episode, found.can_undo, language)])


def _choices(
    episode_id: int, action: str, field: str, values: tuple[str, ...], language: str | None
) -> list[list[Button]]:
    buttons = [
        Button(
            t(f"episodes.button_{field}.{value}", language),
            Callback("ep", episode_id, action, value),
        )
        for value in values
    ]
    return [buttons[i : i + 3] for i in range(0, len(buttons), 3)]


def details(found: Receipt, language: str | None = None) -> Reply:
    """Buttons for the facts still missing: how strong, where, and what may have set it off."""
    episode = found.card.episode
    rows: list[list[Button]] = []
    if episode.intensity is None:
        rows += _choices(episode.id, "int", "intensity", INTENSITIES, language)
    if episode.setting is None:
        rows += _choices(episode.id, "where", "setting", SETTINGS, language)
    if not episode.triggers:
        rows += _choices(episode.id, "why", "trigger", TRIGGERS, language)
    prompt = t("episodes.details_prompt" if rows else "episodes.details_complete", language)
    rows.append([Button(t("episodes.button_done", language), Callback("ep", episode.id, "done"))])

    def write(note_room: int) -> str:
        lines = body(found.card, found.child, found.now, language, note_room=note_room)
        return "\n".join([*lines, "", prompt])

    return Reply(fit(write, room(episode.notes, NOTE_LIMIT)), rows)


def merged(primary: Card, language: str | None = None) -> Reply:
    """The second reporter said it was the same episode (after an alert: the team is told)."""
    key = "episodes.merged_after_alert" if getattr(primary, "news", ()) else "episodes.merged"
    return Reply(t(key, language, name=escape(primary.reporter or "—")))


def undone(card: Card, child: Child, now: datetime, language: str | None = None) -> Reply:
    """The reporter took the report back."""
    return Reply(
        t("episodes.undone", language, when=when(card.episode, child.timezone, now, language))
    )


def deleted(found: Receipt, back: str | None, language: str | None = None) -> Reply:
    """The episode is deleted; from the history, a button goes back to the list."""
    said = when(found.card.episode, found.child.timezone, found.now, language)
    buttons = []
    if back is not None:
        to_list = Callback("hist", found.child.id, "page", back)
        buttons.append([Button(t("episodes.button_back", language), to_list)])
    return Reply(t("episodes.deleted", language, when=said), buttons)


def removed_notice(
    key: str, actor: str, card: Card, child: Child, now: datetime, language: Language = None
) -> Reply:
    """Tell the team a relayed episode was undone or deleted (``key``: undone or deleted)."""
    said = when(card.episode, child.timezone, now, language)
    name, child_name = escape(actor), escape(child.name)
    return Reply(t(f"episodes.{key}_notice", language, name=name, child=child_name, when=said))


def corrected_notice(actor: str, found: Receipt, language: Language = None) -> Reply:
    """Tell the team how a relayed episode reads now (with the plan, if it is urgent now)."""

    def write(note_room: int, plan_room: int) -> str:
        lines = [t("episodes.corrected_notice", language, name=escape(actor))]
        card, child = found.card, found.child
        lines += body(card, child, found.now, language, urgent=found.urgent, note_room=note_room)
        if found.urgent:
            lines += ["", *plan_block(child, language, plan_room)]
        return "\n".join(lines)

    return Reply(fit(write, *_rooms(found.card, found.child)))


def news(item: EpisodeNews, language: Language = None) -> Reply:
    """What the team reads about an episode: its relay, or a notice that it changed."""
    if isinstance(item, Relayed):
        urgent = item.urgent
        return relay(item.card, item.child, item.counts, item.now, urgent=urgent, language=language)
    if isinstance(item, Removed):
        return removed_notice(item.how, item.actor, item.card, item.child, item.now, language)
    return corrected_notice(item.actor, item.receipt, language)


def delete_confirm(episode_id: int, back: str | None, language: str | None = None) -> Reply:
    """Ask before deleting; ``back`` is the history page to return to, if it came from there."""
    return Reply(
        t("episodes.delete_confirm", language),
        [
            [
                Button(
                    t("episodes.button_delete_yes", language),
                    Callback("ep", episode_id, "delyes", back),
                ),
                Button(
                    t("episodes.button_keep", language), Callback("ep", episode_id, "keep", back)
                ),
            ]
        ],
    )


def correct_prompt_sent(language: str | None = None) -> Reply:
    """The answer to Correct pressed in a group: the question waits in private."""
    return Reply(t("episodes.correct_prompt_sent", language))


def correct_prompt(line: str, language: str | None = None) -> Reply:
    """Ask for the corrected one-line report, showing how it reads now (cut if very long)."""

    def write(line_room: int) -> str:
        return t("episodes.correct_prompt", language, line=escape(clip(line, line_room)))

    return Reply(fit(write, room(line, MAX_TEXT)))
