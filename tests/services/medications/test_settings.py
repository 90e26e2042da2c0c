"""A child's bedtime in /med, and a medicine's name read through a typo: confirmed first."""

from __future__ import annotations

import pytest

from bot.services.errors import DomainError, Forbidden
from bot.services.medications import settings
from bot.services.medications.changes import ConfirmReason, Pending
from bot.services.teams.children import membership_in
from bot.views.medications import changes as views
from models import Child, Person
from models.session import Database
from tests.services.medications import test_changes
from tests.services.medications.test_changes import NOW, confirm, send, taking

team = test_changes.team  # Lily, her mum, her teacher and her doctor


async def bedtime(db: Database, person: Person, lily: Child, text: str) -> settings.Setting:
    async with db.transaction() as session:
        membership = await membership_in(session, person.id, lily.id)
        return await settings.bedtime(session, person, membership, text)


async def test_at_night_follows_the_bedtime_a_parent_sets(db, team) -> None:
    await send(db, team.mum, team.lily, "start clobazam 5 mg at night")
    changed = await bedtime(db, team.mum, team.lily, "7.30pm")
    await send(db, team.mum, team.lily, "start clonazepam 0.25 mg at bedtime")
    seen = await bedtime(db, team.teacher, team.lily, "")

    assert changed.changed and changed.child.bedtime == "19:30"
    assert (seen.changed, seen.child.bedtime) == (False, "19:30")
    assert await taking(db, team.lily, NOW) == ["clobazam 5 mg 20:00", "clonazepam 0.25 mg 19:30"]


@pytest.mark.parametrize("typed", ["7", "late", "25:00"])
async def test_a_bedtime_that_is_not_a_time_of_day_is_refused(db, team, typed: str) -> None:
    with pytest.raises(DomainError) as refused:
        await bedtime(db, team.mum, team.lily, typed)

    assert refused.value.key == "medications.bedtime.unreadable"


async def test_only_those_who_record_changes_set_the_bedtime(db, team) -> None:
    with pytest.raises(Forbidden):
        await bedtime(db, team.teacher, team.lily, "19:00")


async def test_a_name_read_through_a_typo_is_confirmed_first(db, team) -> None:
    pending = await send(db, team.mum, team.lily, "start levetiracetem 250 mg bd")

    assert isinstance(pending, Pending) and pending.proposal.checks == (ConfirmReason.SPELLING,)
    assert "⚠️ I read “levetiracetem” as levetiracetam." in views.confirm(pending).text
    assert await taking(db, team.lily, NOW) == []
    await confirm(db, team.mum, pending)
    assert await taking(db, team.lily, NOW) == ["levetiracetam 250 mg 08:00 20:00"]
