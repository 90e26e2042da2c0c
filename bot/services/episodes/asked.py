"""The one question a saved report leaves open, kept with the record until it is answered.

A report the parser found ambiguous is saved at once with what was understood; its
``Question`` is kept in the episode's ``details`` (as JSON) with a number, so a button of
an earlier question, or of one already answered, is told apart from the open one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.services.episodes.parsed import Option, Question
from models import Episode

QUESTION = "question"
ASKED = "questions_asked"
TIME_KINDS = frozenset({"time_of_day", "am_pm", "which_time"})
DURATION_KINDS = frozenset({"which_duration", "number", "rescue_time"})
COUNT_KINDS = frozenset({"which_count"})


@dataclass(frozen=True)
class Asked:
    """The open question of an episode, and its number (what its buttons carry)."""

    number: int
    question: Question

    @property
    def topic(self) -> str:
        """What the question is about: "time", "duration" or "count"."""
        if self.question.kind in TIME_KINDS:
            return "time"
        return "count" if self.question.kind in COUNT_KINDS else "duration"


def ask(episode: Episode, question: Question | None) -> None:
    """Keep ``question`` open on ``episode`` (None: no question is open any more)."""
    details = {k: v for k, v in (episode.details or {}).items() if k != QUESTION}
    if question is not None:
        number = int(details.get(ASKED, 0)) + 1
        details[ASKED] = number
        details[QUESTION] = {"number": number, **asdict(question)}
    episode.details = details  # a new dict, so the JSON column is seen as changed


def open_question(episode: Episode) -> Asked | None:
    """The question still open on ``episode``, if any (none on a merged or deleted one)."""
    if episode.merged_into_id is not None or episode.deleted_at is not None:
        return None
    kept: Any = (episode.details or {}).get(QUESTION)
    if not isinstance(kept, dict):
        return None
    options = tuple(Option(str(o["label"]), dict(o["fields"])) for o in kept.get("options", ()))
    question = Question(
        kind=str(kept["kind"]),
        phrase=str(kept["phrase"]),
        options=options,
        type_it=bool(kept.get("type_it")),
        params={str(k): str(v) for k, v in (kept.get("params") or {}).items()},
    )
    return Asked(int(kept["number"]), question)
