"""The /export screens: format, period, names, the caption, and the refusals."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot import callbacks
from bot.services.exports.export import Format
from bot.views.exports import menu
from tests.views.digests.sample import child
from tests.views.exports.sample import export
from tests.views.screens import data, labels, url

LILY = child()


def test_the_first_screen_asks_which_file() -> None:
    reply = menu.choose_format(LILY)
    assert "Export Lily's record" in reply.text
    assert labels(reply) == ["📄 PDF report", "📊 CSV files (zip)", "🏥 FHIR R4 (hospital systems)"]
    assert data(reply, "📄 PDF report") == "exp:7:format:pdf"


def test_then_which_period() -> None:
    reply = menu.choose_period(LILY, Format.CSV)
    assert "README" in reply.text
    assert labels(reply) == [
        "Last 28 days", "Last 90 days", "Last 12 months", "Everything", "‹ Back"
    ]  # fmt: skip
    assert data(reply, "Last 12 months") == "exp:7:period:csv.365"
    assert data(reply, "Everything") == "exp:7:period:csv.all"
    assert data(reply, "‹ Back") == "exp:7:menu"


def test_a_guardian_chooses_whether_names_go_in_a_fhir_file() -> None:
    reply = menu.choose_name(LILY, "90")
    assert "Lily's name" in reply.text
    assert data(reply, "Without names (safer)") == "exp:7:name:fhir.90.0"
    assert data(reply, "With names") == "exp:7:name:fhir.90.1"
    assert data(reply, "‹ Back") == "exp:7:format:fhir"


def test_the_caption_names_the_child_the_period_and_the_format() -> None:
    assert menu.caption(export(Format.FHIR)) == (
        "📎 Lily's record, 02 Nov 2026 – 29 Nov 2026, as FHIR bundle. Made 30 Nov 2026 09:00."
    )


def test_a_file_too_large_is_refused_with_its_size() -> None:
    text = menu.too_large(63 * 1024 * 1024 + 1, 50 * 1024 * 1024).text
    assert "63.0 MB" in text and "50 MB" in text and "shorter period" in text


def test_in_a_group_the_answer_is_the_way_to_private() -> None:
    reply = menu.only_in_private(LILY, "carecircle_bot")
    assert "private chat" in reply.text
    assert url(reply, "Open a private chat") == "https://t.me/carecircle_bot"


@given(st.text(min_size=1, max_size=64))
def test_any_name_is_escaped_and_every_button_parses(name: str) -> None:
    someone = child(name)
    for reply in (
        menu.choose_format(someone),
        menu.choose_period(someone, Format.PDF),
        menu.choose_name(someone, "all"),
    ):
        assert "<script" not in reply.text
        for row in reply.buttons:
            for button in row:
                assert button.callback is not None
                assert callbacks.parse(button.callback.pack()) == button.callback
