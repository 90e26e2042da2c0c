"""The demo's scenes: what each person of Lily's team does, through the sandbox client."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.demo import StoryStuck
from bot.demo.stage import Stage

CHILD = "Lily"
MUM, TEACHER, GRANDPA, DOCTOR = "Anna", "Ms Park", "Grandpa Joe", "Dr Lee"
GROUP = "Lily's care team"
ROLES = {
    TEACHER: "🏫 Teacher or educator",
    GRANDPA: "🧡 Other caregiver (family, nanny)",
    DOCTOR: "🩺 Doctor, nurse or therapist",
}
INVITE_LINK = re.compile(r"https://t\.me/\w+\?start=([A-Za-z0-9_-]+)")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EXPORTS = {
    "pdf": ("📄 PDF report", "Last 28 days", ".pdf"),
    "csv": ("📊 CSV files (zip)", "Everything", "-csv.zip"),
    "fhir": ("🏥 FHIR R4 (hospital systems)", "Last 28 days", "-fhir.json"),
}

Act = Callable[[Stage], Awaitable[None]]


async def create_team(stage: Stage) -> None:
    """Anna opens the bot and makes Lily's care team; the others have Telegram too."""
    mum = await stage.person(MUM)
    for name in (TEACHER, GRANDPA, DOCTOR):
        await stage.person(name)
    chat = mum.private_chat
    await stage.say(mum, chat, "/start")
    await stage.say(mum, chat, "/newchild")
    question = await stage.say(mum, chat, CHILD)
    question = await stage.tap(mum, chat, question, "London")
    await stage.tap(mum, chat, question, "Skip")


async def link_group(stage: Stage) -> None:
    mum = stage.cast[MUM]
    group = await stage.group(GROUP, [mum, stage.cast[TEACHER], stage.cast[GRANDPA]])
    await stage.say(mum, group, "/link")


async def invite(stage: Stage) -> None:
    """Anna makes one invitation link per person and passes each on."""
    mum = stage.cast[MUM]
    chat = mum.private_chat
    for name, role in ROLES.items():
        roles = await stage.say(mum, chat, "/invite")
        link = await stage.tap(mum, chat, roles, role)
        found = INVITE_LINK.search(link.text or "")
        if not found:
            raise StoryStuck(f"no invitation link in {link.text!r}")
        stage.cast.invitations[name] = found.group(1)
        stage.transcript.action(stage.titles[chat.id], f"(Anna sends the link to {name})")


async def join(stage: Stage) -> None:
    """Each opens the link Anna sent, which starts the bot with its token."""
    for name in ROLES:
        person = stage.cast[name]
        await stage.say(person, person.private_chat, f"/start {stage.cast.invitations[name]}")


def says(name: str, text: str, *, in_group: bool = False) -> Act:
    """``name`` writes ``text`` in their private chat, or in the team group."""

    async def act(stage: Stage) -> None:
        person = stage.cast[name]
        chat = stage.cast.team_group if in_group else person.private_chat
        await stage.say(person, chat, text)

    return act


def digest_on(day_of_week: int) -> Act:
    """Dr Lee asks for Lily's digest every week on that day at 08:00."""

    async def act(stage: Stage) -> None:
        doctor = stage.cast[DOCTOR]
        chat = doctor.private_chat
        menu = await stage.say(doctor, chat, "/digest schedule")
        days = await stage.tap(doctor, chat, menu, "📅 Every week")
        hours = await stage.tap(doctor, chat, days, WEEKDAYS[day_of_week])
        await stage.tap(doctor, chat, hours, "08:00")

    return act


def dose_answered(name: str, at: str, label: str = "✅ Given") -> Act:
    """``name`` answers the reminder of the ``at`` dose in their private chat."""

    async def act(stage: Stage) -> None:
        person = stage.cast[name]
        reminder = await stage.latest(person.private_chat, containing=f"{at} dose for {CHILD}")
        await stage.tap(person, person.private_chat, reminder, label)

    return act


def missed_dose_seen(name: str) -> Act:
    """``name`` sees the missed-dose alert in the group and acknowledges it."""

    async def act(stage: Stage) -> None:
        group = stage.cast.team_group
        alert = await stage.latest(group, containing="Missed dose")
        await stage.tap(stage.cast[name], group, alert, "👀 Acknowledge")

    return act


async def followup_done(stage: Stage) -> None:
    """Anna answers the bot's question after the appointment."""
    mum = stage.cast[MUM]
    question = await stage.latest(mum.private_chat, containing="Did it happen?")
    await stage.tap(mum, mum.private_chat, question, "✅ It happened")


async def guided_report(stage: Stage) -> None:
    """Grandpa Joe reports an evening episode with the buttons, one tap at a time."""
    grandpa = stage.cast[GRANDPA]
    chat = grandpa.private_chat
    message = await stage.say(grandpa, chat, "/episode")
    for label in ("15 min ago", "10–30 s", "Cluster of jerks", "Arms", "✅ Done", "Mild"):
        message = await stage.tap(grandpa, chat, message, label)
    for label in ("🏠 Home", "Tired", "✅ Done", "Skip ➡️", "✅ Save"):
        message = await stage.tap(grandpa, chat, message, label)


async def timed_seizure(stage: Stage) -> None:
    """Anna times a longer seizure live, stops the timer and saves it."""
    mum = stage.cast[MUM]
    chat = mum.private_chat
    timer = await stage.say(mum, chat, "/timer")
    for seconds in (30, 30, 14):
        await stage.time_passes(stage.clock.now() + timedelta(seconds=seconds))
    stopped = await stage.tap(mum, chat, await chat.current(timer), "⏹ Stop")
    await stage.tap(mum, chat, stopped, "✅ Save now")


async def digest_read(stage: Stage) -> None:
    """Dr Lee reads the digest, acknowledges it and writes to the team; Anna answers."""
    doctor, mum = stage.cast[DOCTOR], stage.cast[MUM]
    chat, group = doctor.private_chat, stage.cast.team_group
    chart = next(m for m in reversed(await chat.bot_messages()) if "photo" in m.raw)
    stage.cast.files["digest-chart.png"] = await stage.photo(chart)
    figures = await stage.latest(chat, containing="✅ Acknowledge")
    await stage.tap(doctor, chat, figures, "✅ Acknowledge")
    await stage.tap(doctor, chat, figures, "💬 Reply to the team")
    await stage.say(
        doctor, chat, "Fewer morning jerks since 375 mg: keep it. Bring the EEG report next visit."
    )
    relayed = await stage.latest(group, containing="↩️ Answer Dr Lee")
    await stage.tap(mum, group, relayed, "↩️ Answer Dr Lee")
    await stage.say(mum, mum.private_chat, "Thank you, we will.")


def export(name: str, kind: str) -> Act:
    """``name`` asks for an export by buttons and keeps the file that arrives."""
    button, period, ending = EXPORTS[kind]

    async def act(stage: Stage) -> None:
        person = stage.cast[name]
        chat = person.private_chat
        menu = await stage.say(person, chat, "/export")
        choice = await stage.tap(person, chat, menu, button)
        await stage.tap(person, chat, choice, period)
        content = await stage.document(person, ending)
        stage.cast.files[f"carecircle-{CHILD}{ending}"] = content

    return act
