"""The handler kit: one session per update, the sender resolved, the answer sent after commit.

A handler is ``async def name(turn) -> Reply | None``, made a PTB callback by

- ``@handles``: a command or message from a person (``Turn.person`` is always set);
- ``@handles_any``: an update that may come from no one we know (status changes, /help);
- ``@press(prefix, *actions)`` (``routes``) or ``@for_child(command)`` (``child``): a button,
  routed from ``callbacks.ACTIONS``; a ``Press`` always carries its parsed ``callback``.

The kit opens the session, skips updates already handled, records who sent it, runs the
handler, commits once, and only then delivers (``delivering``): the returned reply replaces
the pressed message, or is sent in answer to a typed one, followed by what ``turn.send``
queued — so nothing is announced that was not saved. A reply carrying a file goes out
last, from a task of its own (``documents``). A ``DomainError`` rolls back and
becomes a friendly reply (``refusal``), its params escaped there and only there (they
are often the user's own words). When the database cannot be reached, the poller keeps the
update and hands it over again (``outage``): the sender is told once that it will be
saved, and the answer to the later attempt, quoting their message, tells them it was;
only an update nobody will retry is answered with "nothing was recorded".
Every update is cleaned (``bot.incoming``) before anything of it is saved; the poller has
done so already, webhook updates are cleaned here. Callback queries are always answered.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot import callbacks, clock
from bot.delivery import outbox
from bot.handlers import delivering, documents, outage
from bot.incoming import clean_update
from bot.replies import Reply
from bot.runtime import runtime_of
from bot.services.errors import DomainError
from bot.services.teams import languages, people
from bot.texts import escape, t
from bot.views.dates import format_day, format_moment
from models import Person, ProcessedUpdate
from models.session import first_mark

if TYPE_CHECKING:
    from bot.handlers.routes import Route

log = logging.getLogger(__name__)


@dataclass
class AnyTurn:
    """One update being handled: its session, its sender if any, and what to send back."""

    update: Update
    session: AsyncSession
    person: Person | None
    callback: callbacks.Callback | None = None
    sends: list[Reply] = field(default_factory=list)
    answer: str | None = None
    alert: bool = False
    # When the update came in, if it is handled late (the database was unreachable then).
    received_at: datetime | None = None
    # In a linked group everyone reads the answer: it is written in the team's language.
    group_language: str | None = None

    @property
    def language(self) -> str | None:
        if self.group_language is not None:
            return self.group_language
        return self.person.language_code if self.person else None

    @property
    def chat_id(self) -> int:
        assert self.update.effective_chat is not None  # every update the kit routes has a chat
        return self.update.effective_chat.id

    @property
    def in_private(self) -> bool:
        chat = self.update.effective_chat
        return chat is not None and chat.type == ChatType.PRIVATE

    @property
    def text(self) -> str:
        message = self.update.effective_message
        return (message.text or message.caption or "") if message else ""

    @property
    def pressed_message(self) -> tuple[int, int] | None:
        """The (chat id, message id) of the message whose button was pressed, if it is shown."""
        query = self.update.callback_query
        if query is None or not isinstance(query.message, Message):
            return None
        return query.message.chat.id, query.message.message_id

    def send(self, reply: Reply) -> None:
        """Send ``reply`` as a new message, after the answer the handler returns."""
        self.sends.append(reply)


@dataclass
class Turn(AnyTurn):
    """An update from a person: the kit has recorded them, so ``person`` is always set."""

    person: Person


@dataclass
class Press(Turn):
    """A button press the callback table knows: ``callback`` is always set."""

    callback: callbacks.Callback

    async def privately(self, prompt: Reply, notice: str) -> Reply | None:
        """``prompt`` in the presser's private chat; pressed in a group, ``notice`` answers it."""
        if self.in_private:
            return prompt
        await outbox.enqueue(self.session, self.person.telegram_user_id, prompt)
        self.answer = notice
        return None


T = TypeVar("T", bound=AnyTurn)


class NoSender(Exception):
    """An update that needs a person came from no one we know (a channel, an anonymous admin).

    The error handler apologises, as for any update the bot cannot handle.
    """


