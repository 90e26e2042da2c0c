"""Who the bot may reach: Telegram's rules for chats it never joined, left, or was blocked in."""

from __future__ import annotations

from bot.sandbox.errors import bad_request, forbidden
from bot.sandbox.params import Params
from bot.sandbox.state import ADMINS, Chat, Message, World


def find_chat(world: World, chat_id: int | str, sending: bool = False) -> Chat:
    """The chat a bot call names; a private chat exists for the bot once the user started it."""
    chat = world.chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None or (chat.type == "private" and chat.id not in world.started):
        if sending and chat_id in world.users and chat_id != world.bot.id:
            raise forbidden("bot can't initiate conversation with a user")
        raise bad_request("chat not found")
    return chat


def writable_chat(world: World, params: Params) -> Chat:
    """The chat of `chat_id` if the bot may post there now; else Telegram's refusal."""
    chat = find_chat(world, params.chat_id(), sending=True)
    if chat.type == "private":
        if chat.id in world.blocked:
            raise forbidden("bot was blocked by the user")
        return chat
    if chat.migrated_to is not None:
        raise bad_request(
            "group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": chat.migrated_to},
        )
    kind = "supergroup chat" if chat.type == "supergroup" else "group chat"
    if chat.deleted:
        raise forbidden(f"the {kind} was deleted")
    status = chat.status_of(world.bot.id)
    if status == "kicked":
        raise forbidden(f"bot was kicked from the {kind}")
    if not chat.is_present(world.bot.id):
        raise forbidden(f"bot is not a member of the {kind}")
    return chat


def readable_chat(world: World, params: Params) -> Chat:
    """Like writable_chat, but a user who blocked the bot can still be looked up."""
    chat = find_chat(world, params.chat_id())
    return chat if chat.type == "private" else writable_chat(world, params)


def bot_is_admin(world: World, chat: Chat) -> bool:
    return chat.status_of(world.bot.id) in ADMINS


def find_message(chat: Chat, message_id: int, purpose: str) -> Message:
    message = chat.messages.get(message_id)
    if message is None:
        raise bad_request(f"message to {purpose} not found")
    return message
