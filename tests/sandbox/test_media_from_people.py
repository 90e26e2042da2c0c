"""People send videos, round video notes and voice messages, as they send photos."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import telegram

from bot.sandbox import SandboxClient
from bot.sandbox.client import SandboxError
from tests.sandbox.schema_check import assert_conforms


async def _last_message(raw_api: httpx.AsyncClient, bot: telegram.Bot) -> dict[str, Any]:
    """The last message the bot got, as Bot API JSON (checked against the schema and PTB)."""
    raw = (await raw_api.post("getUpdates", json={"timeout": 0})).json()["result"][-1]
    assert_conforms(raw, "Update", telegram.Update.de_json(raw, bot))
    return raw["message"]


async def test_a_video_reaches_the_bot_with_its_length_and_caption(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    sent = await mum.send_video(mum.private_chat, caption="jerks at 21:15", duration=42)

    message = await _last_message(raw_api, bot)
    assert (message["message_id"], message["caption"]) == (sent, "jerks at 21:15")
    video = message["video"]
    assert (video["duration"], video["mime_type"], video["width"]) == (42, "video/mp4", 640)
    stored = await bot.get_file(video["file_id"])
    assert await stored.download_as_bytearray() == await sandbox.download(video["file_id"])
    [entry] = (await mum.private_chat.messages())[-1:]
    assert entry.raw["video"]["duration"] == 42


async def test_a_video_note_and_a_voice_message_reach_the_bot(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.send_video_note(mum.private_chat, duration=9)
    note = (await _last_message(raw_api, bot))["video_note"]
    await mum.send_voice(mum.private_chat, caption="what I saw", duration=20)
    message = await _last_message(raw_api, bot)

    assert (note["duration"], note["length"]) == (9, 384)
    voice = message["voice"]
    assert (voice["duration"], voice["mime_type"], message["caption"]) == (
        20, "audio/ogg", "what I saw",
    )  # fmt: skip
    assert voice["file_id"] != note["file_id"]


async def test_a_video_of_its_own_bytes_and_name(
    sandbox: SandboxClient, bot: telegram.Bot, raw_api: httpx.AsyncClient
) -> None:
    mum = await sandbox.user("Mum")
    await mum.send_video(mum.private_chat, content=b"clip", filename="evening.mov")

    video = (await _last_message(raw_api, bot))["video"]

    assert (video["file_name"], video["file_size"], video["duration"]) == ("evening.mov", 4, 5)
    assert await sandbox.download(video["file_id"]) == b"clip"


async def test_a_video_note_takes_no_caption_and_durations_are_whole_seconds(
    sandbox: SandboxClient,
) -> None:
    mum = await sandbox.user("Mum")

    with pytest.raises(SandboxError, match="a video note has no caption"):
        await mum.client.request(
            "POST",
            "/sandbox/send_video_note",
            json={"chat_id": mum.id, "from": mum.id, "caption": "hi"},
        )
    with pytest.raises(SandboxError, match="duration must be a whole number"):
        await mum.send_video(mum.private_chat, duration=1.5)
