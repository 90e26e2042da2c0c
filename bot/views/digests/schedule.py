"""/digest schedule: a reader's digest schedule, and the buttons that set it in a few taps."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.digests.subscriptions import Schedule
from bot.services.teams.permissions import Action, may
from bot.texts import escape, t
from bot.views.common import local_time
from bot.views.dates import weekday_name
from models import DigestCadence, DigestSubscription

HOURS = range(6, 22)  # the times offered, on the reader's clock
PER_ROW = 4


def describe(subscription: DigestSubscription, language: str | None = None) -> str:
    """ "every Monday at 08:00", "every 4 weeks on Thursday at 18:00"."""
    return t(
        f"digest.schedule.{subscription.cadence}",
        language,
        weekday=weekday_name(subscription.weekday, language),
        hour=f"{subscription.hour:02d}:00",
    )


def menu(schedule: Schedule, language: str | None = None, *, saved: bool = False) -> Reply:
    """The schedule now, and the choices: every week, every 4 weeks, none; the group's switch."""
    child = schedule.child
    lines = [t("digest.schedule.title", language, child=escape(child.name))]
    if saved:
        lines.insert(0, t("digest.schedule.saved", language))
    found = schedule.subscription
    if found is None or found.next_due_at is None:
        lines.append(t("digest.schedule.none", language))
    else:
        nxt = local_time(found.next_due_at, schedule.timezone, "moment", language)
        when = describe(found, language)
        lines.append(
            t("digest.schedule.now", language, when=when, zone=schedule.timezone, next=nxt)
        )
    lines.append(t("digest.schedule.zone_hint", language))
    buttons = [
        [_button("button_weekly", child.id, "cadence", DigestCadence.WEEKLY, language)],
        [_button("button_monthly", child.id, "cadence", DigestCadence.MONTHLY, language)],
    ]
    if found is not None:
        buttons.append([_button("button_off", child.id, "off", None, language)])
    if may(schedule.membership.role, Action.LINK_GROUP):
        lines.append(t(f"digest.schedule.group_{'on' if child.group_digests else 'off'}", language))
        switch = "off" if child.group_digests else "on"
        buttons.append([_button(f"button_group_{switch}", child.id, "group", switch, language)])
    return Reply("\n".join(lines), buttons)


def ask_day(schedule: Schedule, cadence: DigestCadence, language: str | None = None) -> Reply:
    """Which weekday the digest should come."""
    child_id = schedule.child.id
    days = [
        Button(
            weekday_name(day, language, "abbreviated").capitalize(),
            Callback("dsub", child_id, "day", f"{cadence}.{day}"),
        )
        for day in range(7)
    ]
    return Reply(
        t("digest.schedule.ask_day", language, child=escape(schedule.child.name)),
        [days[:4], days[4:], [_button("button_back", child_id, "menu", None, language)]],
    )


def ask_hour(
    schedule: Schedule, cadence: DigestCadence, weekday: int, language: str | None = None
) -> Reply:
    """At what time on that weekday, on the reader's clock."""
    child_id = schedule.child.id
    hours = [
        Button(
            f"{hour:02d}:00", Callback("dsub", child_id, "at", f"{cadence}.{weekday}.{hour:02d}")
        )
        for hour in HOURS
    ]
    rows = [hours[i : i + PER_ROW] for i in range(0, len(hours), PER_ROW)]
    back = Button(
        t("digest.schedule.button_back", language), Callback("dsub", child_id, "cadence", cadence)
    )
    text = t(
        "digest.schedule.ask_hour",
        language,
        weekday=weekday_name(weekday, language),
        zone=schedule.timezone,
    )
    return Reply(text, [*rows, [back]])


def off(schedule: Schedule, language: str | None = None) -> Reply:
    """No more scheduled digests."""
    return Reply(t("digest.schedule.off", language, child=escape(schedule.child.name)))


def default_set(schedule: Schedule | None, language: str | None = None) -> str:
    """The line "Digests only" adds: the schedule it set, or why there is none."""
    if schedule is None or schedule.subscription is None:
        return t("digest.schedule.no_digests", language)
    return t(
        "digest.schedule.default_set",
        language,
        child=escape(schedule.child.name),
        when=describe(schedule.subscription, language),
        zone=schedule.timezone,
    )


def _button(key: str, child_id: int, action: str, arg: str | None, language: str | None) -> Button:
    return Button(t(f"digest.schedule.{key}", language), Callback("dsub", child_id, action, arg))
