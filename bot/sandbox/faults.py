"""Injected faults: failing, delaying or dropping the next calls of a Bot API method."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any


@dataclass
class Fault:
    """What happens to the next `count` calls of `method` (any method when None)."""

    method: str | None
    count: int
    status: int | None = None
    description: str | None = None
    delay: float = 0.0
    drop: bool = False

    def matches(self, method: str) -> bool:
        return self.count > 0 and (self.method is None or self.method.lower() == method.lower())

    @property
    def failure(self) -> tuple[int, str] | None:
        """The status and description to answer with, or None to answer normally."""
        if self.status is None:
            return None
        try:
            default = HTTPStatus(self.status).phrase
        except ValueError:
            default = "Error"
        return self.status, self.description or default


class FaultInjector:
    """Faults in the order they were injected; each call consumes one from the first match."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def inject(
        self,
        method: str | None = None,
        count: int = 1,
        status: int | None = None,
        description: str | None = None,
        delay: float | None = None,
        drop: bool = False,
    ) -> Fault:
        if count < 1:
            raise ValueError("count must be at least 1")
        if status is None and not delay and not drop:
            status = 500
        fault = Fault(method, count, status, description, float(delay or 0), drop)
        self.faults.append(fault)
        return fault

    def clear(self) -> None:
        self.faults.clear()

    def take(self, method: str) -> Fault | None:
        """The fault that applies to this call of `method`, consuming one of its count."""
        for fault in self.faults:
            if fault.matches(method):
                fault.count -= 1
                if fault.count == 0:
                    self.faults.remove(fault)
                return fault
        return None

    def describe(self) -> list[dict[str, Any]]:
        return [asdict(fault) for fault in self.faults]