class Handler(Generic[T]):
    """A turn function as a PTB callback, with the button routes it answers.

    ``sends``: a pressed button's answer goes out as a new message instead of
    replacing the pressed one. ``run`` is the bare turn function, for a handler that
    hands the turn on to another.
    """

    def __init__(
        self,
        run: Callable[[T], Awaitable[Reply | None]],
        kind: type[T],
        *,
        routes: tuple[Route, ...] = (),
        sends: bool = False,
    ) -> None:
        functools.update_wrapper(self, run)
        self.run, self.kind, self.routes, self.sends = run, kind, routes, sends

    def routed(self, route: Route) -> Handler[T]:
        """This handler, also answering ``route``."""
        return Handler(self.run, self.kind, routes=(*self.routes, route), sends=self.sends)

    async def _turn(self, update: Update, session: AsyncSession) -> T:
        person = await _sender(session, update)
        data = update.callback_query.data if update.callback_query else None
        callback = callbacks.parse(data)
        if person is None and issubclass(self.kind, Turn):
            raise NoSender(f"update {update.update_id} has no person to act for")
        if callback is None and issubclass(self.kind, Press):
            raise DomainError("errors.expired_button")
        turn = self.kind(update, session, person, callback)
        chat = update.effective_chat
        if chat is not None and chat.type != ChatType.PRIVATE:
            turn.group_language = await languages.of_group(session, chat.id)
        return turn

    async def __call__(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        runtime = runtime_of(context)
        poller = runtime.poller
        update = clean_update(update, context.bot)  # webhook updates enter here
        spoken = _telegram_language(update)  # then the sender's (or the group's) as stored
        try:
            async with runtime.db.transaction() as session:
                if not await _first_time(session, update.update_id):
                    if poller is not None and poller.promised(update.update_id):
                        await outage.saved_after_all(update)
                    return
                turn = await self._turn(update, session)
                spoken = turn.language
                turn.received_at = poller.late(update.update_id) if poller else None
                reply = await self.run(turn)
        except DomainError as error:
            await delivering.refuse(update, refusal(error, spoken))
            return
        except (SQLAlchemyError, OSError):
            log.exception("database error while handling update %s", update.update_id)
            await outage.tell(runtime, update)
            return
        runtime.wake_sender()
        pressed = update.callback_query is not None
        # A photo cannot replace a text message: it goes out as a new one.
        photo = reply is not None and reply.photo is not None
        edit = reply if pressed and not self.sends and not photo else None
        replies = [*([reply] if reply is not None and edit is None else []), *turn.sends]
        files = [r for r in replies if r.document is not None]
        replies = [r for r in replies if r.document is None]
        try:
            await delivering.deliver(
                update,
                runtime,
                answer=turn.answer,
                alert=turn.alert,
                edit=edit,
                replies=replies,
                chat_id=turn.chat_id if replies else None,
                quote=not pressed and not turn.in_private,
                late=turn.received_at is not None,
            )
        except TelegramError:
            log.exception("could not deliver the reply to update %s", update.update_id)
        for file in files:  # made and sent while the next updates are handled
            sending = documents.send(update.get_bot(), runtime, turn.chat_id, file)
            context.application.create_task(sending, update=update)


def _telegram_language(update: Update) -> str | None:
    return update.effective_user.language_code if update.effective_user else None


async def _first_time(session: AsyncSession, update_id: int) -> bool:
    """Mark ``update_id`` handled, in one statement; False if it was already (a redelivery)."""
    return await first_mark(session, ProcessedUpdate(update_id=update_id, processed_at=clock.now()))


async def _sender(session: AsyncSession, update: Update) -> Person | None:
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    chat = update.effective_chat
    return await people.meet(
        session,
        user.id,
        user.first_name,
        last_name=user.last_name,
        username=user.username,
        language_code=user.language_code,
        # Blocking the bot arrives as a private my_chat_member update: not a sign of life.
        in_private=chat is not None
        and chat.type == ChatType.PRIVATE
        and update.my_chat_member is None,
    )


def handles(fn: Callable[[Turn], Awaitable[Reply | None]]) -> Handler[Turn]:
    """Handle a command or message from a person (see the module docstring)."""
    return Handler(fn, Turn)


def handles_any(fn: Callable[[AnyTurn], Awaitable[Reply | None]]) -> Handler[AnyTurn]:
    """Handle an update whether or not it comes from a person we know."""
    return Handler(fn, AnyTurn)


def refusal(error: DomainError, language: str | None = None) -> str:
    """The HTML that explains ``error``: its params may hold anyone's words, so all are escaped.

    This is the one place they are escaped; services pass them as they are.
    """
    params = {name: _param(value, language) for name, value in error.params.items()}
    return t(error.key, language, **params)


def _param(value: object, language: str | None = None) -> str:
    """A refusal's param as text: a wall time or day in the reader's words, else escaped."""
    if isinstance(value, datetime):
        return format_moment(value, "long_moment", language)
    if isinstance(value, date):
        return format_day(value, "long_day", language)
    return escape(str(value))


@handles_any
async def expired_button(turn: AnyTurn) -> None:
    """Someone pressed a button whose data we do not recognise (stale or forged)."""
    turn.answer = t("errors.expired_button", turn.language)
    turn.alert = True
