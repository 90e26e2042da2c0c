"""Announcing to a team: the group once, and privately those who asked and can receive it."""

from __future__ import annotations

from sqlalchemy import select

from bot.news import announce
from bot.replies import Reply
from bot.services.teams import audience
from models import Membership, NotifyPreference, Outbox, Role
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

GROUP = -700
NEWS = Reply("Lily had a cluster of jerks at 10:15")


async def _queued(db: Database) -> list[tuple[int, str, int | None]]:
    async with db.open_session() as session:
        rows = await session.scalars(select(Outbox).order_by(Outbox.chat_id))
        return [(row.chat_id, row.payload["text"], row.child_id) for row in rows]


async def _team(db: Database, *, group: bool = True):
    """Lily's team: Anna (private), Ms Park (group only), Dr Lee (digests only)."""
    async with db.transaction() as session:
        lily = await make_child(session)
        mum = await make_person(session, 1, "Anna")
        teacher = await make_person(session, 2, "Ms Park")
        doctor = await make_person(session, 3, "Dr Lee")
        await make_member(session, lily, mum, Role.GUARDIAN, NotifyPreference.PRIVATE)
        await make_member(session, lily, teacher, Role.EDUCATOR, NotifyPreference.GROUP)
        await make_member(session, lily, doctor, Role.CLINICIAN, NotifyPreference.DIGEST)
        if group:
            await link_group(session, lily, GROUP)
    return lily, mum, teacher, doctor


async def test_news_goes_to_the_group_and_to_who_asked_for_private(db: Database) -> None:
    lily, *_ = await _team(db)

    async with db.transaction() as session:
        await announce(session, await audience.team(session, lily.id), lambda _: NEWS)

    assert await _queued(db) == [(GROUP, NEWS.text, lily.id), (1, NEWS.text, lily.id)]


async def test_the_author_is_not_told_their_own_news(db: Database) -> None:
    lily, mum, *_ = await _team(db)

    async with db.transaction() as session:
        team = await audience.team(session, lily.id, exclude_person_id=mum.id)
        await announce(session, team, lambda _: NEWS)

    assert [chat for chat, _, _ in await _queued(db)] == [GROUP]


async def test_urgent_news_reaches_everyones_phone(db: Database) -> None:
    lily, *_ = await _team(db)

    async with db.transaction() as session:
        await announce(session, await audience.team(session, lily.id, urgent=True), lambda _: NEWS)

    assert sorted(chat for chat, _, _ in await _queued(db)) == [GROUP, 1, 2, 3]


async def test_without_a_group_group_only_members_get_it_privately(db: Database) -> None:
    lily, *_ = await _team(db, group=False)

    async with db.transaction() as session:
        await announce(session, await audience.team(session, lily.id), lambda _: NEWS)

    assert sorted(chat for chat, _, _ in await _queued(db)) == [1, 2]


async def test_who_cannot_receive_private_messages_is_told_in_the_group(db: Database) -> None:
    lily, mum, *_ = await _team(db)
    async with db.transaction() as session:
        membership = await session.scalar(select(Membership).where(Membership.person_id == mum.id))
        membership.private_delivery_ok = False

    async with db.transaction() as session:
        await announce(session, await audience.team(session, lily.id), lambda _: NEWS)

    [(chat, text, _)] = await _queued(db)
    assert chat == GROUP
    assert text.startswith(NEWS.text)
    assert "Anna: to get these privately too, open a private chat with me" in text


async def test_guardians_are_told_privately(db: Database) -> None:
    lily, *_ = await _team(db)

    async with db.transaction() as session:
        guardians = await audience.guardians(session, lily.id)
        await announce(session, guardians, lambda _: Reply("Sam is in the group"))

    assert [chat for chat, _, _ in await _queued(db)] == [1]


async def test_guardians_nobody_can_reach_privately_are_told_in_the_group(db: Database) -> None:
    async with db.transaction() as session:
        lily = await make_child(session)
        mum = await make_person(session, 1, "Anna", started_bot=False)
        await make_member(session, lily, mum)
        await link_group(session, lily, GROUP)
        guardians = await audience.guardians(session, lily.id)
        await announce(session, guardians, lambda _: Reply("Sam is in the group"))

    assert [chat for chat, _, _ in await _queued(db)] == [GROUP]


async def test_each_copy_is_written_in_its_readers_language_once_per_language(
    db: Database,
) -> None:
    async with db.transaction() as session:
        lily = await make_child(session)
        for user_id, name, language in ((1, "Anna", "de"), (2, "Ben", "de"), (3, "Chloé", "fr")):
            person = await make_person(session, user_id, name)
            person.language_code = language
            await make_member(session, lily, person, Role.GUARDIAN, NotifyPreference.PRIVATE)
        await link_group(session, lily, GROUP)
    asked: list[str | None] = []

    def render(language: str | None) -> Reply:
        asked.append(language)
        return Reply(f"News, written in {language or 'the default language'}")

    async with db.transaction() as session:
        await announce(session, await audience.team(session, lily.id), render)

    assert await _queued(db) == [
        (GROUP, "News, written in the default language", lily.id),
        (1, "News, written in de", lily.id),
        (2, "News, written in de", lily.id),
        (3, "News, written in fr", lily.id),
    ]
    assert sorted(asked, key=str) == [None, "de", "fr"]
