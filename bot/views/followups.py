"""Follow-up screens: the questions, the confirmation, the list, a notice and the after-question."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.callbacks import Callback
from bot.recurrence import Recurrence
from bot.replies import Button, Reply
from bot.services.followups.agenda import Agenda, SavedFollowup
from bot.services.followups.notices import AppointmentAnswer, AppointmentOutcome, Occurrence
from bot.services.followups.schedule import NOTICE_CHOICES, stamp
from bot.services.followups.wizard import KINDS
from bot.services.wizards import ticket
from bot.texts import t
from bot.views.common import escape
from bot.views.dates import format_clock, format_day, format_moment
from models import Child, Followup, WizardState

BUTTON_TITLE = 18


def _local(at: datetime, timezone: str) -> datetime:
    return at.astimezone(ZoneInfo(timezone))


def day(at: datetime, timezone: str, language: str | None = None) -> str:
    """``Tue 1 Dec`` in the child's time zone."""
    return format_day(_local(at, timezone), "day_unpadded", language)


def moment(at: datetime, timezone: str, language: str | None = None) -> str:
    """``Tue 1 Dec, 14:30`` in the child's time zone."""
    return format_moment(_local(at, timezone), "day_time", language)


def _icon(followup: Followup, language: str | None) -> str:
    return t(f"followups.icon.{followup.kind}", language)


def _short(title: str) -> str:
    """A title short enough for a button (buttons are plain text: no escaping)."""
    return title if len(title) <= BUTTON_TITLE else f"{title[: BUTTON_TITLE - 1].rstrip()}…"


def _stop(state: WizardState, language: str | None) -> list[Button]:
    return [Button(t("followups.button_stop", language), Callback("fuflow", ticket(state), "stop"))]


def ask_kind(state: WizardState, child: Child, language: str | None) -> Reply:
    """The first question of the guided flow: one big button per common kind."""
    buttons = [
        [
            Button(
                t(f"followups.kinds.{name}", language),
                Callback("fuflow", ticket(state), "kind", name),
            )
        ]
        for name in KINDS
    ]
    return Reply(
        t("followups.ask_kind", language, child=escape(child.name)),
        [*buttons, _stop(state, language)],
    )


def ask_when(state: WizardState, language: str | None) -> Reply:
    """Ask for the date (and, for "something else", what it is)."""
    title = state.data.get("title")
    if title is None:
        return Reply(t("followups.ask_line", language), [_stop(state, language)])
    return Reply(t("followups.ask_when", language, title=escape(title)), [_stop(state, language)])


def stopped(language: str | None) -> Reply:
    return Reply(t("followups.stopped", language))


def _repeat(recurrence: str, language: str | None) -> str:
    """How often, in the reader's words: "every day", "every 3 months", "cada 2 semanas"."""
    every = Recurrence.from_text(recurrence)
    return t(f"followups.every.{every.unit}", language, n=every.interval)


def _when_line(followup: Followup, language: str | None) -> str:
    when = moment(followup.due_at, followup.timezone, language)
    if followup.recurrence is None:
        return t("followups.when_once", language, when=when)
    repeat = _repeat(followup.recurrence, language)
    return t("followups.when_repeat", language, repeat=repeat, when=when)


def _notices_line(found: SavedFollowup, language: str | None) -> str:
    if not found.notices:
        return t("followups.notices_none", language)
    # A repeat's notices passed this time still come before the next occurrences.
    shown = found.notices if found.followup.recurrence else found.ahead
    if not shown:
        return t("followups.notices_too_soon", language)
    names = [t(f"followups.notice.{name}", language) for name in shown]
    separator = t("followups.list_separator", language)
    return t("followups.notices_line", language, list=separator.join(names))


