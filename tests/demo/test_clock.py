"""The demo's clock stands still for the story, never goes back, then runs on from its end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.demo.clock import StoryClock

START = datetime(2026, 11, 18, 0, 0, tzinfo=UTC)


def test_it_stands_still_until_set_and_never_goes_back() -> None:
    clock = StoryClock(START)

    clock.set(START + timedelta(hours=9))
    clock.set(START + timedelta(hours=8))
    clock.advance(timedelta(seconds=30))

    assert clock.now() == clock.now() == START + timedelta(hours=9, seconds=30)


def test_after_the_story_it_runs_on_from_where_it_ended() -> None:
    clock = StoryClock(START)
    clock.set(START + timedelta(days=13, hours=9))

    clock.run_on()
    first, later = clock.now(), clock.now()

    assert START + timedelta(days=13, hours=9) <= first <= later < first + timedelta(minutes=1)


def test_a_naive_start_is_refused() -> None:
    with pytest.raises(ValueError):
        StoryClock(datetime(2026, 11, 18))
