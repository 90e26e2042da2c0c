"""The demo's stage: the sandbox with the real bot, the people in it, and time passing."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as wall_time
from zoneinfo import ZoneInfo

from bot.demo import StoryStuck
from bot.demo.clock import StoryClock
from bot.demo.transcript import Transcript, buttons
from bot.handlers.timer import tick as timer_tick
from bot.sandbox.client import Actor, Chat, Group, Message, SandboxClient
from bot.sandbox.runner import SandboxBot
from bot.scheduling import DISPATCHER_KEY

PATIENCE = 30.0  # seconds the bot may take over one step before the demo gives up


@dataclass
class Cast:
    """The people of the story, their group once there is one, and what they passed on."""

    people: dict[str, Actor] = field(default_factory=dict)
    group: Group | None = None
    invitations: dict[str, str] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Actor:
        return self.people[name]

    @property
    def team_group(self) -> Group:
        if self.group is None:
            raise StoryStuck("the story needs the team's group before it is made")
        return self.group


class Stage:
    """Where the story happens: people act through the sandbox client, the clock moves on."""

    def __init__(
        self,
        sandbox: SandboxBot,
        client: SandboxClient,
        clock: StoryClock,
        zone: ZoneInfo,
        first_day: date,
        transcript: Transcript,
    ) -> None:
        self.sandbox, self.client, self.clock = sandbox, client, clock
        self.zone, self.first_day, self.transcript = zone, first_day, transcript
        self.cast = Cast()
        self.titles: dict[int, str] = {}

    def at(self, day: int, hhmm: str) -> datetime:
        """Local ``hhmm`` on day ``day`` of the story (day 1 is the first), as UTC."""
        day_of = self.first_day + timedelta(days=day - 1)
        local = datetime.combine(day_of, wall_time.fromisoformat(hhmm))
        return local.replace(tzinfo=self.zone).astimezone(UTC)

    async def person(self, name: str, **details: str) -> Actor:
        """A new person in the sandbox, whose private chat with the bot the transcript follows."""
        actor = await self.client.user(name, **details)
        self.cast.people[name] = actor
        self.watch(actor.private_chat, f"{name}'s chat with CareCircle")
        return actor

    async def group(self, title: str, members: list[Actor]) -> Group:
        """A group made by the first of ``members``, who adds the bot to it."""
        group = await self.client.group(title, members)
        self.cast.group = group
        self.watch(group, f"group «{title}»", title)
        await group.add_bot(by=members[0])
        await self.settle()
        return group

    def watch(self, chat: Chat, title: str, name: str = "") -> None:
        self.titles[chat.id] = title
        self.transcript.watch(chat, title, name)

    async def settle(self) -> None:
        """Wait until the bot has handled everything and delivered its outbox, then print."""
        await self._quiet()
        await self.transcript.catch_up()

    async def _quiet(self) -> None:
        sender = self.sandbox.runtime.sender
        try:
            await self.client.settle(PATIENCE)
            if sender is not None and not await sender.wait_idle(PATIENCE):
                raise StoryStuck("the bot's outbox did not drain")
        except AssertionError as error:
            raise StoryStuck(str(error)) from None

    async def say(self, person: Actor, chat: Chat, text: str) -> Message:
        """``person`` writes ``text`` in ``chat``; return the bot's latest message there."""
        await self.transcript.catch_up()
        await person.send(chat, text)
        await self.settle()
        return await chat.last_bot_message()

    async def tap(self, person: Actor, chat: Chat, message: Message, label: str) -> Message:
        """``person`` taps the button ``label`` on ``message``; return the bot's latest there."""
        await self.transcript.catch_up()
        self.transcript.action(self.titles[chat.id], f"{person.first_name} taps [ {label} ]")
        query = await person.press(chat, message, label)
        await self._quiet()
        answer = await self.client.callback_answer(query)
        if answer.get("text"):  # a notice over the chat, gone in a moment
            self.transcript.action(self.titles[chat.id], f"  ↳ {answer['text']}")
        await self.transcript.catch_up()
        return await chat.last_bot_message()

    async def latest(self, chat: Chat, *, containing: str) -> Message:
        """The bot's latest message in ``chat`` whose text holds ``containing``."""
        for message in reversed(await chat.bot_messages()):
            if containing in (message.text or "") or any(
                containing in row for row in buttons(message.raw.get("reply_markup"))
            ):
                return message
        raise StoryStuck(f"no message with {containing!r} in {self.titles[chat.id]}")

    async def time_passes(self, until: datetime) -> None:
        """Move the clock to each due moment up to ``until``, and let the bot's jobs run there."""
        dispatcher = self.sandbox.app.bot_data[DISPATCHER_KEY]
        while (due := await dispatcher.next_due()) is not None and due <= until:
            self._move_to(max(due, self.clock.now()))
            await dispatcher.tick()
            await self.settle()
        self._move_to(until)
        await timer_tick(self.sandbox.runtime, self.sandbox.app.bot)
        await self.settle()

    def _move_to(self, when: datetime) -> None:
        """The bot's clock and Telegram's move together, so flood limits and buttons age too."""
        before = self.clock.now()
        self.clock.set(when)
        moved = (self.clock.now() - before).total_seconds()
        if moved > 0:
            self.sandbox.emulator.core.clock.advance(moved)

    async def document(self, person: Actor, name_ends: str) -> bytes:
        """The file the bot sent ``person`` whose name ends so, once it has arrived."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            for message in reversed(await person.private_chat.bot_messages()):
                document = message.raw.get("document")
                if document and document.get("file_name", "").endswith(name_ends):
                    await self.transcript.catch_up()
                    return await self.client.download(document["file_id"])
            await asyncio.sleep(0.05)
        raise StoryStuck(f"no {name_ends} file reached {person.first_name}")

    async def photo(self, message: Message) -> bytes:
        """The picture ``message`` carries, as sent."""
        photo = message.raw.get("photo")
        if not photo:
            raise StoryStuck(f"message {message.message_id} carries no picture")
        file = photo[-1] if isinstance(photo, list) else photo
        return await self.client.download(file["file_id"])
