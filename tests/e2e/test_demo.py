"""`carecircle demo`, run as a person runs it: the files it leaves, what it prints, --serve."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from bot import clock
from bot.demo.run import Options, run_demo
from bot.settings import Settings
from tests.support.accessibility import poor_contrast, small_targets
from tests.support.browser import artifact, chromium, require_chromium
from tests.support.private_postgres import free_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ("Anna", "Ms Park", "Grandpa Joe", "Dr Lee")
GROUP = "group «Lily's care team»"
FILES = (
    "digest-chart.png",
    "carecircle-Lily.pdf",
    "carecircle-Lily-csv.zip",
    "carecircle-Lily-fhir.json",
)


@dataclass(frozen=True)
class Run:
    """What one shortened demo left behind and printed."""

    out: Path
    stdout: str
    stderr: str


def _demo_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "bot", "demo", "--days", "3", *args]


def _environment() -> dict[str, str]:
    """This tree first on the path, and no token or database of the developer's."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("CARECIRCLE_")}
    return {**keep, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Three days of the story, in a folder of their own."""
    here = tmp_path_factory.mktemp("demo")
    done = subprocess.run(
        _demo_command("--out", "files"),
        cwd=here,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return Run(here / "files", done.stdout, done.stderr)


def _sections(stdout: str) -> list[tuple[str, list[str]]]:
    """The transcript as (header, lines) for each "HH:MM · chat" header."""
    sections: list[tuple[str, list[str]]] = []
    for line in stdout.splitlines():
        if len(line) > 8 and line[2] == ":" and line[5:8] == " · ":
            sections.append((line, []))
        elif sections and line.startswith("   "):
            sections[-1][1].append(line.strip())
    return sections


def test_the_demo_leaves_the_chart_the_report_the_csv_files_and_the_fhir_bundle(
    demo: Run,
) -> None:
    chart = (demo.out / "digest-chart.png").read_bytes()
    report = PdfReader(io.BytesIO((demo.out / "carecircle-Lily.pdf").read_bytes()))
    csv = zipfile.ZipFile(demo.out / "carecircle-Lily-csv.zip")
    bundle = Bundle.model_validate_json((demo.out / "carecircle-Lily-fhir.json").read_bytes())

    assert chart.startswith(b"\x89PNG\r\n\x1a\n")
    pages = [page.extract_text() for page in report.pages]
    assert pages and all(text.startswith("Lily · ") for text in pages)
    assert {"README.txt", "episodes.csv", "medication_changes.csv", "dose_log.csv"} <= set(
        csv.namelist()
    )
    assert len(csv.read("episodes.csv").decode().splitlines()) > 5  # a header and the episodes
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry or []]
    assert "Observation" in kinds and "MedicationStatement" in kinds
    for name in FILES:
        assert f"wrote files/{name}" in demo.stdout.splitlines()


def test_the_demo_prints_who_said_what_in_which_chat_with_the_buttons(demo: Run) -> None:
    sections = _sections(demo.stdout)
    chats = {header.split(" · ", 1)[1] for header, _ in sections}

    assert chats == {GROUP, *(f"{name}'s chat with CareCircle" for name in PEOPLE)}
    anna = next(
        lines for header, lines in sections if header.endswith("Anna's chat with CareCircle")
    )
    assert anna[:2] == ["Anna: /start", "CareCircle: Hello Anna! I'm CareCircle."]
    assert "[ ↩️ Undo ] [ ➕ Add details ]" in demo.stdout
    assert "<b>" not in demo.stdout  # plain text, as the person read it


def test_the_teachers_report_is_relayed_to_the_group_and_the_dose_change_too(demo: Run) -> None:
    in_group = [
        line for header, lines in _sections(demo.stdout) if GROUP in header for line in lines
    ]

    assert "Ms Park: /e 2m cluster arms school tired" in in_group
    assert "👤 Ms Park (educator)" in in_group
    assert "CareCircle: 💊 Lily: dose change" in in_group
    assert "Recorded by Dr Lee (clinician)" in in_group


def test_the_neurologist_acknowledges_the_digest_and_the_team_hears_it(demo: Run) -> None:
    sections = _sections(demo.stdout)
    doctors = [line for header, lines in sections if "Dr Lee's chat" in header for line in lines]
    in_group = [line for header, lines in sections if GROUP in header for line in lines]

    assert "🖼 (a picture)" in " ".join(doctors)
    assert "Dr Lee taps [ ✅ Acknowledge ]" in doctors
    assert any(
        line.startswith("CareCircle: ✅ Dr Lee (clinician) has read Lily's digest")
        for line in in_group
    )
    assert "CareCircle: 💬 Dr Lee (clinician) about Lily:" in in_group


async def test_with_serve_the_story_stays_loaded_for_the_chat_page_until_ctrl_c(
    tmp_path: Path,
) -> None:
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        *_demo_command("--out", "files", "--serve", "--port", str(port)),
        cwd=tmp_path,
        env=_environment(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        ready = await asyncio.wait_for(_line_starting(process, "sandbox ready at "), 300)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as page:
            front = await page.get("/")
            people = (await page.get("/sandbox/page/people")).json()["people"]
            doctor = next(person["id"] for person in people if person["first_name"] == "Dr Lee")
            seen = await page.get(f"/sandbox/page/chats/{doctor}", params={"as": doctor})
        process.send_signal(signal.SIGINT)
        code = await asyncio.wait_for(process.wait(), 60)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    assert ready.startswith(f"sandbox ready at http://127.0.0.1:{port}")
    assert front.status_code == 200 and "<html" in front.text.lower()
    assert [person["first_name"] for person in people] == list(PEOPLE)
    assert any("photo" in message for message in seen.json()["messages"])  # the digest chart
    assert code == 0


async def _line_starting(process: asyncio.subprocess.Process, prefix: str) -> str:
    assert process.stdout is not None
    while line := (await process.stdout.readline()).decode():
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"the demo ended without printing {prefix!r}")


@pytest.mark.browser
async def test_the_served_story_reads_well_on_a_phone_and_works_by_keyboard(
    tmp_path: Path,
) -> None:
    """In this process: the page over the story, Dr Lee's chart, then Anna in the group."""
    require_chromium()
    port, seen = free_port(), {}

    async def visit() -> None:
        async with chromium() as browser:
            page = await browser.new_page(viewport={"width": 390, "height": 844})
            await page.goto(f"http://127.0.0.1:{port}/")
            await page.get_by_label("You are").select_option(label="Dr Lee")
            chart = page.locator(".msg.bot img.photo")
            await chart.first.wait_for()
            seen["chart"] = await chart.count()
            seen["contrast"], seen["targets"] = await poor_contrast(page), await small_targets(page)
            await page.get_by_label("You are").select_option(label="Anna")
            await page.get_by_role("button", name="Back to chats").click()
            await page.locator(".chat-item", has_text="Lily's care team").click()
            await page.get_by_role("textbox", name="Message").focus()
            await page.keyboard.type("/e 20s arms")
            await page.keyboard.press("Enter")
            receipt = page.locator(".msg.bot", has_text="20 s · arms").filter(
                has_text="Saved and shared"
            )
            await receipt.get_by_role("button", name="↩️ Undo").focus()
            await page.keyboard.press("Enter")
            await page.locator(".msg.bot", has_text="↩️ Undone").first.wait_for()
            seen["group contrast"] = await poor_contrast(page)
            await page.screenshot(path=artifact("demo-page-group.png"))

    options = Options(days=3, out=tmp_path / "files", serve=True, port=port)
    await run_demo(Settings(), options, visit)

    assert seen["chart"] >= 1
    assert seen["contrast"][0] > 20 and seen["contrast"][1] == []
    assert seen["targets"][0] > 5 and seen["targets"][1] == []
    assert seen["group contrast"][1] == []
    assert clock.now().year >= 2026  # the process clock is the system's again