def _notice_buttons(saved: SavedFollowup, language: str | None) -> list[list[Button]]:
    chosen = set(saved.notices)
    buttons = [
        Button(
            t(
                f"followups.notice_button.{'on' if name in chosen else 'off'}",
                language,
                name=t(f"followups.notice_button.{name}", language),
            ),
            Callback("fu", saved.followup.id, "notice", name),
        )
        for name in NOTICE_CHOICES
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


def saved(found: SavedFollowup, language: str | None, *, moved: bool = False) -> Reply:
    """The confirmation: what, when, which notices; buttons to change the notices or cancel."""
    followup = found.followup
    head = t(
        "followups.moved" if moved else "followups.saved",
        language,
        child=escape(found.child.name),
        icon=_icon(followup, language),
        title=escape(followup.title),
    )
    lines = [head, _when_line(followup, language)]
    buttons = _notice_buttons(found, language)
    if found.time_assumed:
        at = format_clock(_local(followup.due_at, followup.timezone), language)
        lines.append(t("followups.time_assumed", language, time=at))
        move = Button(t("followups.button_move", language), Callback("fu", followup.id, "move"))
        buttons.append([move])
    lines.append(_notices_line(found, language))
    cancel = Button(t("followups.button_cancel", language), Callback("fu", followup.id, "cancel"))
    return Reply("\n".join(lines), [*buttons, [cancel]])


def sent_privately(language: str | None) -> str:
    """The short answer on a button whose follow-up question went to the private chat."""
    return t("followups.sent_privately", language)


def reminder(occurrence: Occurrence, now: datetime, language: str | None = None) -> Reply:
    """A notice to the team: what is coming, and when, said the way people say it."""
    followup, zone = occurrence.followup, occurrence.followup.timezone
    days = (_local(occurrence.at, zone).date() - _local(now, zone).date()).days
    phrase = {0: "today", 1: "tomorrow"}.get(days, "other_day")
    when = t(
        f"followups.reminder.{phrase}",
        language,
        day=day(occurrence.at, zone, language),
        time=format_clock(_local(occurrence.at, zone), language),
    )
    return Reply(
        t(
            "followups.reminder.text",
            language,
            child=escape(occurrence.child.name),
            icon=_icon(followup, language),
            title=escape(followup.title),
            when=when,
        )
    )


def question(occurrence: Occurrence, language: str | None = None) -> Reply:
    """The after-appointment question, with one button per answer."""
    followup = occurrence.followup
    text = t(
        "followups.outcome.question",
        language,
        icon=_icon(followup, language),
        title=escape(followup.title),
        child=escape(occurrence.child.name),
        when=moment(occurrence.at, followup.timezone, language),
    )
    buttons = [
        [
            Button(
                t(f"followups.outcome.button_{o}", language),
                Callback("fu", followup.id, o, stamp(occurrence.at)),
            )
        ]
        for o in AppointmentOutcome
    ]
    return Reply(text, buttons)


def answered(answer: AppointmentAnswer, language: str | None) -> Reply:
    """The question, answered: what was noted, and a way to set a new date if it did not happen."""
    occurrence = answer.occurrence
    followup = occurrence.followup
    text = t(
        f"followups.outcome.{answer.outcome}",
        language,
        name=escape(answer.by),
        title=escape(followup.title),
        when=moment(occurrence.at, followup.timezone, language),
    )
    if answer.outcome == AppointmentOutcome.HAPPENED:
        return Reply(text)
    label = t("followups.outcome.button_new_date", language)
    return Reply(text, [[Button(label, Callback("fu", followup.id, "move"))]])


def agenda(found: Agenda, language: str | None) -> Reply:
    """What is coming, numbered, with a move and a cancel button per follow-up."""
    child = escape(found.child.name)
    if not found.items:
        return Reply(t("followups.agenda.empty", language, child=child))
    lines, buttons = [t("followups.agenda.title", language, child=child)], []
    for number, item in enumerate(found.items, start=1):
        followup = item.followup
        lines.append(
            t(
                "followups.agenda.item",
                language,
                number=number,
                icon=_icon(followup, language),
                title=escape(followup.title),
            )
        )
        lines.append(_agenda_times(followup, item.times, language))
        label = {"number": number, "title": _short(followup.title)}
        buttons.append(
            [
                Button(
                    t("followups.agenda.button_move", language, **label),
                    Callback("fu", followup.id, "move"),
                ),
                Button(
                    t("followups.agenda.button_cancel", language, **label),
                    Callback("fu", followup.id, "cancel"),
                ),
            ]
        )
    return Reply("\n".join(lines), buttons)


def _agenda_times(followup: Followup, times: list[datetime], language: str | None) -> str:
    shown = [moment(at, followup.timezone, language) for at in times]
    if followup.recurrence is None:
        return t("followups.agenda.once", language, when=shown[0])
    separator = t("followups.agenda.times_separator", language)
    repeat = _repeat(followup.recurrence, language)
    return t("followups.agenda.repeat", language, repeat=repeat, times=separator.join(shown))


def confirm_cancel(found: SavedFollowup, language: str | None) -> Reply:
    """Ask once before cancelling: a slip of the thumb should not cost a reminder."""
    followup = found.followup
    yes = Button(t("followups.agenda.button_yes", language), Callback("fu", followup.id, "drop"))
    keep = Button(t("followups.agenda.button_keep", language), Callback("fu", followup.id, "keep"))
    text = t(
        "followups.agenda.confirm_cancel",
        language,
        icon=_icon(followup, language),
        title=escape(followup.title),
        when=moment(followup.due_at, followup.timezone, language),
    )
    return Reply(text, [[yes], [keep]])


def cancelled(found: SavedFollowup, language: str | None) -> Reply:
    return Reply(t("followups.agenda.cancelled", language, title=escape(found.followup.title)))


def ask_new_date(found: SavedFollowup, language: str | None) -> Reply:
    title = escape(found.followup.title)
    return Reply(t("followups.agenda.ask_new_date", language, title=title))
