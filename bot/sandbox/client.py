"""Actors over the control API, so a test reads like a story of people talking to the bot."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Sequence
from typing import Any

import httpx

from bot.sandbox.client_messages import Message

__all__ = ["Actor", "Chat", "Group", "Message", "SandboxClient", "SandboxError"]


class SandboxError(AssertionError):
    """The control API refused a request; `status` and `message` say why."""

    def __init__(self, status: int, message: str):
        super().__init__(f"sandbox refused ({status}): {message}")
        self.status = status
        self.message = message


class SandboxClient:
    """Talks to a running emulator's control API at `url`."""

    def __init__(self, url: str, timeout: float = 10.0):
        self.http = httpx.AsyncClient(base_url=url, timeout=timeout)

    async def request(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self.http.request(method, path, **kwargs)
        if response.status_code >= 400:
            try:
                message = response.json().get("error", response.text)
            except ValueError:
                message = response.text
            raise SandboxError(response.status_code, message)
        content_type = response.headers.get("content-type", "")
        return response.json() if content_type.startswith("application/json") else response.content

    async def user(self, first_name: str, **details: str) -> Actor:
        """A new person; `details` may give last_name, username and language_code."""
        raw = await self.request(
            "POST", "/sandbox/users", json={"first_name": first_name, **details}
        )
        return Actor(self, raw)

    async def group(
        self, title: str, members: Sequence[Actor], supergroup: bool = False, forum: bool = False
    ) -> Group:
        """A new group created by the first member, with the others in it (the bot is not);
        a ``forum`` is a supergroup with topics."""
        body = {
            "title": title,
            "member_ids": [member.id for member in members],
            "type": "supergroup" if supergroup or forum else "group",
            "forum": forum,
        }
        return Group(self, await self.request("POST", "/sandbox/groups", json=body))

    async def settle(self, timeout: float = 5.0) -> None:
        """Wait until the bot has taken every update and gone quiet."""
        await self.request(
            "POST", "/sandbox/settle", json={"timeout": timeout}, timeout=timeout + 5
        )

    async def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        calls = await self.request("GET", "/sandbox/calls")
        return [call for call in calls if method is None or call["method"] == method]

    async def wait_for_call(
        self, method: str, *, timeout: float = 15.0, **match: Any
    ) -> dict[str, Any]:
        """The first recorded call of `method` whose fields equal `match`, once there is one."""
        deadline = time.monotonic() + timeout
        while True:
            for call in await self.calls(method):
                if all(call.get(key) == value for key, value in match.items()):
                    return call
            if time.monotonic() >= deadline:
                raise AssertionError(f"no {method} call with {match} within {timeout}s")
            await asyncio.sleep(0.02)

    async def clear_calls(self) -> None:
        await self.request("DELETE", "/sandbox/calls")

    async def set_limits(self, **limits: float | None) -> dict[str, Any]:
        return await self.request("POST", "/sandbox/limits", json=limits)

    async def inject_fault(self, method: str | None = None, **fault: Any) -> None:
        """Fail, delay or drop calls: count, status, description, delay, drop, duration."""
        await self.request("POST", "/sandbox/faults", json={"method": method, **fault})

    async def clear_faults(self) -> None:
        await self.request("DELETE", "/sandbox/faults")

    async def advance_clock(self, seconds: float) -> None:
        """Let `seconds` pass on Telegram's side: limits refill, timed faults run out."""
        await self.request("POST", "/sandbox/clock", json={"advance": seconds})

    async def callback_answer(self, callback_query_id: str) -> dict[str, Any]:
        return await self.request("GET", f"/sandbox/callbacks/{callback_query_id}")

    async def download(self, file_id: str) -> bytes:
        """A file's content as stored: a JSON file too comes back as bytes, not parsed."""
        response = await self.http.get(f"/sandbox/files/{file_id}")
        if response.status_code >= 400:
            raise SandboxError(response.status_code, response.text)
        return response.content

    async def aclose(self) -> None:
        await self.http.aclose()

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class Chat:
    """A chat seen through the control API."""

    def __init__(self, client: SandboxClient, chat_id: int):
        self.client = client
        self.id = chat_id

    async def messages(self) -> list[Message]:
        raw = await self.client.request("GET", f"/sandbox/chats/{self.id}/messages")
        return [Message.from_json(message) for message in raw]

    async def bot_messages(self) -> list[Message]:
        """What the bot has posted here, oldest first, as each reads now."""
        return [message for message in await self.messages() if message.from_bot]

    async def bot_texts(self) -> list[str]:
        """The text (or caption) of each of the bot's messages here, oldest first."""
        return [message.text or "" for message in await self.bot_messages()]

    async def current(self, message: Message | int) -> Message:
        """`message` as it reads now, after the bot's edits."""
        wanted = _message_id(message)
        for seen in await self.messages():
            if seen.message_id == wanted:
                return seen
        raise AssertionError(f"chat {self.id} has no message {wanted}")

    async def last_message(self) -> Message:
        messages = await self.messages()
        if not messages:
            raise AssertionError(f"chat {self.id} has no messages")
        return messages[-1]

    async def last_bot_message(self) -> Message:
        messages = await self.messages()
        from_bot = [message for message in messages if message.from_bot]
        if not from_bot:
            seen = [message.text for message in messages]
            raise AssertionError(f"the bot has not posted in chat {self.id}; messages: {seen}")
        return from_bot[-1]


class Group(Chat):
    def __init__(self, client: SandboxClient, raw: dict[str, Any]):
        super().__init__(client, raw["id"])
        self.raw = raw

    async def add_bot(self, by: Actor, admin: bool = False) -> None:
        body = {"by": by.id, "admin": admin}
        await self.client.request("POST", f"/sandbox/groups/{self.id}/bot", json=body)

    async def remove_bot(self, by: Actor) -> None:
        path = f"/sandbox/groups/{self.id}/bot"
        await self.client.request("DELETE", path, params={"by": by.id})

    async def delete(self, by: Actor) -> None:
        """The owner deletes the group; the bot can no longer write there."""
        await self.client.request("DELETE", f"/sandbox/groups/{self.id}", params={"by": by.id})

    async def add_member(self, user: Actor) -> None:
        body = {"user_id": user.id}
        await self.client.request("POST", f"/sandbox/groups/{self.id}/members", json=body)

    async def remove_member(self, user: Actor) -> None:
        await self.client.request("DELETE", f"/sandbox/groups/{self.id}/members/{user.id}")

    async def create_topic(self, name: str, by: Actor) -> int:
        """Open a forum topic; returns its message_thread_id."""
        body = {"name": name, "by": by.id}
        path = f"/sandbox/groups/{self.id}/topics"
        return (await self.client.request("POST", path, json=body))["message_thread_id"]

    async def set_title(self, title: str, by: Actor) -> None:
        body = {"title": title, "by": by.id}
        await self.client.request("POST", f"/sandbox/groups/{self.id}/title", json=body)

    async def migrate(self) -> Group:
        """Upgrade to a supergroup; returns the new chat (the old id stops working)."""
        return Group(
            self.client, await self.client.request("POST", f"/sandbox/groups/{self.id}/migrate")
        )


class Actor:
    """A person: writes in chats, sends files, presses buttons, blocks the bot."""

    def __init__(self, client: SandboxClient, raw: dict[str, Any]):
        self.client = client
        self.raw = raw
        self.id: int = raw["id"]
        self.first_name: str = raw["first_name"]
        self.private_chat = Chat(client, self.id)

    def __repr__(self) -> str:
        return f"Actor({self.first_name!r}, id={self.id})"

    async def start(self) -> int:
        return await self.send(self.private_chat, "/start")

    async def send(
        self,
        chat: Chat,
        text: str,
        reply_to: Message | int | None = None,
        thread_id: int | None = None,
    ) -> int:
        """Write ``text`` in ``chat`` (in forum topic ``thread_id``, if given)."""
        body = {
            "chat_id": chat.id,
            "from": self.id,
            "text": text,
            "reply_to": _message_id(reply_to),
            "thread_id": thread_id,
        }
        return (await self.client.request("POST", "/sandbox/send", json=body))["message_id"]

    async def edit(self, chat: Chat, message: Message | int, text: str) -> None:
        """Change the text (or caption) of one's own message; the bot gets edited_message."""
        body = {"chat_id": chat.id, "from": self.id, "message_id": _message_id(message)}
        await self.client.request("POST", "/sandbox/edit", json={**body, "text": text})

    async def send_photo(self, chat: Chat, caption: str | None = None, **file: Any) -> int:
        return await self._send_file("send_photo", chat, caption, **file)

    async def send_document(self, chat: Chat, caption: str | None = None, **file: Any) -> int:
        return await self._send_file("send_document", chat, caption, **file)

    async def send_video(self, chat: Chat, caption: str | None = None, **file: Any) -> int:
        """A video; ``duration`` (s), ``filename``, ``content``, ``mime_type`` are optional."""
        return await self._send_file("send_video", chat, caption, **file)

    async def send_video_note(self, chat: Chat, **file: Any) -> int:
        """A round video message (no caption)."""
        return await self._send_file("send_video_note", chat, None, **file)

    async def send_voice(self, chat: Chat, caption: str | None = None, **file: Any) -> int:
        return await self._send_file("send_voice", chat, caption, **file)

    async def _send_file(
        self, kind: str, chat: Chat, caption: str | None, content: bytes | None = None, **extra: Any
    ) -> int:
        body = {"chat_id": chat.id, "from": self.id, "caption": caption, **extra}
        if content is not None:
            body["content_base64"] = base64.b64encode(content).decode()
        return (await self.client.request("POST", f"/sandbox/{kind}", json=body))["message_id"]

    async def press(self, chat: Chat, message: Message, label: str) -> str:
        """Press the inline button showing `label`; returns the callback query id."""
        return await self.press_data(chat, message, message.button_data(label))

    async def press_data(
        self, chat: Chat, message: Message | int, data: str, forge: bool = False
    ) -> str:
        """Press a button by its callback data; `forge` sends data no button carries now."""
        body = {
            "chat_id": chat.id,
            "from": self.id,
            "message_id": _message_id(message),
            "data": data,
            "forge": forge,
        }
        return (await self.client.request("POST", "/sandbox/press", json=body))["callback_query_id"]

    async def join_link(self, invite_link: str) -> Group:
        """Open a group invite link the bot made and join through it."""
        body = {"user_id": self.id, "invite_link": invite_link}
        chat = await self.client.request("POST", "/sandbox/join_link", json=body)
        return Group(self.client, chat)

    async def block(self) -> None:
        await self.client.request("POST", f"/sandbox/users/{self.id}/block")

    async def unblock(self) -> None:
        await self.client.request("POST", f"/sandbox/users/{self.id}/unblock")


def _message_id(message: Message | int | None) -> int | None:
    return message.message_id if isinstance(message, Message) else message
