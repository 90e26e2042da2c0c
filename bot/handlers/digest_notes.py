"""Reply under a digest, and Answer under a relayed note: the next private message is passed on."""

from __future__ import annotations

from functools import partial

from telegram.ext import Application

from bot.handlers import wizards
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.news import announce
from bot.replies import Reply
from bot.services.digests import notes
from bot.views.digests import notes as views
from models import WizardState


async def _ask_privately(turn: Press, writing: notes.Writing) -> Reply | None:
    """The prompt, in the presser's private chat (where their next message is awaited)."""
    return await turn.privately(
        views.prompt(writing, turn.language), views.sent_privately(turn.language)
    )


@press("dg", "reply", arg=Arg.OPTIONAL, sends=True)
async def write_to_team(turn: Press) -> Reply | None:
    """A reader pressed Reply under a digest: their next message goes to the team."""
    writing = await notes.to_team(turn.session, turn.person, turn.callback.id, turn.callback.arg)
    return await _ask_privately(turn, writing)


@press("note", "answer", arg=Arg.NONE, sends=True)
async def answer_writer(turn: Press) -> Reply | None:
    """A guardian pressed Answer under a relayed note: their next message goes to its writer."""
    writing = await notes.answer(turn.session, turn.person, turn.callback.id)
    return await _ask_privately(turn, writing)


@press("note", "stop")
async def stop_writing(turn: Press) -> Reply:
    """The writer changed their mind."""
    await notes.stop(turn.session, turn.person, turn.callback.id)
    return views.stopped(turn.language)


async def take_note(turn: Turn, state: WizardState) -> Reply:
    """The awaited message came: relay it as from its writer."""
    note = await notes.write(turn.session, turn.person, state, turn.text)
    await announce(turn.session, note.audience, partial(views.relayed, note))
    return views.sent(note, turn.language)


def register(app: Application) -> None:
    wizards.on_answer(notes.FLOW, take_note)
