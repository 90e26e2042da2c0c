"""Injected faults: failing, delaying or dropping the next calls of a Bot API method.

A fault applies to its next `count` calls, or, given a `duration`, to every call until
the emulator's clock has moved that far on (an outage that a test can end by advancing it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any


@dataclass
class Fault:
    """What happens to the next `count` calls of `method` (any method when None).

    With `until` (a time on the emulator's clock) the count is None: every call until then.
    """

    method: str | None
    count: int | None
    status: int | None = None
    description: str | None = None
    delay: float = 0.0
    drop: bool = False
    until: float | None = None

    def matches(self, method: str) -> bool:
        return self.method is None or self.method.lower() == method.lower()

    def active(self, now: float) -> bool:
        """Whether it still applies: calls left to fail, or its time not yet up."""
        if self.until is not None:
            return now < self.until
        return self.count is not None and self.count > 0

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

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.faults: list[Fault] = []

    def inject(
        self,
        method: str | None = None,
        count: int = 1,
        status: int | None = None,
        description: str | None = None,
        delay: float | None = None,
        drop: bool = False,
        duration: float | None = None,
    ) -> Fault:
        """Add a fault; with `duration` (seconds on the emulator's clock) `count` is ignored."""
        if duration is not None and (isinstance(duration, bool) or duration <= 0):
            raise ValueError("duration must be a positive number of seconds")
        if duration is None and count < 1:
            raise ValueError("count must be at least 1")
        if status is None and not delay and not drop:
            status = 500
        until = None if duration is None else self.clock() + float(duration)
        times = None if until is not None else count
        fault = Fault(method, times, status, description, float(delay or 0), drop, until)
        self.faults.append(fault)
        return fault

    def clear(self) -> None:
        self.faults.clear()

    def take(self, method: str) -> Fault | None:
        """The fault that applies to this call of `method`, consuming one of its count."""
        now = self.clock()
        self.faults = [fault for fault in self.faults if fault.active(now)]
        for fault in self.faults:
            if fault.matches(method):
                if fault.count is not None:
                    fault.count -= 1
                    if fault.count == 0:
                        self.faults.remove(fault)
                return fault
        return None

    def describe(self) -> list[dict[str, Any]]:
        now = self.clock()
        return [asdict(fault) for fault in self.faults if fault.active(now)]
