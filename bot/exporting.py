"""``carecircle export``: one child's export written to a file, with a progress bar.

The output path is checked before anything is read (a path that cannot be written stops
with one line), the file is written beside it and moved into place when whole, and the
export goes to the audit log like one made from Telegram (``via: cli``, no actor).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import IO

from tqdm import tqdm

from bot import schema
from bot.services.errors import DomainError
from bot.services.exports import export as exports
from bot.services.exports.export import Format
from bot.texts import t
from bot.views.exports import files
from models.session import Database


class ExportFailed(Exception):
    """An export the command cannot make: the message says why, in one line."""


def _open_beside(out: Path) -> IO[bytes]:
    """A temporary file next to ``out``, proving the folder can be written to."""
    out = out.expanduser()
    if out.is_dir():
        raise ExportFailed(f"cannot write {out}: it is a folder")
    try:
        return tempfile.NamedTemporaryFile(
            dir=out.parent, prefix=f".{out.name}.", suffix=".part", delete=False
        )
    except OSError as error:
        raise ExportFailed(f"cannot write {out}: {error.strerror or error}") from error


async def export_to_file(
    url: str,
    child_id: int,
    format: Format,
    out: Path,
    *,
    first: date | None = None,
    last: date | None = None,
    include_name: bool = False,
) -> int:
    """Write the export to ``out`` and return its size in bytes."""
    partial = _open_beside(out)
    try:
        db = Database(url)
        try:
            await schema.ensure_up_to_date(db.engine)
            async with db.transaction() as session:
                made = await exports.for_operator(
                    session, child_id, format, first, last, include_name
                )
        finally:
            await db.dispose()
        content = await _render(made)
        _finish(partial, content, out)
    except DomainError as error:
        raise ExportFailed(t(error.key, None, **error.params)) from error
    finally:
        _discard(partial)
    return len(content)


def _finish(partial: IO[bytes], content: bytes, out: Path) -> None:
    """Write ``content`` and move the whole file to ``out``."""
    try:
        with partial:
            partial.write(content)
        os.replace(partial.name, out)
    except OSError as error:
        raise ExportFailed(f"cannot write {out}: {error.strerror or error}") from error


def _discard(partial: IO[bytes]) -> None:
    partial.close()
    Path(partial.name).unlink(missing_ok=True)


async def _render(made: exports.Export) -> bytes:
    """Make the file in a thread, showing progress on a terminal once it takes a while."""
    with tqdm(
        total=made.records.size,
        desc=f"{made.format} export",
        unit=" rows",
        delay=0.5,
        disable=None,
        leave=False,
    ) as bar:
        return await asyncio.to_thread(files.render, made, None, bar.update)
