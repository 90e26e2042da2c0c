"""Notes about a digest: the writer's next message reaches the team, a guardian answers it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services import wizards
from bot.services.digests import notes
from bot.services.errors import DomainError, Forbidden
from models import Event, Membership, Person, Role
from models.session import Database
from tests.factories import link_group, make_child, make_member, make_person

GROUP = -100


async def _team(db: Database):
    """Lily's team: Anna (guardian), Gran (caregiver), Dr Lee (clinician), and the group."""
    async with db.transaction() as session:
        lily = await make_child(session)
        await link_group(session, lily, GROUP)
        people = {}
        for user_id, name, role in [
            (1, "Anna", Role.GUARDIAN),
            (2, "Gran", Role.CAREGIVER),
            (3, "Dr Lee", Role.CLINICIAN),
        ]:
            person = await make_person(session, user_id, name)
            people[name] = (person, await make_member(session, lily, person, role))
        return lily, people


async def _write(db: Database, person_id: int, text: str) -> notes.Note:
    async with db.transaction() as session:
        person = await session.get(Person, person_id)
        state = await wizards.current(session, person.id, person.telegram_user_id)
        assert state is not None and state.flow == notes.FLOW
        return await notes.write(session, person, state, text)


async def test_the_clinicians_next_message_goes_to_the_team_and_into_the_log(db: Database) -> None:
    lily, people = await _team(db)
    lee, _ = people["Dr Lee"]
    async with db.transaction() as session:
        await notes.to_team(session, await session.get(Person, lee.id), lily.id, None)

    note = await _write(db, lee.id, "Fewer jerks: keep the dose.")

    assert note.to_team and note.text == "Fewer jerks: keep the dose."
    assert [r.chat_id for r in note.audience.recipients] == [GROUP]
    async with db.open_session() as session:
        [event] = await session.scalars(select(Event).where(Event.kind == "digest.note"))
        assert await wizards.current(session, lee.id, lee.telegram_user_id) is None
    assert (event.actor_id, event.payload["text"], event.payload["to"]) == (
        lee.id,
        "Fewer jerks: keep the dose.",
        "team",
    )


async def test_a_guardian_answers_the_writer_privately(db: Database) -> None:
    lily, people = await _team(db)
    (anna, _), (lee, lees) = people["Anna"], people["Dr Lee"]
    async with db.transaction() as session:
        writing = await notes.answer(session, await session.get(Person, anna.id), lees.id)

    note = await _write(db, anna.id, "Thank you!")

    assert writing.to is not None and writing.to.first_name == "Dr Lee"
    assert [r.chat_id for r in note.audience.recipients] == [lee.telegram_user_id]
    assert note.to is not None and note.to.id == lee.id


async def test_only_a_guardian_answers_a_note(db: Database) -> None:
    _, people = await _team(db)
    (gran, _), (_, lees) = people["Gran"], people["Dr Lee"]

    async with db.transaction() as session:
        with pytest.raises(Forbidden) as refused:
            await notes.answer(session, await session.get(Person, gran.id), lees.id)

    assert refused.value.key == "digest.note.only_guardians"


async def test_a_note_too_long_to_pass_on_whole_is_refused_and_still_awaited(db: Database) -> None:
    lily, people = await _team(db)
    lee, _ = people["Dr Lee"]
    async with db.transaction() as session:
        await notes.to_team(session, await session.get(Person, lee.id), lily.id, None)

    with pytest.raises(DomainError) as refused:
        await _write(db, lee.id, "<" * 1000)  # 4000 characters once escaped

    assert refused.value.key == "digest.note.too_long"
    async with db.open_session() as session:
        assert await wizards.current(session, lee.id, lee.telegram_user_id) is not None


async def test_someone_who_never_opened_a_private_chat_is_told_to_first(db: Database) -> None:
    lily, people = await _team(db)
    lee, _ = people["Dr Lee"]
    async with db.transaction() as session:
        person = await session.get(Person, lee.id)
        person.started_bot = False

    async with db.transaction() as session:
        with pytest.raises(DomainError) as refused:
            await notes.to_team(session, await session.get(Person, lee.id), lily.id, None)

    assert refused.value.key == "digest.note.needs_start"


async def test_an_answer_to_someone_who_left_is_refused(db: Database) -> None:
    _, people = await _team(db)
    (anna, _), (_, lees) = people["Anna"], people["Dr Lee"]
    async with db.transaction() as session:
        (await session.get(Membership, lees.id)).left_at = (
            await session.get(Membership, lees.id)
        ).joined_at

    async with db.transaction() as session:
        with pytest.raises(DomainError):
            await notes.answer(session, await session.get(Person, anna.id), lees.id)
