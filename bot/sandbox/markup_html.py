"""Telegram's HTML parse mode: the tags it knows, its entity decoding and its error wording."""

from __future__ import annotations

from dataclasses import dataclass

from bot.sandbox.markup_core import (
    ParseError,
    RawEntity,
    SourceText,
    ascii_lower,
    is_space,
    link_kind,
    utf16_width,
)

_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins", "span", "tg-spoiler"}
    | {"tg-emoji", "tg-time", "pre", "code", "blockquote"}
)
_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


def decode_entity(text: SourceText, pos: int) -> tuple[int, int]:
    """The code point of the HTML entity at `pos` and the index after it, or (0, pos)."""
    end = pos + 1
    code = 0
    if text[end] == "#":
        end += 1
        base, digits = (16, "0123456789abcdefABCDEF") if text[end] == "x" else (10, "0123456789")
        end += base == 16
        while text[end] in digits:
            code = code * base + int(text[end], base)
            end += 1
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return 0, pos
    else:
        while text[end].isascii() and text[end].isalpha():
            end += 1
        named = _NAMED.get(text.text[pos + 1 : end])
        if named is None:
            return 0, pos
        code = ord(named)
    return code, end + (text[end] == ";")


@dataclass
class _OpenTag:
    name: str
    argument: str
    unix_time: int
    utf16_offset: int
    output_start: int


