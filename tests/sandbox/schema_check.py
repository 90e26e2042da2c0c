"""Checks that emitted JSON matches the Bot API schema subset and that PTB knows every field.

``answer_problems`` checks one whole answer of the emulator; the suite runs it on every
answer every emulator gives (``tests/conftest.py``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import telegram

from bot.sandbox.webhook import WEBHOOK

_COPY: dict[str, Any] = json.loads(
    (Path(__file__).with_name("botapi_types.json")).read_text(encoding="utf-8")
)
SCHEMA: dict[str, Any] = _COPY["types"]
RETURNS: dict[str, list[str]] = {name: spec["returns"] for name, spec in _COPY["methods"].items()}
_ENVELOPE_ERROR = {"ok", "error_code", "description", "parameters"}
_PRIMITIVES = {
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "String": lambda v: isinstance(v, str),
    "Boolean": lambda v: isinstance(v, bool),
    "True": lambda v: v is True,
}

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
        elif name in fields:
            problems += value_problems(item, fields[name]["types"], f"{path}.{name}")
    return problems


def _shape_fits(value: Any, declared: str) -> bool:
    """Whether ``value`` has the JSON shape of ``declared`` ("Integer", "Array of User", …)."""
    if declared.startswith("Array of "):
        inner = declared.removeprefix("Array of ")
        return isinstance(value, list) and all(_shape_fits(item, inner) for item in value)
    if declared in _PRIMITIVES:
        return _PRIMITIVES[declared](value)
    return isinstance(value, dict)  # an object type (InputFile never comes back)


def value_problems(value: Any, declared: list[str], path: str = "$") -> list[str]:
    """What is wrong with ``value`` as one of the ``declared`` types, fields and all."""
    fitting = [kind for kind in declared if _shape_fits(value, kind)]
    if not fitting:
        return [f"{path}: {value!r:.80} is not {' or '.join(declared)}"]
    found = []
    for kind in fitting:
        depth, element = _element_type(kind)
        if element in _PRIMITIVES:
            return []
        if element not in SCHEMA:
            found.append([f"{path}: no copy of the schema of {element} in botapi_types.json"])
            continue
        inner = _values_at_depth(value, depth)
        found.append([p for item in inner for p in schema_problems(item, element, path)])
    return min(found, key=len)


def answer_problems(method: str, answer: Any) -> list[str]:
    """What is wrong with the emulator's ``answer`` to ``method`` (an envelope, or a webhook's
    Update): the envelope's keys, and its result as what the method returns."""
    if method == WEBHOOK:
        return value_problems(answer, ["Update"], "update")
    if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
        return [f"{method}: not a Bot API envelope: {answer!r:.80}"]
    if answer["ok"]:
        extra = sorted(set(answer) - {"ok", "result"})
        problems = [f"{method}: envelope has {extra}"] if extra else []
        if method not in RETURNS:
            return [*problems, f"{method}: answered ok, but botapi_types.json has no such method"]
        return problems + value_problems(answer.get("result"), RETURNS[method], f"{method}()")
    problems = [f"{method}: error envelope has {sorted(set(answer) - _ENVELOPE_ERROR)}"]
    problems = problems if set(answer) - _ENVELOPE_ERROR else []
    problems += value_problems(answer.get("error_code"), ["Integer"], f"{method}.error_code")
    problems += value_problems(answer.get("description"), ["String"], f"{method}.description")
    if "parameters" in answer:
        problems += value_problems(
            answer["parameters"], ["ResponseParameters"], f"{method}.parameters"
        )
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
