"""Notes about a digest: the prompt, the note as the team reads it, and what its writer is told."""

from __future__ import annotations

from bot.callbacks import Callback
from bot.replies import Button, Reply
from bot.services.digests.notes import Note, Writing
from bot.services.wizards import ticket
from bot.texts import escape, t
from bot.views.digests.words import bounded

NAME_LIMIT = 32


def prompt(writing: Writing, language: str | None = None) -> Reply:
    """Your next message goes to the team (or to the member you answer)."""
    if writing.to is None:
        text = t("digest.note.to_team", language, child=escape(writing.child.name))
    else:
        text = t("digest.note.to_member", language, name=bounded(writing.to.first_name, NAME_LIMIT))
    stop = Callback("note", ticket(writing.state), "stop")
    return Reply(text, [[Button(t("digest.note.button_stop", language), stop)]])


def relayed(note: Note, language: str | None = None) -> Reply:
    """The note as its readers see it, from its writer, with the way to answer."""
    name = bounded(note.writer.first_name, NAME_LIMIT)
    fields = {
        "name": name,
        "role": t(f"permissions.role.{note.membership.role}", language),
        "child": bounded(note.child.name, NAME_LIMIT),
        "text": escape(note.text),
    }
    if note.to_team:
        text = t("digest.note.relayed", language, **fields)
        label = t("digest.note.button_answer", language, name=name)
        return Reply(text, [[Button(label, Callback("note", note.membership.id, "answer"))]])
    text = t("digest.note.answered", language, **fields)
    label = t("digest.note.button_reply", language)
    return Reply(text, [[Button(label, Callback("dg", note.child.id, "reply"))]])


def sent(note: Note, language: str | None = None) -> Reply:
    """What the writer is told once the note is on its way."""
    if note.to is None:
        return Reply(t("digest.note.sent_team", language, child=escape(note.child.name)))
    name = bounded(note.to.first_name, NAME_LIMIT)
    return Reply(t("digest.note.sent_member", language, name=name))


def stopped(language: str | None = None) -> Reply:
    return Reply(t("digest.note.stopped", language))


def sent_privately(language: str | None = None) -> str:
    """The answer to a press in a group whose question is asked in private."""
    return t("digest.note.sent_privately", language)
