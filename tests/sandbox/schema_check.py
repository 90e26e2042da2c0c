"""Checks that emitted JSON matches the Bot API schema subset and that PTB knows every field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import telegram

SCHEMA: dict[str, Any] = json.loads(
    (Path(__file__).with_name("botapi_types.json")).read_text(encoding="utf-8")
)["types"]

_MEMBER_BY_STATUS = {
    "creator": "ChatMemberOwner",
    "administrator": "ChatMemberAdministrator",
    "member": "ChatMemberMember",
    "restricted": "ChatMemberRestricted",
    "left": "ChatMemberLeft",
    "kicked": "ChatMemberBanned",
}


def _concrete_type(value: dict[str, Any], type_name: str) -> str:
    if type_name == "ChatMember":
        return _MEMBER_BY_STATUS.get(value.get("status", ""), "ChatMember?")
    if type_name == "MaybeInaccessibleMessage":
        return "InaccessibleMessage" if value.get("date") == 0 else "Message"
    return type_name


def _element_type(declared: str) -> tuple[int, str]:
    depth = 0
    while declared.startswith("Array of "):
        declared, depth = declared.removeprefix("Array of "), depth + 1
    return depth, declared


def _values_at_depth(value: Any, depth: int) -> list[Any]:
    values = [value]
    for _ in range(depth):
        values = [item for sequence in values if isinstance(sequence, list) for item in sequence]
    return values


def schema_problems(value: Any, type_name: str, path: str = "$") -> list[str]:
    """Fields missing, unknown to Telegram, or null anywhere inside `value` of `type_name`."""
    type_name = _concrete_type(value, type_name) if isinstance(value, dict) else type_name
    spec = SCHEMA.get(type_name)
    if spec is None:
        return [f"{path}: no schema for {type_name}"] if type_name.endswith("?") else []
    if not isinstance(value, dict):
        return [f"{path}: expected an object of type {type_name}, got {value!r}"]
    fields = {field["name"]: field for field in spec["fields"]}
    unknown = [name for name in value if name not in fields]
    problems = [f"{path}.{name}: not a field of {type_name}" for name in unknown]
    problems += [
        f"{path}.{field['name']}: required by {type_name} but missing"
        for field in spec["fields"]
        if field["required"] and field["name"] not in value
    ]
    for name, item in value.items():
        if item is None:
            problems.append(f"{path}.{name}: null (Telegram omits absent fields)")
        for declared in fields.get(name, {}).get("types", []):
            depth, element = _element_type(declared)
            if element in SCHEMA:
                for inner in _values_at_depth(item, depth):
                    problems += schema_problems(inner, element, f"{path}.{name}")
    return problems


def unknown_to_ptb(obj: Any, path: str = "$") -> list[str]:
    """Fields PTB could not place on its objects (its api_kwargs), anywhere inside `obj`."""
    if isinstance(obj, list | tuple):
        return [problem for item in obj for problem in unknown_to_ptb(item, f"{path}[]")]
    if not isinstance(obj, telegram.TelegramObject):
        return []
    problems = [f"{path}.{name}: unknown to PTB" for name in obj.api_kwargs]
    for cls in type(obj).__mro__:
        for name in getattr(cls, "__slots__", ()):
            if not name.startswith("_") and name != "api_kwargs":
                problems += unknown_to_ptb(getattr(obj, name, None), f"{path}.{name}")
    return problems


def assert_conforms(raw: Any, type_name: str, parsed: Any) -> None:
    problems = schema_problems(raw, type_name) + unknown_to_ptb(parsed)
    assert not problems, "\n".join(problems)
