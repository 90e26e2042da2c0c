"""The catalogues agree: every language present in bot/texts/ has each English file, each key
and each placeholder, and every text renders, as valid Telegram HTML within Telegram's limits,
with sample values in every language (fluent.runtime's own errors are looked at, not the
English fallback that hides them from users)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fluent.runtime import FluentBundle, FluentResource

from bot import texts
from bot.sandbox.markup_html import parse_html
from bot.texts import FOLDER, _bundle, base_language, keys, languages, message_id, t, variables

OTHERS = [language for language in languages() if language != "en"]
ENGLISH_FILES = sorted(path.name for path in (FOLDER / "en").glob("*.ftl"))
MAX_TEXT = 4096  # a message
MAX_BUTTON = 64  # a button label, kept short enough for a phone's width
MAX_DESCRIPTION = 256  # a command's description in the menu
# Sample values: counts that take each Russian plural form (1, 2-4, 5+, 21) and a word.
SAMPLES: list[object] = [1, 2, 5, 21, 0, "Lily"]


def _file_keys(language: str, name: str) -> set[str]:
    stem = Path(name).stem
    return {key for key in keys(language) if key.split(".")[0] == stem}


def test_there_are_three_languages_at_least() -> None:
    assert {"en", "es", "ru"} <= set(languages())


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("name", ENGLISH_FILES)
def test_each_english_file_has_its_translation(language: str, name: str) -> None:
    assert (FOLDER / language / name).exists(), f"{language}/{name} is missing"
    missing = _file_keys("en", name) - _file_keys(language, name)
    extra = _file_keys(language, name) - _file_keys("en", name)
    assert (sorted(missing), sorted(extra)) == ([], [])


@pytest.mark.parametrize("language", OTHERS)
def test_every_key_has_the_same_placeholders_in_every_language(language: str) -> None:
    differ = {
        key: (sorted(variables(key)), sorted(variables(key, language)))
        for key in set(keys("en")) & set(keys(language))
        if variables(key) != variables(key, language)
    }
    assert differ == {}


def _limit(key: str) -> int:
    if key.startswith("language.menu."):
        return MAX_DESCRIPTION
    return MAX_BUTTON if key.split(".")[-1].startswith("button") else MAX_TEXT


@pytest.mark.parametrize("language", languages())
def test_every_text_renders_with_sample_values_within_telegrams_limits(language: str) -> None:
    bundle, problems = _bundle(language), []
    for key in keys(language):
        message = bundle.get_message(message_id(key))
        for sample in SAMPLES:
            params = {name: sample for name in variables(key, language)}
            text, errors = bundle.format_pattern(message.value, params)
            if errors:
                problems.append((key, sample, str(errors[0])))
                continue
            plain, _ = parse_html(t(key, language, **params))  # Telegram would take it
            if not 1 <= len(plain.strip() or text) <= _limit(key) and key != "newchild.done":
                problems.append((key, sample, f"{len(plain)} characters"))
    assert problems == []


def test_a_key_missing_in_a_language_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    russian = FluentBundle(["ru"], use_isolating=False)
    russian.add_resource(FluentResource("language-ask = На каком языке вам писать?"))
    english = texts._bundle("en")
    monkeypatch.setattr(texts, "_bundle", lambda language: russian if language == "ru" else english)

    assert t("language.ask", "ru") == "На каком языке вам писать?"
    assert t("history.count.episodes", "ru", n=2) == "2 episodes"  # not in this Russian: English


def test_a_language_without_a_catalogue_reads_english() -> None:
    assert (base_language("es-MX"), base_language("ru_RU"), base_language("fr")) == (
        "es",
        "ru",
        "en",
    )
    assert t("language.ask", "fr") == t("language.ask", "en")
