"""Notes about a digest: the prompt, the note as the team reads it, and the answer back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.audience import Audience
from bot.sandbox.limits import MAX_TEXT
from bot.sandbox.markup_core import utf16_len
from bot.sandbox.markup_html import parse_html
from bot.services.digests.notes import MOST, Note, Writing
from bot.texts import escape
from bot.views.digests.notes import prompt, relayed, sent, stopped
from models import Child, Membership, Person, Role, WizardState
from tests.views.screens import all_data, labels

LILY = Child(id=7, name="Lily", timezone="Europe/London")
LEE = Person(id=3, telegram_user_id=103, first_name="Dr Lee")
ANNA = Person(id=1, telegram_user_id=101, first_name="Anna")
LEES = Membership(id=30, child_id=7, person_id=3, role=Role.CLINICIAN)
ANNAS = Membership(id=10, child_id=7, person_id=1, role=Role.GUARDIAN)
STATE = WizardState(
    person_id=3, chat_id=103, flow="digest.note", step="write", data={"_ticket": 42}
)


def _note(text: str = "Fewer jerks since the new dose: keep going.", to: Person | None = None):
    writer, membership = (ANNA, ANNAS) if to else (LEE, LEES)
    return Note(writer, membership, LILY, text, Audience(7), to)


def test_the_prompt_says_where_the_next_message_goes_and_can_be_cancelled() -> None:
    to_team, to_lee = prompt(Writing(STATE, LILY, None)), prompt(Writing(STATE, LILY, LEE))

    assert to_team.text.startswith("💬 Write your message to Lily's team")
    assert to_lee.text.startswith("💬 Write your answer to Dr Lee")
    assert all_data(to_team) == ["note:42:stop"]


def test_the_team_reads_the_note_as_from_the_clinician_and_can_answer() -> None:
    reply = relayed(_note())

    assert reply.text == (
        "💬 <b>Dr Lee</b> (clinician) about Lily:\nFewer jerks since the new dose: keep going."
    )
    assert labels(reply) == ["↩️ Answer Dr Lee"]
    assert all_data(reply) == ["note:30:answer"]


def test_the_clinician_reads_the_guardians_answer_and_can_reply_again() -> None:
    reply = relayed(_note("Thank you, we will.", to=LEE))

    assert reply.text == "💬 <b>Anna</b> (guardian) answers about Lily:\nThank you, we will."
    assert all_data(reply) == ["dg:7:reply"]


@given(st.text(alphabet="&<>x😀\n", min_size=1, max_size=MOST))
def test_any_note_short_enough_to_take_fits_one_message(words: str) -> None:
    if len(escape(words)) > MOST:
        return
    text = relayed(_note(words)).text

    assert len(text) <= MAX_TEXT
    assert utf16_len(parse_html(text)[0]) <= MAX_TEXT


def test_the_writer_hears_where_it_went() -> None:
    assert sent(_note()).text == "✅ Sent to Lily's team."
    assert sent(_note("ok", to=LEE)).text == "✅ Sent to Dr Lee."
    assert stopped().text == "OK, nothing sent."
