"""The role × action table: every cell, the refusals, and the copy shown in the README."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.services.errors import Forbidden, NotAMember
from bot.services.teams.permissions import (
    TABLE,
    Action,
    Chat,
    commands_for,
    history_since,
    may,
    require,
)
from bot.texts import t
from models import Membership, Role

G, C, E, N = Role.GUARDIAN, Role.CAREGIVER, Role.EDUCATOR, Role.CLINICIAN
README = Path(__file__).parents[3] / "README.md"

# The table, cell by cell: (guardian, caregiver, educator, clinician).
EXPECTED: dict[Action, tuple[bool, bool, bool, bool]] = {
    Action.REPORT_EPISODE: (True, True, True, True),
    Action.SEE_HISTORY: (True, True, True, True),
    Action.SEE_MEDICINES: (True, True, True, True),
    Action.SET_PLAN: (True, False, False, True),
    Action.CHANGE_MEDICATION: (True, False, False, True),
    Action.RECORD_DOSE: (True, True, True, False),
    Action.FOLLOW_UPS: (True, True, False, True),
    Action.DIGEST: (True, True, False, True),
    Action.EXPORT: (True, False, False, True),
    Action.INVITE: (True, False, False, False),
    Action.MANAGE_MEMBERS: (True, False, False, False),
    Action.LINK_GROUP: (True, False, False, False),
    Action.DELETE_CHILD: (True, False, False, False),
}
CELLS = [
    (action, role, allowed)
    for action, row in EXPECTED.items()
    for role, allowed in zip((G, C, E, N), row, strict=True)
]


def _member(role: Role, *, left: bool = False) -> Membership:
    return Membership(
        child_id=1,
        person_id=1,
        role=role,
        joined_at=datetime(2026, 1, 1, tzinfo=UTC),
        left_at=datetime(2026, 2, 1, tzinfo=UTC) if left else None,
    )


def test_every_action_is_in_the_table() -> None:
    assert set(TABLE) == set(Action) == set(EXPECTED)


@pytest.mark.parametrize(("action", "role", "allowed"), CELLS)
def test_each_cell_of_the_table(action: Action, role: Role, allowed: bool) -> None:
    assert may(role, action) is allowed


@pytest.mark.parametrize(("action", "role", "allowed"), CELLS)
def test_require_lets_through_exactly_the_allowed_roles(
    action: Action, role: Role, allowed: bool
) -> None:
    if allowed:
        assert require(_member(role), action).role == role
    else:
        with pytest.raises(Forbidden):
            require(_member(role), action)


@pytest.mark.parametrize("action", [a for a in Action if set(TABLE[a]) != set(Role)])
def test_a_refusal_names_exactly_the_roles_that_may(action: Action) -> None:
    with pytest.raises(Forbidden) as refused:
        require(_member(next(r for r in Role if not may(r, action))), action)

    text = t(refused.value.key)
    named = {role for role in Role if re.search(rf"\b{t(f'permissions.role.{role}')}\b", text)}
    assert named == set(TABLE[action]), text


def test_someone_not_on_the_team_is_refused_as_not_a_member() -> None:
    with pytest.raises(NotAMember):
        require(None, Action.REPORT_EPISODE)


def test_someone_who_left_is_refused_as_not_a_member() -> None:
    with pytest.raises(NotAMember):
        require(_member(G, left=True), Action.SEE_HISTORY)


def test_educators_see_the_last_30_days_of_history() -> None:
    now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    assert history_since(_member(E), now) == now - timedelta(days=30)


@pytest.mark.parametrize("role", [G, C, N])
def test_other_roles_see_all_history(role: Role) -> None:
    assert history_since(_member(role), datetime(2026, 11, 25, tzinfo=UTC)) is None


def _readme_table() -> dict[str, tuple[bool, bool, bool, bool]]:
    section = README.read_text(encoding="utf-8").split("## Permissions", 1)[1]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"^\|[^|]*\(`(\w+)`\)\s*\|(.+)\|$", line)
        if match:
            cells = [cell.strip() for cell in match.group(2).split("|")]
            rows[match.group(1)] = tuple(cell != "no" for cell in cells)
    return rows


def test_the_readme_shows_the_table_in_code() -> None:
    assert _readme_table() == {
        action.value: tuple(may(role, action) for role in (G, C, E, N)) for action in Action
    }


TEAM_MANAGEMENT = {"invite", "invites", "link", "unlink", "deletechild"}


def _names(roles: set[Role], chat: Chat) -> set[str]:
    return {command.name for command in commands_for(roles, chat)}


def test_a_clinician_in_the_team_group_is_offered_no_team_management_commands() -> None:
    names = _names({N}, Chat.TEAM_GROUP)

    assert {"team", "notify", "leave"} <= names
    assert not names & TEAM_MANAGEMENT


def test_a_guardian_in_private_is_offered_team_management_but_not_group_commands() -> None:
    names = _names({G}, Chat.PRIVATE)

    assert {"newchild", "team", "invite", "invites", "child", "deletechild"} <= names
    assert not names & {"link", "unlink"}


def test_someone_without_a_team_is_offered_to_create_one_and_nothing_of_a_team() -> None:
    names = _names(set(), Chat.PRIVATE)

    assert "newchild" in names
    assert not names & {"team", "notify", "leave", *TEAM_MANAGEMENT}


def test_a_guardian_in_an_unlinked_group_is_offered_to_link_it_only() -> None:
    names = _names({G}, Chat.OTHER_GROUP)

    assert "link" in names
    assert not names & {"team", "unlink", "invite", "deletechild"}
