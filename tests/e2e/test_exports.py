"""/export through the real bot: each format arrives as a document; who may; the CLI's files."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader
from sqlalchemy import select

from bot.clock import FrozenClock
from bot.exporting import export_to_file
from bot.handlers import documents
from bot.sandbox.client import Actor, Message
from bot.services.exports.export import Format
from models import Child, Event, Outbox
from tests.e2e.conftest import World
from tests.e2e.medication_steps import Family, lily_family
from tests.e2e.teams_steps import answer_to, say, tap
from tests.support.waiting import eventually

FORMATS = {
    Format.PDF: "📄 PDF report",
    Format.CSV: "📊 CSV files (zip)",
    Format.FHIR: "🏥 FHIR R4 (hospital systems)",
}
LAST_28 = "carecircle-Lily-2026-10-29-2026-11-25"


@pytest.fixture
async def world(frozen_clock: FrozenClock, world: World) -> World:
    """The bot, started once time is frozen (Wed 25 Nov 2026, 09:00 in London); human-speed taps."""
    await world.sandbox.set_limits(per_chat_per_second=None)
    return world


async def _family(world: World) -> Family:
    family = await lily_family(world)
    for line in ("/e 08:10 30s arms", "/e 12 jerks 7:00-7:30 on waking", "/e yesterday 21:30 1m"):
        await say(world, family.mum, family.mum.private_chat, line)
    return family


async def _document(world: World, person: Actor) -> tuple[Message, bytes]:
    """The file the bot sent ``person`` last, once it has arrived, and its content."""

    async def arrived() -> Message | None:
        messages = await person.private_chat.bot_messages()
        return next((m for m in reversed(messages) if "document" in m.raw), None)

    message = await eventually(arrived, what="a document in the private chat")
    return message, await world.sandbox.download(message.raw["document"]["file_id"])


async def _export(world: World, person: Actor, format: Format, period: str) -> Message:
    """``person`` asks for an export by buttons; return the menu as it reads then."""
    chat = person.private_chat
    menu = await say(world, person, chat, "/export")
    choice = await tap(world, person, chat, menu, FORMATS[format])
    await person.press(chat, choice, period)
    await world.settle()
    return await chat.current(choice)


async def test_a_parent_gets_the_pdf_report(world: World) -> None:
    family = await _family(world)

    await _export(world, family.mum, Format.PDF, "Last 28 days")

    message, content = await _document(world, family.mum)
    assert message.raw["document"]["file_name"] == f"{LAST_28}.pdf"
    assert message.raw["document"]["mime_type"] == "application/pdf"
    assert message.text == (
        "📎 Lily's record, 29 Oct 2026 – 25 Nov 2026, as PDF report. Made 25 Nov 2026 09:00."
    )
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    assert pages and all("Lily · 29 Oct 2026 – 25 Nov 2026" in text for text in pages)
    assert "Episodes (3)" in " ".join(pages)


async def test_a_parent_gets_the_csv_files(world: World) -> None:
    family = await _family(world)

    await _export(world, family.mum, Format.CSV, "Everything")

    message, content = await _document(world, family.mum)
    assert message.raw["document"]["file_name"] == "carecircle-Lily-2026-11-24-2026-11-25-csv.zip"
    archive = zipfile.ZipFile(io.BytesIO(content))
    episodes = archive.read("episodes.csv").decode().splitlines()
    assert len(episodes) == 1 + 3


async def test_a_guardian_is_asked_about_names_before_a_fhir_file(world: World) -> None:
    family = await _family(world)

    question = await _export(world, family.mum, Format.FHIR, "Last 90 days")
    assert "Should the FHIR file carry Lily's name?" in (question.text or "")
    await tap(world, family.mum, family.mum.private_chat, question, "Without names (safer)")

    message, content = await _document(world, family.mum)
    name = message.raw["document"]["file_name"]
    assert name.startswith("carecircle-cc-") and name.endswith("-2026-08-28-2026-11-25-fhir.json")
    bundle = Bundle.model_validate_json(content)
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry or []]
    assert kinds.count("Observation") == 3
    assert b"Lily" not in content


async def test_a_clinician_gets_fhir_without_the_question(world: World) -> None:
    family = await _family(world)

    answer = await _export(world, family.doctor, Format.FHIR, "Last 28 days")
    assert "comes as a file below" in (answer.text or "")

    message, content = await _document(world, family.doctor)
    assert message.raw["document"]["file_name"].endswith("-2026-10-29-2026-11-25-fhir.json")
    assert json.loads(content)["type"] == "collection"


async def test_an_educator_is_refused_by_the_permission_table(world: World) -> None:
    family = await _family(world)

    answer = await say(world, family.teacher, family.teacher.private_chat, "/export")

    assert answer.text == "Only a guardian or a clinician can export records."
    assert not await world.sandbox.calls("sendDocument")


async def test_in_the_group_the_answer_points_to_the_private_chat(world: World) -> None:
    family = await _family(world)

    answer = await say(world, family.mum, family.group, "/export")

    assert "I only send them in our private chat" in (answer.text or "")
    assert answer.labels == ["Open a private chat"]


async def test_every_export_is_written_to_the_audit_log(world: World) -> None:
    family = await _family(world)
    await _export(world, family.doctor, Format.CSV, "Last 12 months")
    await _document(world, family.doctor)

    async with world.db.open_session() as session:
        events = list(await session.scalars(select(Event).where(Event.kind == "export.made")))
    assert [(e.payload["format"], e.payload["first"], e.payload["via"]) for e in events] == [
        ("csv", "2025-11-26", "telegram")
    ]


async def test_a_file_over_telegrams_limit_is_refused_with_a_clear_message(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = await _family(world)
    monkeypatch.setattr(documents, "LIMIT", 1000)

    await _export(world, family.mum, Format.PDF, "Last 28 days")

    async def refusal() -> str | None:
        texts = await family.mum.private_chat.bot_texts()
        return next((text for text in texts if "more than the 0 MB" in text), None)

    text = await eventually(refusal, what="the refusal")
    assert "Choose a shorter period" in text
    assert not await world.sandbox.calls("sendDocument")


@pytest.mark.parametrize("format", list(Format))
async def test_the_command_line_writes_the_same_file(
    world: World, format: Format, tmp_path: Path
) -> None:
    family = await _family(world)
    await _export(world, family.doctor, format, "Last 28 days")
    _, sent = await _document(world, family.doctor)
    async with world.db.open_session() as session:
        child_id = (await session.scalars(select(Child.id))).one()

    out = tmp_path / "export"
    size = await export_to_file(
        world.db.url, child_id, format, out, first=date(2026, 10, 29), last=date(2026, 11, 25)
    )

    written = out.read_bytes()
    assert size == len(written)
    if format == Format.PDF:
        texts = [
            [p.extract_text() for p in PdfReader(io.BytesIO(f)).pages] for f in (sent, written)
        ]
        assert texts[0] == texts[1]
    elif format == Format.CSV:
        archives = [zipfile.ZipFile(io.BytesIO(f)) for f in (sent, written)]
        assert archives[0].namelist() == archives[1].namelist()
        for name in archives[0].namelist():
            if name != "audit_log.csv":  # the second export also lists the first
                assert archives[0].read(name) == archives[1].read(name), name
    else:
        assert json.loads(sent) == json.loads(written)


async def test_a_file_telegram_cannot_take_now_is_not_kept_and_its_sender_is_told(
    world: World,
) -> None:
    family = await _family(world)
    await world.sandbox.inject_fault("sendDocument", status=500, count=5)

    await _export(world, family.mum, Format.CSV, "Last 28 days")

    async def told() -> str | None:
        texts = await family.mum.private_chat.bot_texts()
        return next((text for text in texts if "couldn't send the file" in text), None)

    assert await eventually(told, what="the notice") == (
        "I couldn't send the file just now. Please ask again with /export in a minute."
    )
    async with world.db.open_session() as session:
        queued = await session.scalars(select(Outbox.method))
        assert "sendDocument" not in list(queued)


async def test_forged_buttons_are_checked_again(world: World) -> None:
    family = await _family(world)
    async with world.db.open_session() as session:
        lily = (await session.scalars(select(Child.id))).one()
    menu = await say(world, family.doctor, family.doctor.private_chat, "/export")
    welcome = await family.teacher.private_chat.last_bot_message()

    refusals = [
        await answer_to(world, family.teacher, family.teacher.private_chat, welcome, data)
        for data in (f"exp:{lily}:period:pdf.28", f"exp:{lily}:format:csv")
    ]
    named = await answer_to(
        world, family.doctor, family.doctor.private_chat, menu, f"exp:{lily}:name:fhir.28.1"
    )
    odd = await answer_to(
        world, family.doctor, family.doctor.private_chat, menu, f"exp:{lily}:period:doc.28"
    )

    assert refusals == ["Only a guardian or a clinician can export records."] * 2
    assert named == "Only a guardian can put the child's name in a FHIR file."
    assert odd == "This button has expired."
    assert not await world.sandbox.calls("sendDocument")
