"""parse_mode parsing: entities and plain text as Telegram computes them, and its exact errors."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.sandbox.markup import ParseError, parse_text

PREFIX = "Bad Request: can't parse entities: "


def test_html_tags_become_entities_with_utf16_offsets() -> None:
    source = (
        "😀 <b>bold</b> <i>it</i> <u>u</u> <s>s</s> <tg-spoiler>sp</tg-spoiler> "
        '<a href="https://example.org">link</a> <code>c</code> '
        '<pre><code class="language-python">x = 1</code></pre>'
        "<blockquote expandable>q</blockquote> &lt;&amp;&gt;&quot;&#33;&#x41;"
    )
    plain, entities = parse_text(source, "HTML")

    assert plain == '😀 bold it u s sp link c x = 1q <&>"!A'
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "italic", "offset": 8, "length": 2},
        {"type": "underline", "offset": 11, "length": 1},
        {"type": "strikethrough", "offset": 13, "length": 1},
        {"type": "spoiler", "offset": 15, "length": 2},
        {"type": "text_link", "offset": 18, "length": 4, "url": "https://example.org/"},
        {"type": "code", "offset": 23, "length": 1},
        {"type": "pre", "offset": 25, "length": 5, "language": "python"},
        {"type": "expandable_blockquote", "offset": 30, "length": 1},
    ]


def test_nested_html_orders_entities_like_telegram() -> None:
    plain, entities = parse_text("<i><b>x</b></i>", "html")

    assert plain == "x"
    assert [entity["type"] for entity in entities] == ["bold", "italic"]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("a<foo>b", 'Unsupported start tag "foo" at byte offset 1'),
        ("é<zz>", 'Unsupported start tag "zz" at byte offset 2'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b", "Unclosed start tag at byte offset 0"),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ('<a href="x', "Unclosed start tag at byte offset 0"),
    ],
)
def test_html_errors_use_telegram_wording(source: str, reason: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_text(source, "HTML")

    assert error.value.description == PREFIX + reason


def test_markdown_v2_entities() -> None:
    source = "*bold* _it_ __u__ ~s~ ||sp|| [l](http://a.b/c) `c` ```py\nx\n``` \\.\\!"
    plain, entities = parse_text(source, "MarkdownV2")

    assert plain == "bold it u s sp l c x\n .!"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 4},
        {"type": "italic", "offset": 5, "length": 2},
        {"type": "underline", "offset": 8, "length": 1},
        {"type": "strikethrough", "offset": 10, "length": 1},
        {"type": "spoiler", "offset": 12, "length": 2},
        {"type": "text_link", "offset": 15, "length": 1, "url": "http://a.b/c"},
        {"type": "code", "offset": 17, "length": 1},
        {"type": "pre", "offset": 19, "length": 2, "language": "py"},
    ]


def test_markdown_v2_blockquotes() -> None:
    assert parse_text(">quote\n>more\nafter", "MarkdownV2") == (
        "quote\nmore\nafter",
        [{"type": "blockquote", "offset": 0, "length": 11}],
    )
    plain, entities = parse_text("**>hidden\n>more||\nafter", "MarkdownV2")
    assert entities[0]["type"] == "expandable_blockquote"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("Done.", "Character '.' is reserved and must be escaped with the preceding '\\'"),
        ("1-2", "Character '-' is reserved and must be escaped with the preceding '\\'"),
        ("a > b", "Character '>' is reserved and must be escaped with the preceding '\\'"),
        ("*open", "Can't find end of Bold entity at byte offset 0"),
        ("é _x", "Can't find end of Italic entity at byte offset 3"),
        ("[x](http://a.b", "Can't find end of a URL at byte offset 4"),
    ],
)
def test_markdown_v2_errors_use_telegram_wording(source: str, reason: str) -> None:
    with pytest.raises(ParseError) as error:
        parse_text(source, "MarkdownV2")

    assert error.value.description == PREFIX + reason


def test_legacy_markdown() -> None:
    plain, entities = parse_text("*b* _i_ [x](t.co) `c` 1.5", "Markdown")

    assert plain == "b i x c 1.5"
    assert [entity["type"] for entity in entities] == ["bold", "italic", "text_link", "code"]
    with pytest.raises(ParseError, match="starting at byte offset 0"):
        parse_text("*open", "Markdown")


def test_unknown_parse_mode_is_refused() -> None:
    with pytest.raises(ParseError) as error:
        parse_text("hi", "BBCode")

    assert error.value.description == "Bad Request: unsupported parse_mode"


MARKUP_ALPHABET = st.sampled_from(list("<>&;#x/=\"' abiuspre-codeq*_[]()~`|>+.!\\\n😀é0123456789"))
TRICKY_TEXT = st.text(MARKUP_ALPHABET, max_size=40) | st.text(max_size=40)


@given(TRICKY_TEXT, st.sampled_from(["HTML", "MarkdownV2", "Markdown"]))
def test_parsers_fail_only_with_parse_error(source: str, mode: str) -> None:
    try:
        plain, entities = parse_text(source, mode)
    except ParseError as error:
        assert error.description.startswith(PREFIX)
    else:
        assert all(entity["length"] > 0 for entity in entities)


@given(st.text(max_size=60))
def test_escaped_html_parses_back_to_itself(text: str) -> None:
    assert parse_text(html.escape(text), "HTML") == (text, [])


@given(st.text(max_size=60))
def test_escaped_markdown_v2_parses_back_to_itself(text: str) -> None:
    escaped = "".join("\\" + char if char in "_*[]()~`>#+-=|{}.!\\" else char for char in text)

    assert parse_text(escaped, "MarkdownV2") == (text, [])
