"""The emulator's in-memory world: people, chats, members, messages, files and recorded calls."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Telegram's chat member statuses; "kicked" is how removal by someone else is remembered.
PRESENT = ("creator", "administrator", "member")
ADMINS = ("creator", "administrator")
SUPERGROUP_BASE = -1_000_000_000_000
MEDIA_KINDS = ("photo", "document", "video", "video_note", "voice")
# How Telegram's file ids and download paths start, by kind of file.
_FILE_PREFIX = {"photo": "AgAC", "document": "BQAC", "video": "BAAC", "video_note": "DQAC"}
_FOLDER = {"photo": "photos", "video": "videos", "video_note": "video_notes", "voice": "voice"}
_DEFAULT_NAME = {
    "photo": "photo.jpg",
    "video": "video.mp4",
    "video_note": "video_note.mp4",
    "voice": "voice.oga",
}


@dataclass
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False


@dataclass
class Message:
    message_id: int
    chat_id: int
    sender_id: int
    date: int
    text: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    caption: str | None = None
    photo_id: str | None = None
    document_id: str | None = None
    video_id: str | None = None
    video_note_id: str | None = None
    voice_id: str | None = None
    reply_markup: dict[str, Any] | None = None
    keyboard: dict[str, Any] | None = None
    reply_to_message_id: int | None = None
    thread_id: int | None = None  # the forum topic it is in; None is General or no forum
    link_preview_options: dict[str, Any] | None = None
    edit_date: int | None = None
    silent: bool = False
    service: dict[str, Any] = field(default_factory=dict)
    delivered: bool = False  # the bot got it as an update (privacy mode may keep it back)

    @property
    def media(self) -> tuple[str, str] | None:
        """The kind and file_id of the message's file, if it has one."""
        for kind in MEDIA_KINDS:
            file_id = getattr(self, f"{kind}_id")
            if file_id is not None:
                return kind, file_id
        return None

    @property
    def has_media(self) -> bool:
        return self.media is not None


@dataclass
class Chat:
    id: int
    type: str
    title: str | None = None
    members: dict[int, str] = field(default_factory=dict)
    messages: dict[int, Message] = field(default_factory=dict)
    next_message_id: int = 1
    migrated_to: int | None = None
    deleted: bool = False  # its owner deleted it: nobody is in it any more
    pinned: list[int] = field(default_factory=list)
    is_forum: bool = False
    topics: dict[int, str] = field(default_factory=dict)  # thread id → name

    @property
    def is_group(self) -> bool:
        return self.type in ("group", "supergroup")

    def status_of(self, user_id: int) -> str:
        return self.members.get(user_id, "left")

    def is_present(self, user_id: int) -> bool:
        return self.status_of(user_id) in PRESENT


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    kind: str
    content: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0
    duration: int = 0


@dataclass
class CallbackQuery:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created: float = 0.0  # on the limits clock, for the answer deadline
    answered: bool = False
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


@dataclass
class InviteLink:
    """A link an admin bot made to join one chat; ``member_limit`` joins, then it stops working."""

    url: str
    chat_id: int
    creator_id: int
    name: str | None = None
    expire_date: int | None = None
    member_limit: int | None = None
    joined: int = 0
    revoked: bool = False

    def usable(self, now: int) -> bool:
        if self.revoked or (self.expire_date is not None and self.expire_date <= now):
            return False
        return self.member_limit is None or self.joined < self.member_limit


@dataclass
class CallRecord:
    method: str
    chat_id: int | str | None
    status: int
    description: str | None
    time: float
    params: dict[str, Any]


class World:
    """Everything Telegram would know about the bot, its users and its chats.

    ``wall`` gives the dates messages carry (Unix seconds); a demo whose bot lives on a
    simulated clock points it there, so the page shows the story's own times.
    """

    def __init__(self, bot: User):
        self.bot = bot
        self.wall: Callable[[], float] = time.time
        self.users: dict[int, User] = {bot.id: bot}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.callbacks: dict[str, CallbackQuery] = {}
        self.started: set[int] = set()
        self.blocked: set[int] = set()
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.invite_links: dict[str, InviteLink] = {}
        self.calls: list[CallRecord] = []
        self._next_user_id = 7_000_000_001
        self._next_group_id = 4_000_000_001
        self._next_channel_id = 2_000_000_001

    def now(self) -> int:
        return int(self.wall())

    def add_user(self, first_name: str, **details: str | None) -> User:
        user = User(self._next_user_id, first_name, **details)  # type: ignore[arg-type]
        self._next_user_id += 1
        self.users[user.id] = user
        return user

    def add_group(self, title: str, kind: str) -> Chat:
        if kind == "supergroup":
            chat_id = SUPERGROUP_BASE - self._next_channel_id
            self._next_channel_id += 1
        else:
            chat_id = -self._next_group_id
            self._next_group_id += 1
        chat = Chat(chat_id, kind, title)
        self.chats[chat_id] = chat
        return chat

    def private_chat(self, user_id: int) -> Chat:
        chat = self.chats.get(user_id)
        if chat is None:
            chat = Chat(user_id, "private", members={user_id: "member", self.bot.id: "member"})
            self.chats[user_id] = chat
        return chat

    def add_message(self, chat: Chat, sender_id: int, **fields: Any) -> Message:
        message = Message(chat.next_message_id, chat.id, sender_id, self.now(), **fields)
        chat.next_message_id += 1
        chat.messages[message.message_id] = message
        return message

    def add_file(self, kind: str, content: bytes, **details: Any) -> StoredFile:
        number = len(self.files) + 1
        folder = _FOLDER.get(kind, "documents")
        name = details.get("file_name") or _DEFAULT_NAME.get(kind, "file.bin")
        extension = name.rpartition(".")[2] if "." in name else "bin"
        stored = StoredFile(
            file_id=_FILE_PREFIX.get(kind, "AwAC") + secrets.token_urlsafe(24),
            file_unique_id="AQAD" + secrets.token_hex(6),
            kind=kind,
            content=content,
            file_path=f"{folder}/file_{number}.{extension}",
            **details,
        )
        self.files[stored.file_id] = stored
        return stored

    def add_callback(
        self, user_id: int, message: Message, data: str, created: float
    ) -> CallbackQuery:
        query = CallbackQuery(
            str(secrets.randbits(62)), user_id, message.chat_id, message.message_id, data, created
        )
        self.callbacks[query.id] = query
        return query

    def chat_instance(self, chat_id: int) -> str:
        return str((chat_id * 2_654_435_761 + self.bot.id) % (1 << 63))
