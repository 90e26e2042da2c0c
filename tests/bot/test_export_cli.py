"""``carecircle export``: the file on the settings' database, and one clear line when it can't."""

from __future__ import annotations

import asyncio
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import clock
from bot.cli import main
from models.session import Database
from tests.services.digests.month import TODAY, make_month


@pytest.fixture
def lily(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[int]:
    """Lily's month in the database the settings name; her child id."""
    for name in list(os.environ):
        if name.startswith("CARECIRCLE_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CARECIRCLE_DATABASE_URL", db_url)
    monkeypatch.chdir(tmp_path)
    previous = clock.use(clock.FrozenClock(TODAY))

    async def arrange() -> int:
        db = Database(db_url)
        try:
            return (await make_month(db)).lily.id
        finally:
            await db.dispose()

    yield asyncio.run(arrange())
    clock.use(previous)


def _export(*arguments: str) -> int:
    return main(["export", *arguments])


def test_it_writes_the_file_and_says_so(
    lily: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lily.zip"
    code = _export("--child", str(lily), "--format", "csv", "--from", "2026-11-02", "--to",
                   "2026-11-29", "--out", str(out))  # fmt: skip

    assert code == 0
    episodes = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("episodes.csv").decode()
    assert len(episodes.splitlines()) == 1 + 12  # ten episodes and two second reports
    assert capsys.readouterr().out.startswith(f"wrote {out} (")
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".part"]  # nothing half-written


def test_an_unknown_child_is_one_line(
    lily: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _export("--child", "999", "--format", "pdf", "--out", str(tmp_path / "x.pdf"))

    assert code == 2
    assert capsys.readouterr().err == "carecircle: there is no child with id 999\n"
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("where", "why"),
    [("missing/x.pdf", "No such file or directory"), (".", "it is a folder")],
)
def test_a_path_that_cannot_be_written_is_one_line(
    lily: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, why: str
) -> None:
    out = tmp_path / where
    code = _export("--child", str(lily), "--format", "fhir", "--out", str(out))

    assert code == 2
    assert capsys.readouterr().err == f"carecircle: cannot write {out}: {why}\n"


def test_dates_that_run_backwards_are_one_line(
    lily: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _export("--child", str(lily), "--format", "csv", "--from", "2026-11-29", "--to",
                   "2026-11-02", "--out", str(tmp_path / "x.zip"))  # fmt: skip

    assert code == 2
    assert capsys.readouterr().err == (
        "carecircle: the period runs backwards: 2026-11-29 is after 2026-11-02\n"
    )


def test_a_date_that_is_not_one_is_refused_by_the_parser(
    lily: int, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _export("--child", str(lily), "--format", "csv", "--from", "1/11", "--out", "x.zip")

    assert stopped.value.code == 2
    assert "not a date (YYYY-MM-DD): '1/11'" in capsys.readouterr().err
