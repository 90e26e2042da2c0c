"""/export: a guardian or clinician chooses the format and the period, and gets the file.

Format → period → (FHIR, guardians: with names or without) → the file, sent as a document
after the commit (``documents``) with the export already in the audit log. Exports come in
private only: in a group the answer is the way to the private chat.
"""

from __future__ import annotations

from telegram.ext import Application, CommandHandler

from bot.handlers import documents
from bot.handlers.child import for_child
from bot.handlers.kit import Press, Turn
from bot.handlers.routes import Arg, press
from bot.replies import Document, Reply
from bot.services.errors import DomainError
from bot.services.exports import export as exports
from bot.services.exports.export import Format
from bot.services.teams import permissions
from bot.services.teams.children import get_child, membership_in
from bot.services.teams.permissions import Action, Chat, Command, require
from bot.views.exports import files, menu
from models import Membership, Role

COMMANDS = [Command("export", frozenset({Chat.PRIVATE}), Action.EXPORT, feature="exports")]


@for_child("export")
async def export(turn: Turn, membership: Membership) -> Reply:
    """Someone asked for an export (by command, or by a "which child?" button)."""
    require(membership, Action.EXPORT)
    child = await get_child(turn.session, membership.child_id)
    if not turn.in_private:
        return menu.only_in_private(child, turn.update.get_bot().username, turn.language)
    return menu.choose_format(child, turn.language)


async def _member(turn: Press) -> Membership:
    """The presser's membership, checked again: the buttons work in private only."""
    if not turn.in_private:
        raise DomainError("errors.expired_button")
    return require(
        await membership_in(turn.session, turn.person.id, turn.callback.id), Action.EXPORT
    )


def _format(text: str) -> Format:
    try:
        return Format(text)
    except ValueError:
        raise DomainError("errors.expired_button") from None


@press("exp", "menu")
async def back_to_formats(turn: Press) -> Reply:
    await _member(turn)
    return menu.choose_format(await get_child(turn.session, turn.callback.id), turn.language)


@press("exp", "format", arg=Arg.REQUIRED)
async def choose_period(turn: Press) -> Reply:
    """Someone chose the format: which period?"""
    await _member(turn)
    child = await get_child(turn.session, turn.callback.id)
    return menu.choose_period(child, _format(turn.callback.arg or ""), turn.language)


@press("exp", "period", "name", arg=Arg.REQUIRED)
async def make(turn: Press) -> Reply:
    """Someone chose the period (and, for FHIR, whether names go in): make the file."""
    membership = await _member(turn)
    format_text, _, rest = (turn.callback.arg or "").partition(".")
    format = _format(format_text)
    choice, _, names = rest.partition(".")
    if turn.callback.action == "period" and format == Format.FHIR:
        if membership.role == Role.GUARDIAN:
            child = await get_child(turn.session, turn.callback.id)
            return menu.choose_name(child, choice, turn.language)
    elif turn.callback.action == "name" and (format != Format.FHIR or names not in ("0", "1")):
        raise DomainError("errors.expired_button")
    made = await exports.for_member(
        turn.session, turn.person, turn.callback.id, format, choice, names == "1"
    )
    language = turn.language
    turn.send(
        Reply(
            menu.caption(made, language),
            document=Document(
                files.filename(made),
                lambda: files.render(made, language),
                lambda size: menu.too_large(size, documents.LIMIT, language),
                menu.failed(language),
            ),
        )
    )
    return menu.preparing(made, language)


def register(app: Application) -> None:
    permissions.COMMANDS.extend(c for c in COMMANDS if c not in permissions.COMMANDS)
    app.add_handler(CommandHandler("export", export))
