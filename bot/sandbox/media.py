"""Files in messages: storing uploads, reusing file_ids, image sizes and small sample files."""

from __future__ import annotations

import base64
import mimetypes
import struct

from bot.sandbox.errors import bad_request
from bot.sandbox.params import Upload
from bot.sandbox.state import StoredFile, World

# A 2x2 red PNG, for photos sent without content.
SAMPLE_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAwMDAAAAMBwEBzvnd3QAAAABJRU5ErkJggg=="
)
# Not playable, but with the signatures of an MP4 and an Ogg file, for made-up recordings.
SAMPLE_MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 16
SAMPLE_OGG = b"OggS\x00\x02" + b"\x00" * 20 + b"OpusHead"
_DEFAULT_SIZE = (800, 600)


def image_size(content: bytes) -> tuple[int, int]:
    """Width and height of a PNG or JPEG; a plausible default for anything else."""
    if content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) >= 24:
        width, height = struct.unpack(">II", content[16:24])
        return width, height
    if content[:2] == b"\xff\xd8":
        return _jpeg_size(content)
    return _DEFAULT_SIZE


def _jpeg_size(content: bytes) -> tuple[int, int]:
    index = 2
    while index + 9 < len(content):
        if content[index] != 0xFF:
            index += 1
            continue
        marker = content[index + 1]
        length = struct.unpack(">H", content[index + 2 : index + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", content[index + 5 : index + 9])
            return width, height
        index += 2 + length
    return _DEFAULT_SIZE


# What a recording is when its sender's app says nothing else (Telegram's usual formats).
_RECORDINGS = {
    "video": ("video/mp4", (640, 360)),
    "video_note": ("video/mp4", (384, 384)),
    "voice": ("audio/ogg", (0, 0)),
}
DEFAULT_DURATION = 5


def store(
    world: World,
    kind: str,
    content: bytes,
    filename: str | None,
    mime: str | None,
    duration: int | None = None,
) -> StoredFile:
    """Keep new file content as a photo, document, video, video note or voice message."""
    if kind == "photo":
        width, height = image_size(content)
        return world.add_file("photo", content, width=width, height=height)
    mime = mime if mime and mime != "application/octet-stream" else None
    if kind in _RECORDINGS:
        usual, (width, height) = _RECORDINGS[kind]
        return world.add_file(
            kind,
            content,
            file_name=filename if kind == "video" else None,
            mime_type=mime or usual,
            width=width,
            height=height,
            duration=DEFAULT_DURATION if duration is None else duration,
        )
    guessed = mimetypes.guess_type(filename or "")[0]
    return world.add_file(
        "document",
        content,
        file_name=filename or "document",
        mime_type=mime or guessed or "application/octet-stream",
    )


def media_from_call(world: World, source: Upload | str | None, kind: str) -> StoredFile:
    """The file a sendPhoto/sendDocument call refers to: a new upload or an existing file_id."""
    if source is None or source == "":
        raise bad_request(f"there is no {kind} in the request")
    if isinstance(source, Upload):
        return store(world, kind, source.content, source.filename, source.content_type)
    if source.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")
    stored = world.files.get(source)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    if stored.kind != kind:
        raise bad_request(f"can't use file of type {stored.kind.title()} as {kind.title()}")
    return stored


def sample_file(kind: str, filename: str | None) -> tuple[bytes, str]:
    if kind == "photo":
        return SAMPLE_PNG, filename or "photo.png"
    if kind in ("video", "video_note"):
        return SAMPLE_MP4, filename or f"{kind}.mp4"
    if kind == "voice":
        return SAMPLE_OGG, filename or "voice.oga"
    return b"CareCircle sandbox sample document\n", filename or "notes.txt"
