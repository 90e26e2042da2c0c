"""Domain errors: each carries the key of the text that explains it to the user."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal the user should read; ``key`` names its text, ``params`` fill it in."""

    key = "errors.generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)


class NotAMember(DomainError):
    key = "errors.not_a_member"


class Forbidden(DomainError):
    key = "errors.forbidden"
