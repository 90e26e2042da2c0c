"""Spanish and Russian lines: read with the writer's language (and English), never a crash,
the same record as the English line that says the same, numbers only from what was written."""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services.episodes import vocabulary
from bot.services.episodes.parsing import EpisodeParseError, ParsedEpisode, parse_episode
from bot.services.followups.parsing import FollowupParseError, parse_followup
from bot.services.medications.parsing import MedicationParseError, parse_med_command
from bot.services.parsing import vocab
from bot.services.parsing.phrases import words_of
from tests.services.episodes.test_parsing import readings

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
ZONE = "Europe/London"


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [*map(str, data), *(s for value in data.values() for s in _strings(value))]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


def _words(language: str) -> list[str]:
    """Every word of a language's own vocabulary files, as written there (accents kept)."""
    texts = []
    for path in sorted((vocab.FOLDER / language).glob("*.toml")):
        texts += re.findall(r'"([^"]*)"', path.read_text(encoding="utf-8"))
        texts += re.findall(r"^\s*([^\s=#\[\]]+)\s*=", path.read_text(encoding="utf-8"), re.M)
    return sorted(words_of(text for text in texts if "{" not in text))


PIECES = {
    language: st.one_of(
        st.sampled_from(_words(language)),
        st.integers(0, 120).map(str),
        st.sampled_from(["1,5", "2-3", "x3", "х3", "7:30", "24/11", "24.11.", "25:99", "~2"]),
        st.sampled_from([",", ".", ":", "note:", "nota:", "примечание:", "<", ">", "\x00"]),
        st.text(max_size=4),
    )
    for language in ("es", "ru")
}


def _line(language: str) -> st.SearchStrategy[str]:
    return st.lists(PIECES[language], min_size=0, max_size=12).map(" ".join)


SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("language", ["es", "ru"])
@SLOW
@given(data=st.data())
def test_no_spanish_or_russian_line_makes_a_parser_raise(
    language: str, data: st.DataObject
) -> None:
    line = data.draw(_line(language))
    for parse, refusal in (
        (parse_episode, EpisodeParseError),
        (parse_med_command, MedicationParseError),
        (parse_followup, FollowupParseError),
    ):
        with contextlib.suppress(refusal):
            parse(line, now=NOW, timezone=ZONE, language=language)


def _numbers(text: str, language: str) -> list[Decimal]:
    """The numbers written in ``text``: digits, and number words of the language and English
    (a unit that says one of itself, "минуту", is the number one)."""
    found = [Decimal(d.replace(",", ".")) for d in re.findall(r"[0-9]+(?:[.,][0-9]+)?", text)]
    with vocab.speaking(language):
        named = {
            **vocabulary.NUMBER_WORDS,
            **{w: Decimal(c) for w, c in vocabulary.COUNT_WORDS.items()},
        }
        singles = vocab.common()["units"].get("single", {})
    words = re.findall(r"[^\W\d_]+", vocab.fold(text.lower()))
    return (
        found
        + [named[w] for w in words if w in named]
        + [Decimal(1) for w in words if w in singles]
    )


@pytest.mark.parametrize("language", ["es", "ru"])
@SLOW
@given(data=st.data())
def test_a_saved_duration_and_count_come_from_numbers_written(
    language: str, data: st.DataObject
) -> None:
    line = data.draw(_line(language))
    try:
        parsed = parse_episode(line, now=NOW, timezone=ZONE, language=language)
    except EpisodeParseError:
        return
    numbers = _numbers(line, language)
    if parsed.jerk_count is not None:
        assert Decimal(parsed.jerk_count) in numbers, line
    if parsed.duration_seconds is not None:
        halves = numbers + [n + Decimal("0.5") for n in numbers]  # "minuto y medio"
        assert parsed.duration_seconds in readings(halves), line


def _record(text: str, language: str) -> ParsedEpisode:
    parsed = parse_episode(text, now=NOW, timezone="Europe/Madrid", language=language)
    return replace(parsed, notes=None)


@pytest.mark.parametrize(
    ("english", "spanish", "russian"),
    [
        (
            "this morning around 7 several jerks in both arms when waking up, lasted a minute",
            "esta mañana sobre las 7 varias sacudidas en los brazos al despertar, duró un minuto",
            "утром около 7 несколько вздрагиваний в руках при пробуждении, длилось минуту",
        ),
        (
            "yesterday at 21:15 generalised seizure 4 min, rectal diazepam",
            "ayer a las 21:15 crisis generalizada 4 min, diazepam rectal",
            "вчера в 21:15 генерализованный приступ 4 мин, диазепам ректально",
        ),
        (
            "3 strong jerks in the bath",
            "en la bañera 3 sacudidas fuertes",
            "в ванной 3 сильных вздрагивания",
        ),
        (
            "absence at school about 10 seconds, tired",
            "ausencia en clase unos 10 segundos, cansada",
            "абсанс в классе секунд 10, устала",
        ),
        (
            "10 min ago 4 jerks in the face, missed her evening dose",
            "hace 10 minutos 4 sacudidas en la cara, olvidamos la dosis de la noche",
            "10 минут назад 4 вздрагивания лица, пропустили вечернюю дозу",
        ),
    ],
)
def test_a_line_in_any_language_is_the_same_record(
    english: str, spanish: str, russian: str
) -> None:
    record = _record(english, "en")
    assert _record(spanish, "es") == record
    assert _record(russian, "ru") == record


def test_the_writer_may_mix_in_english_and_leave_out_accents() -> None:
    mixed = _record("esta manana 3 jerks en clase, tired", "es-MX")
    assert (mixed.jerk_count, mixed.setting, mixed.triggers) == (3, "school", ("fatigue",))
    plain = _record("еще 2 подергивания, температура", "ru")
    assert (plain.jerk_count, plain.triggers) == (2, ("illness",))


def test_english_is_read_without_the_other_languages_words() -> None:
    with pytest.raises(EpisodeParseError):
        parse_episode("sacudidas, cansancio", now=NOW, timezone=ZONE, language="en")
    with pytest.raises(EpisodeParseError):
        parse_episode("вздрагивания в классе", now=NOW, timezone=ZONE)


def test_a_language_code_is_read_as_its_base_language() -> None:
    assert [vocab.supported(code) for code in ("es-MX", "ru", "RU-ru", "pt-BR", None, "")] == [
        "es", "ru", "ru", "en", "en", "en",
    ]  # fmt: skip
    assert vocab.fold("Mañana ЕЩЁ tónico") == "Manana ЕЩЕ tonico"
