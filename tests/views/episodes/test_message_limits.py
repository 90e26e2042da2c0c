"""Every episode message fits Telegram's limits, however long what people typed (issue 11, 8)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.replies import Reply
from bot.sandbox.markup_core import utf16_len
from bot.sandbox.markup_html import parse_html
from bot.services.episodes import vocabulary as vocab
from bot.services.episodes.changes import parsed_of
from bot.services.episodes.history import Card, Counts, OpenedEpisode, Receipt
from bot.services.episodes.parsing import render_episode_line
from bot.views.episodes import history as history_views
from bot.views.episodes import report as views
from models import Child, Episode, EpisodeKind, Intensity, Role

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
LILY = Child(id=7, name="Lily", timezone="Europe/London", emergency_threshold_seconds=300)
COUNTS = Counts(today=2, this_week=5, last_week=3)
MAX_TEXT = 4096


def plain(reply: Reply) -> str:
    """The text Telegram shows for a reply sent with parse_mode HTML (its entities parsed)."""
    text, _ = parse_html(reply.text)
    return text


def fits(reply: Reply) -> bool:
    return 0 < utf16_len(plain(reply)) <= MAX_TEXT


def _episode(**facts) -> Episode:
    values = {
        "id": 42,
        "child_id": 7,
        "occurred_at": NOW - timedelta(minutes=5),
        "created_at": NOW,
        "body_parts": [],
        "triggers": [],
        "injury": False,
        "relayed_at": NOW,
        **facts,
    }
    return Episode(**values)


def _receipt(card: Card, child: Child = LILY, **changes) -> Receipt:
    values = {"card": card, "child": child, "counts": COUNTS, "now": NOW}
    return Receipt(**{**values, "urgent": False, "shared": True, "can_undo": True, **changes})


LONG_NOTE = "He was sitting at the table and then " + "x" * 3960  # a /e line's worth


def test_a_long_note_is_relayed_in_part_and_kept_whole() -> None:
    episode = _episode(duration_seconds=30, notes=LONG_NOTE)
    card = Card(episode, "Ms Park", Role.EDUCATOR)

    relay = views.relay(card, LILY, COUNTS, NOW, urgent=False)
    receipt = views.receipt(_receipt(card))

    for reply in (relay, receipt):
        [note] = [line for line in plain(reply).splitlines() if line.startswith("📝")]
        assert note.startswith("📝 He was sitting at the table and then xxx")
        assert note.endswith("…") and len(note) <= 303
        assert fits(reply)
    assert episode.notes == LONG_NOTE


def test_a_short_note_is_shown_as_it_is() -> None:
    card = Card(_episode(notes="after lunch & a nap"), "Ms Park", Role.EDUCATOR)

    lines = plain(views.relay(card, LILY, COUNTS, NOW, urgent=False)).splitlines()

    assert "📝 after lunch & a nap" in lines


def test_the_opened_episode_shows_the_whole_note_or_as_much_as_fits() -> None:
    def note_shown(notes: str) -> str:
        card = Card(_episode(notes=notes), "Ms Park", Role.EDUCATOR)
        reply = history_views.episode(OpenedEpisode(card, LILY, True, NOW), "7d.0")
        assert fits(reply)
        [note] = [line for line in plain(reply).splitlines() if line.startswith("📝")]
        return note

    assert note_shown(LONG_NOTE) == f"📝 {LONG_NOTE}"
    longest = note_shown("y" * 4090)  # the most a /e message can hold
    assert len(longest) > 3900 and longest.endswith("y…")


def test_an_urgent_relay_gives_up_the_note_before_the_plan() -> None:
    plan = "Give buccal midazolam. " + "Call 999 and stay with her. " * 100  # 2823 characters
    lily = Child(id=7, name="Lily", timezone="Europe/London", action_plan=plan)
    card = Card(_episode(duration_seconds=400, notes=LONG_NOTE), "M" * 128, Role.EDUCATOR)
    crowded = Card(card.episode, "M" * 128, Role.EDUCATOR, ("N" * 128,) * 30)

    for shown in (card, crowded):
        reply = views.relay(shown, lily, COUNTS, NOW, urgent=True)
        assert fits(reply)
        assert plain(reply).endswith(plan)
    assert "📝 He was" in plain(views.relay(crowded, lily, COUNTS, NOW, urgent=True))


# Any stored episode, in every message that shows it

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(["a", "&", "<b>", "😀", "é ", "\n", "  ", "👨‍👩‍👧", "&amp;", "x" * 50])
LONG_TEXT = st.one_of(
    st.text(max_size=40),
    st.builds(lambda piece, times: piece * times, PIECES, st.integers(0, 5000)),
    st.lists(PIECES, max_size=200).map("".join),
)


def words(limit: int) -> st.SearchStrategy[str]:
    """Text as a column of ``limit`` characters holds it."""
    return LONG_TEXT.map(lambda text: text[:limit])


NAMES = words(128).filter(lambda name: name.strip() != "")
MOMENTS = st.datetimes(datetime(2024, 1, 1), datetime(2026, 11, 25), timezones=st.just(UTC))


@st.composite
def stored_episodes(draw: st.DrawFn) -> Episode:
    """An episode row as the database may hold it, every field at any length it allows."""
    occurred = draw(MOMENTS)
    return _episode(
        occurred_at=occurred,
        window_end_at=draw(
            st.none()
            | st.just(
                occurred + draw(st.timedeltas(max_value=timedelta(days=2), min_value=timedelta(0)))
            )
        ),
        created_at=occurred + draw(st.timedeltas(timedelta(0), timedelta(days=400))),
        corrected_at=draw(st.none() | st.just(NOW)),
        duration_seconds=draw(st.none() | st.integers(0, 86400)),
        jerk_count=draw(st.none() | st.integers(1, 1000)),
        kind=draw(st.none() | st.sampled_from(list(EpisodeKind))),
        body_parts=draw(st.lists(st.sampled_from(sorted(vocab.BODY_PARTS.phrases)), unique=True)),
        intensity=draw(st.none() | st.sampled_from(list(Intensity))),
        setting=draw(st.none() | st.sampled_from(sorted(vocab.SETTINGS.phrases))),
        triggers=draw(st.lists(st.sampled_from(sorted(vocab.TRIGGERS.phrases)), unique=True)),
        rescue_medication=draw(st.none() | words(128)),
        injury=draw(st.booleans()),
        observer=draw(st.none() | words(128)),
        notes=draw(st.none() | LONG_TEXT),
    )


@st.composite
def cards(draw: st.DrawFn) -> Card:
    reporter = draw(st.none() | NAMES)
    role = draw(st.sampled_from(list(Role))) if reporter else None
    return Card(draw(stored_episodes()), reporter, role, tuple(draw(st.lists(NAMES, max_size=30))))


CHILDREN = st.builds(
    lambda name, plan, zone: Child(
        id=7, name=name, timezone=zone, action_plan=plan, emergency_threshold_seconds=300
    ),
    words(64).filter(lambda name: name.strip() != ""),
    st.none() | words(3000),
    st.sampled_from(["Europe/London", "America/New_York", "Australia/Sydney"]),
)


@SETTINGS
@given(card=cards(), child=CHILDREN, other=cards(), urgent=st.booleans(), actor=NAMES)
def test_every_message_about_a_stored_episode_fits(
    card: Card, child: Child, other: Card, urgent: bool, actor: str
) -> None:
    shared = _receipt(card, child, urgent=urgent)
    replies = [
        views.relay(card, child, COUNTS, NOW, urgent=urgent),
        views.receipt(shared),
        views.receipt(shared, corrected=True),
        views.receipt(_receipt(card, child, shared=False, duplicate=other)),
        views.receipt(_receipt(card, child, shared=False)),
        views.details(shared),
        views.corrected_notice(actor, shared),
        views.merged(other),
        views.undone(card, child, NOW),
        views.removed_notice("deleted", actor, card, child, NOW),
        history_views.episode(OpenedEpisode(card, child, True, NOW), "7d.0"),
        views.correct_prompt(
            render_episode_line(parsed_of(card.episode), now=NOW, timezone=child.timezone)
        ),
    ]
    for reply in replies:
        assert fits(reply), (utf16_len(plain(reply)), reply.text[:200])
    relayed = plain(replies[0]).splitlines()
    assert all(len(line) <= 400 for line in relayed if line.startswith("📝"))
