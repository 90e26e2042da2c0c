"""Changing a saved episode: undo, delete, correct, add details, and answer "same episode?"."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import clock
from bot.services import audit, wizards
from bot.services.episodes import asked as asking
from bot.services.episodes import duplicates
from bot.services.episodes import history as episode_history
from bot.services.episodes import report as episodes
from bot.services.episodes.history import Card, Receipt
from bot.services.episodes.news import Corrected, EpisodeNews, Relayed, Removed
from bot.services.episodes.parsing import ParsedEpisode, parse_episode, render_episode_line
from bot.services.errors import DomainError, Forbidden
from bot.services.teams import audience
from bot.services.teams import children as teams
from models import Child, Episode, Intensity, Membership, Person, WizardState

FIX_FLOW = "ep_fix"
# Button action → the field it fills in and the values it may carry.
DETAILS = {
    "int": ("intensity", frozenset(Intensity)),
    "where": ("setting", episodes.SETTINGS),
    "why": ("triggers", episodes.TRIGGERS),
}


@dataclass(frozen=True)
class Merged(Card):
    """The report a second one was merged into, and what the team must hear of the merge."""

    news: tuple[EpisodeNews, ...] = ()


@dataclass(frozen=True)
class Correction:
    """A correction was asked for: the line as it reads now, and whether to ask in private."""

    line: str
    sent_privately: bool


async def _changeable(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int
) -> tuple[Episode, Membership, Child]:
    """The episode, its child locked, if ``person`` may change it from ``chat_id`` now."""
    episode, membership = await episode_history.authorized(
        session, person, chat_id, episode_id, clock.now()
    )
    child = await episodes.lock_child(session, episode.child_id)
    # Another press may have changed it while this one waited for the lock.
    await session.refresh(episode)
    if episode.deleted_at is not None or episode.merged_into_id is not None:
        raise DomainError("episodes.gone")
    if not episode_history.may_change(membership, episode):
        raise Forbidden("episodes.refused_change")
    return episode, membership, child


async def undo(session: AsyncSession, person: Person, chat_id: int, episode_id: int) -> Receipt:
    """The reporter takes a report back within 10 minutes of sending it."""
    episode, _, child = await _changeable(session, person, chat_id, episode_id)
    if episode.reporter_id != person.id:
        raise Forbidden("episodes.only_reporter_undoes")
    if clock.now() >= episode.created_at + episodes.UNDO_WINDOW:
        raise DomainError("episodes.too_late_to_undo")
    return await _remove(session, person, chat_id, episode, child, "undone")


async def delete(session: AsyncSession, person: Person, chat_id: int, episode_id: int) -> Receipt:
    """The reporter or a guardian deletes an episode; the audit log keeps what it said."""
    episode, _, child = await _changeable(session, person, chat_id, episode_id)
    return await _remove(session, person, chat_id, episode, child, "deleted")


async def ask_delete(session: AsyncSession, person: Person, chat_id: int, episode_id: int) -> None:
    """Check that ``person`` may delete the episode before asking them to confirm."""
    await _changeable(session, person, chat_id, episode_id)


async def _remove(
    session: AsyncSession, person: Person, chat_id: int, episode: Episode, child: Child, how: str
) -> Receipt:
    now = clock.now()
    shown = await episodes.receipt(session, episode)
    episode.deleted_at = now
    await audit.record(
        session,
        f"episode.{how}",
        actor_id=person.id,
        child_id=child.id,
        episode_id=episode.id,
        record=episodes.snapshot(episode),
    )
    news: list[EpisodeNews] = []
    if episode.relayed_at is not None:
        hears = await audience.team(
            session, child.id, exclude_person_id=person.id, exclude_chat_id=chat_id
        )
        news.append(Removed(how, person.first_name, shown.card, child, now, hears))
    promoted = await _promote_second_report(session, episode)
    return replace(shown, news=(*news, *promoted))


async def _promote_second_report(session: AsyncSession, episode: Episode) -> tuple[Relayed, ...]:
    """A removed report's merged second reports still say it happened: the first one stands in."""
    seconds = list(
        await session.scalars(
            select(Episode)
            .where(Episode.merged_into_id == episode.id, Episode.deleted_at.is_(None))
            .order_by(Episode.id)
        )
    )
    if not seconds:
        return ()
    first = seconds[0]
    first.merged_into_id = None
    for other in seconds[1:]:
        other.merged_into_id = first.id
    await session.flush()
    return (await episodes.relay(session, first),)


async def add_detail(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int, action: str, value: str
) -> Receipt:
    """Fill in a missing intensity, setting or trigger from a button."""
    field, allowed = DETAILS.get(action, ("", frozenset()))
    if value not in allowed:
        raise DomainError("errors.expired_button")
    episode, _, child = await _changeable(session, person, chat_id, episode_id)
    before = episodes.snapshot(episode)
    if field == "intensity":
        episode.intensity = Intensity(value)
    elif field == "setting":
        episode.setting = value
    else:
        episode.triggers = (
            [*episode.triggers, value] if value not in episode.triggers else episode.triggers
        )
    await _log_change(session, person, episode, "episode.detailed", before)
    return await episodes.receipt(session, episode)


async def details(session: AsyncSession, person: Person, chat_id: int, episode_id: int) -> Receipt:
    """The episode as its reporter or a guardian sees it, ready to complete or change."""
    episode, _, _ = await _changeable(session, person, chat_id, episode_id)
    return await episodes.receipt(session, episode)


