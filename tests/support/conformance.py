"""Every answer every emulator gives in a test is checked against the Bot API schema copy.

The emulator's observers see each envelope it answers and each update it posts to a
webhook; ``tests/sandbox/schema_check.answer_problems`` says what is wrong with one
(a required field missing, a field the type lacks, a value of the wrong type). A test
whose emulator answered anything Telegram would not fails at teardown, naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.sandbox.core import Core
from tests.sandbox.schema_check import answer_problems


class Conformance:
    """The problems found in the answers of the emulators made during one test."""

    def __init__(self) -> None:
        self.problems: dict[str, None] = {}  # insertion-ordered, without repeats
        self.answers = 0

    def observe(self, method: str, answer: Any) -> None:
        self.answers += 1
        for problem in answer_problems(method, answer):
            self.problems.setdefault(problem)


@pytest.fixture(autouse=True)
def every_answer_conforms(monkeypatch: pytest.MonkeyPatch) -> Iterator[Conformance]:
    """Watch every emulator this test makes; fail the test if one answered off-schema."""
    conformance = Conformance()
    create = Core.create.__func__  # type: ignore[attr-defined]

    def watched(cls: type[Core], *args: Any, **kwargs: Any) -> Core:
        core = create(cls, *args, **kwargs)
        core.observers.append(conformance.observe)
        return core

    monkeypatch.setattr(Core, "create", classmethod(watched))
    yield conformance
    problems = list(conformance.problems)
    assert not problems, "the emulator answered off the Bot API schema:\n" + "\n".join(
        problems[:20]
    )