class _HtmlParser:
    def __init__(self, text: str):
        self.src = SourceText(text)
        self.out: list[str] = []
        self.utf16 = 0
        self.open: list[_OpenTag] = []
        self.entities: list[RawEntity] = []

    def error(self, message: str, index: int | None = None) -> ParseError:
        if index is not None:
            message += f" at byte offset {self.src.byte_offset(index)}"
        return ParseError(message)

    def run(self) -> tuple[str, list[RawEntity]]:
        src, i = self.src, 0
        while i < len(src):
            if src[i] == "&":
                code, after = decode_entity(src, i)
                if code:
                    self.emit(chr(code))
                    i = after
                    continue
            if src[i] != "<":
                self.emit(src[i])
                i += 1
                continue
            i = self.end_tag(i) if src[i + 1] == "/" else self.start_tag(i)
        if self.open:
            name = self.open[-1].name
            raise self.error(f'Can\'t find end tag corresponding to start tag "{name}"')
        return self.finish()

    def emit(self, char: str) -> None:
        self.out.append(char)
        self.utf16 += utf16_width(char)

    def finish(self) -> tuple[str, list[RawEntity]]:
        plain = "".join(self.out)
        if any(0xD800 <= ord(char) <= 0xDFFF for char in plain):
            raise self.error(
                "Text contains invalid Unicode characters after decoding HTML entities, "
                "check for unmatched surrogate code units"
            )
        for entity in self.entities:
            if entity.type == "code":
                entity.argument = ""
        return plain, self.entities

    def start_tag(self, begin: int) -> int:
        src, i = self.src, begin + 1
        while not is_space(src[i]) and src[i] != ">":
            i += 1
        if src[i] == "\0":
            raise self.error("Unclosed start tag", begin)
        name = ascii_lower(src.text[begin + 1 : i])
        if name not in _TAGS:
            raise self.error(f'Unsupported start tag "{name}"', begin)
        tag = _OpenTag(name, "", 0, self.utf16, len(self.out))
        i = self.attributes(tag, begin, i)
        if name == "span" and tag.argument != "spoiler":
            raise self.error('Tag "span" must have class "tg-spoiler"', begin)
        self.open.append(tag)
        return i + 1

    def attributes(self, tag: _OpenTag, begin: int, i: int) -> int:
        src = self.src
        while src[i] != ">":
            while src[i] != "\0" and is_space(src[i]):
                i += 1
            if src[i] == ">":
                break
            name_start = i
            while not is_space(src[i]) and src[i] not in "=>/\"'":
                i += 1
            attribute = src.text[name_start:i]
            if not attribute:
                raise self.error(f'Empty attribute name in the tag "{tag.name}"', begin)
            while src[i] != "\0" and is_space(src[i]):
                i += 1
            if src[i] != "=":
                if src[i] == "\0":
                    raise self.error(f'Unclosed start tag "{tag.name}"', begin)
                if tag.name == "blockquote" and attribute == "expandable":
                    tag.argument = "1"
                continue
            value, i = self.attribute_value(tag, begin, i + 1)
            if src[i] == "\0":
                raise self.error("Unclosed start tag", begin)
            self.apply_attribute(tag, attribute, value)
        return i

    def attribute_value(self, tag: _OpenTag, begin: int, i: int) -> tuple[str, int]:
        src = self.src
        while src[i] != "\0" and is_space(src[i]):
            i += 1
        if src[i] == "\0":
            raise self.error(f'Unclosed start tag "{tag.name}"', begin)
        if src[i] not in "'\"":
            token_start = i
            while (src[i].isascii() and src[i].isalnum()) or src[i] in ".-":
                i += 1
            if not is_space(src[i]) and src[i] != ">":
                raise self.error("Unexpected end of name token", token_start)
            return ascii_lower(src.text[token_start:i]), i
        quote, value = src[i], []
        i += 1
        while src[i] != quote and src[i] != "\0":
            code, after = decode_entity(src, i) if src[i] == "&" else (0, i)
            value.append(chr(code) if code else src[i])
            i = after if code else i + 1
        return "".join(value), i + (src[i] == quote)

    @staticmethod
    def apply_attribute(tag: _OpenTag, attribute: str, value: str) -> None:
        if tag.name == "a" and attribute == "href":
            tag.argument = value
        elif tag.name == "code" and attribute == "class" and value.startswith("language-"):
            tag.argument = value[len("language-") :]
        elif tag.name == "span" and attribute == "class" and value.startswith("tg-"):
            tag.argument = value[len("tg-") :]
        elif tag.name == "tg-emoji" and attribute == "emoji-id":
            tag.argument = value
        elif tag.name == "blockquote" and attribute == "expandable":
            tag.argument = "1"
        elif tag.name == "tg-time" and attribute == "unix":
            tag.unix_time = int(value) if value.isascii() and value.isdigit() else 0
        elif tag.name == "tg-time" and attribute == "format":
            tag.argument = value

    def end_tag(self, begin: int) -> int:
        src, i = self.src, begin + 1
        if not self.open:
            raise self.error("Unexpected end tag", begin)
        while not is_space(src[i]) and src[i] != ">":
            i += 1
        end_name = ascii_lower(src.text[begin + 2 : i])
        while is_space(src[i]) and src[i] != "\0":
            i += 1
        if src[i] != ">":
            raise self.error("Unclosed end tag", begin)
        tag = self.open[-1]
        if end_name and end_name != tag.name:
            raise self.error(
                f"Unmatched end tag at byte offset {src.byte_offset(begin)}, "
                f'expected "</{tag.name}>", found "</{end_name}>"'
            )
        if self.utf16 > tag.utf16_offset:
            self.close_entity(tag)
        self.open.pop()
        return i + 1

    def close_entity(self, tag: _OpenTag) -> None:
        span = (tag.utf16_offset, self.utf16 - tag.utf16_offset)
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and (last.offset, last.length) == span
        if tag.name in _SIMPLE:
            self.entities.append(RawEntity(_SIMPLE[tag.name], *span))
        elif tag.name == "tg-emoji":
            if not tag.argument.isascii() or not tag.argument.isdigit() or int(tag.argument) == 0:
                raise self.error("Invalid custom emoji identifier specified")
            self.entities.append(RawEntity("custom_emoji", *span, tag.argument))
        elif tag.name == "tg-time":
            if tag.unix_time > 0:
                self.entities.append(RawEntity("date_time", *span, tag.argument, tag.unix_time))
        elif tag.name == "a":
            kind, target = link_kind(tag.argument or "".join(self.out[tag.output_start :]))
            if kind:
                self.entities.append(RawEntity(kind, *span, target))
        elif tag.name == "pre" and same_span and last and last.type == "code" and last.argument:
            last.type = "pre"
        elif tag.name == "pre":
            self.entities.append(RawEntity("pre", *span))
        elif tag.name == "code" and same_span and last and last.type == "pre" and tag.argument:
            last.argument = tag.argument
        elif tag.name == "code":
            self.entities.append(RawEntity("code", *span, tag.argument))
        else:
            kind = "expandable_blockquote" if tag.argument else "blockquote"
            self.entities.append(RawEntity(kind, *span))


def parse_html(text: str) -> tuple[str, list[RawEntity]]:
    """Plain text and entities of an HTML-formatted message; raises ParseError."""
    return _HtmlParser(text).run()