async def _log_change(
    session: AsyncSession, person: Person, episode: Episode, kind: str, before: dict, **extra: str
) -> None:
    await session.flush()
    await audit.record(
        session,
        kind,
        actor_id=person.id,
        child_id=episode.child_id,
        episode_id=episode.id,
        before=before,
        after=episodes.snapshot(episode),
        **extra,
    )


async def same_episode(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int, other_id: int
) -> Merged:
    """The second reporter says it was the same episode: keep theirs as a second observer.

    An urgent report was relayed before it was asked about: the team hears it was one episode.
    """
    episode, _, child = await _changeable(session, person, chat_id, episode_id)
    _require_held(episode)
    other = await session.get(Episode, other_id)
    if (
        other is None
        or other.id == episode.id
        or other.child_id != episode.child_id
        or other.deleted_at is not None
        or other.merged_into_id is not None
        or episodes.gap(episode, other) > episodes.DUPLICATE_WINDOW
    ):
        raise DomainError("errors.expired_button")
    shown = await episode_history.card(session, episode)
    episode.merged_into_id = other.id
    duplicates.answered(episode)
    await session.flush()
    await audit.record(
        session,
        "episode.merged",
        actor_id=person.id,
        child_id=episode.child_id,
        episode_id=episode.id,
        into=other.id,
    )
    news: tuple[EpisodeNews, ...] = ()
    if episode.relayed_at is not None:
        now = clock.now()
        urgent = episodes.calls_for_plan(episode, child)  # to every phone the alert reached
        hears = await audience.team(
            session, child.id, exclude_person_id=person.id, exclude_chat_id=chat_id, urgent=urgent
        )
        news = (Removed("merged", person.first_name, shown, child, now, hears),)
    primary = await episode_history.card(session, other)
    return Merged(primary.episode, primary.reporter, primary.role, primary.also_seen_by, news)


async def different_episode(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int
) -> Receipt:
    """The second reporter says it was another episode: tell the team about it after all
    (an urgent report was told at once)."""
    episode, _, _ = await _changeable(session, person, chat_id, episode_id)
    _require_held(episode)
    await audit.record(
        session,
        "episode.not_duplicate",
        actor_id=person.id,
        child_id=episode.child_id,
        episode_id=episode.id,
    )
    if episode.relayed_at is not None:
        duplicates.answered(episode)
        return await episodes.receipt(session, episode)
    relayed = await episodes.relay(session, episode, exclude_chat_id=chat_id)
    return replace(await episodes.receipt(session, episode, relayed=relayed), news=(relayed,))


def _require_held(episode: Episode) -> None:
    if not duplicates.is_open(episode):
        raise DomainError("episodes.already_answered")


async def ask_correction(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int
) -> Correction:
    """Wait for the corrected line in private, where a plain message can answer.

    The caller asks for it there (``sent_privately``) or, in private, as its answer.
    """
    episode, membership, child = await _changeable(session, person, chat_id, episode_id)
    private = person.telegram_user_id
    if chat_id != private and not teams.can_receive(membership, person):
        raise DomainError("episodes.open_private_chat")
    await wizards.start(
        session, person.id, private, FIX_FLOW, "line", child_id=child.id, episode_id=episode.id
    )
    line = render_episode_line(parsed_of(episode), now=clock.now(), timezone=child.timezone)
    return Correction(line, sent_privately=chat_id != private)


async def correct(session: AsyncSession, person: Person, state: WizardState, text: str) -> Receipt:
    """Replace an episode's facts with the corrected line typed for ✏️ Correct."""
    chat_id, episode_id = state.chat_id, int(state.data.get("episode_id", 0))
    shown = await correct_line(session, person, chat_id, episode_id, text, via="button")
    await wizards.finish(session, state)
    return shown


async def correct_line(
    session: AsyncSession, person: Person, chat_id: int, episode_id: int, text: str, *, via: str
) -> Receipt:
    """Replace an episode's facts with a corrected line sent in ``chat_id``; the audit log
    keeps both, ``via`` says how ("button", "edit"). The team is told, but for that chat,
    where the corrected receipt is the copy."""
    episode, _, child = await _changeable(session, person, chat_id, episode_id)
    parsed = parse_episode(
        text, now=clock.now(), timezone=child.timezone, language=person.language_code
    )
    if not parsed.time_given:  # "45s face" corrects what was seen, not when
        parsed = replace(
            parsed,
            occurred_at=episode.occurred_at,
            window_end_at=episode.window_end_at,
            time_precision=episode.time_precision,
        )
    episodes.validate(parsed, clock.now())
    before = episodes.snapshot(episode)
    for name, value in episodes.fields(parsed).items():
        setattr(episode, name, value)
    asking.ask(episode, parsed.question)  # the corrected line's own question, if any
    episode.corrected_at = clock.now()
    await _log_change(session, person, episode, "episode.corrected", before, via=via)
    shown = await episodes.receipt(session, episode)
    if episode.relayed_at is None:
        return shown
    hears = await audience.team(
        session, child.id, exclude_person_id=person.id, exclude_chat_id=chat_id, urgent=shown.urgent
    )
    return replace(shown, news=(Corrected(person.first_name, shown, hears),))


def parsed_of(episode: Episode) -> ParsedEpisode:
    """An episode's facts as the parser's record, to write them back as a line."""
    values = episodes.fields(episode)  # type: ignore[arg-type]
    values["body_parts"], values["triggers"] = tuple(episode.body_parts), tuple(episode.triggers)
    return ParsedEpisode(**values, time_given=True)
