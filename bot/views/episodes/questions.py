"""A report's one open question under its receipt: the question, its likely answers as buttons."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.episodes.asked import Asked
from bot.services.episodes.history import Receipt
from bot.services.episodes.parsed import Option
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import format_clock
from bot.views.episodes.card import NOTE_LIMIT, body, lasted, moment, when
from bot.views.limits import clip, fit, room
from models import Child
from models.episode import DurationBound, TimePrecision

PER_ROW = 3
LABEL_LIMIT = 40  # a button shows at most this much of the words typed for an answer
# A part of the day said without its day: the question names the day too.
BARE_PARTS = frozenset({"morning", "afternoon", "evening", "night", "at night", "in the morning",
                        "in the afternoon", "in the evening"})  # fmt: skip


def under_receipt(found: Receipt, language: str | None) -> tuple[str | None, list[list[Button]]]:
    """The one question still open on a shared report, and its buttons: what the reading left
    open, else "is it the same one?" asked after an urgent alert."""
    episode = found.card.episode
    if found.question is not None:
        rows = buttons(episode.id, found.question, found.child, found.now, language)
        return text(found.question, language, day_said=_day_said(found, language)), rows
    if found.duplicate is None:
        return None, []
    other = found.duplicate
    said = when(other.episode, found.child.timezone, found.now, language)
    asked = t("episodes.same_after_alert", language, name=escape(other.reporter or "—"), when=said)
    same = Callback("ep", episode.id, "same", str(other.episode.id))
    return asked, [
        [
            Button(t("episodes.button_same", language), same),
            Button(t("episodes.button_different", language), Callback("ep", episode.id, "differ")),
        ]
    ]


def typing_prompt(found: Receipt, in_private: bool, language: str | None = None) -> Reply:
    """The report with what to type for its question (in a group: reply with it)."""
    if found.question is None:
        return Reply(t("episodes.already_answered", language))
    asked = found.question
    prompt = typing(asked, in_private, language)
    rows = buttons(
        found.card.episode.id, asked, found.child, found.now, language, typing_offered=False
    )

    def write(note_room: int) -> str:
        lines = body(found.card, found.child, found.now, language, note_room=note_room)
        asked_text = text(asked, language, day_said=_day_said(found, language))
        return "\n".join([*lines, "", asked_text, prompt])

    return Reply(fit(write, room(found.card.episode.notes, NOTE_LIMIT)), rows)


def answer_taken(found: Receipt, language: str | None = None) -> Reply:
    """The answer to a typed answer: the report above shows it now."""
    return Reply(t("episodes.answer_taken", language))


def text(asked: Asked, language: str | None = None, *, day_said: str | None = None) -> str:
    """ "“at breakfast” — about what time?", with the phrase as it was typed; a bare part of
    the day ("evening") reads as ``day_said``, the report's time as shown ("yesterday evening")."""
    question = asked.question
    params = {"medicine": t("episodes.question.medicine", language)}
    params |= {name: escape(value) for name, value in question.params.items()}
    phrase = question.phrase
    if day_said and question.kind == "time_of_day" and phrase.lower().strip() in BARE_PARTS:
        phrase = day_said
    key = f"episode_parsing.question.{question.kind}"
    return t(key, language, phrase=escape(phrase), **params)


def _day_said(found: Receipt, language: str | None) -> str:
    return when(found.card.episode, found.child.timezone, found.now, language)


def typing(asked: Asked, in_private: bool, language: str | None = None) -> str:
    """What to type for the question, and, in a group, to reply to the message with it."""
    where = "type" if in_private else "type_in_group"
    return t(f"episodes.{where}.{asked.topic}", language)


def buttons(
    episode_id: int,
    asked: Asked,
    child: Child,
    now: datetime,
    language: str | None = None,
    *,
    typing_offered: bool = True,
) -> list[list[Button]]:
    """One button per likely answer, then "Type it" where typing is offered."""
    options = asked.question.options
    row = [
        Button(
            label(asked, index, child, now, language),
            Callback("ep", episode_id, "ans", f"{asked.number}.{index}"),
        )
        for index in range(len(options))
    ]
    if asked.question.type_it and typing_offered:
        typed = Callback("ep", episode_id, "typeit", str(asked.number))
        row.append(Button(t("episodes.button_type_it", language), typed))
    return [row[i : i + PER_ROW] for i in range(0, len(row), PER_ROW)]


def label(asked: Asked, index: int, child: Child, now: datetime, language: str | None) -> str:
    """An answer's button: a time, a length, a count, or what was typed for it."""
    question, option = asked.question, asked.question.options[index]
    if question.kind == "rescue_time":
        return _rescue_label(asked, index, language)
    said = None
    if asked.topic == "time":
        said = _time(question.options, option, child, now, language)
    elif asked.topic == "duration":
        said = _length(option, language)
    else:
        said = _count(option, language)
    if said or option.label.strip():
        return said or clip(option.label, LABEL_LIMIT)
    return t("episodes.question.option", language, n=index + 1)


def _rescue_label(asked: Asked, index: int, language: str | None) -> str:
    """ "💊 midazolam given at 3 min" or "⏱ It lasted 3 min"."""
    options = asked.question.options
    length = _length(options[-1], language) or clip(options[-1].label, LABEL_LIMIT) or "?"
    if index == 0:
        medicine = asked.question.params.get("medicine") or t(
            "episodes.question.medicine", language
        )
        return t("episodes.question.given_at", language, medicine=medicine, at=length)
    return t("episodes.question.lasted", language, length=length)


def _time(
    options: tuple[Option, ...], option: Option, child: Child, now: datetime, language: str | None
) -> str | None:
    """ "20:00" when every answer is on one day, else the day too."""
    try:
        moments = [datetime.fromisoformat(o.fields["occurred_at"]) for o in options]
        at = datetime.fromisoformat(option.fields["occurred_at"])
    except (KeyError, TypeError, ValueError):
        return None
    zone = ZoneInfo(child.timezone)
    if len({m.astimezone(zone).date() for m in moments}) == 1:
        return format_clock(at.astimezone(zone), language)
    return moment(at, child.timezone, now, language, TimePrecision.EXACT)


def _length(option: Option, language: str | None) -> str | None:
    fields = option.fields
    bound = fields.get("duration_bound")
    try:
        return lasted(
            fields.get("duration_seconds"),
            fields.get("duration_max_seconds"),
            DurationBound(bound) if bound else None,
            language,
        )
    except (TypeError, ValueError):
        return None


def _count(option: Option, language: str | None) -> str | None:
    count, most = option.fields.get("jerk_count"), option.fields.get("count_max")
    if not isinstance(count, int):
        return None
    if isinstance(most, int):
        return t("episodes.count.range", language, low=count, high=most)
    return t("episodes.count.jerks", language, n=count)
