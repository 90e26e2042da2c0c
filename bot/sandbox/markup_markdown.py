"""Telegram's MarkdownV2 and legacy Markdown parse modes, with Telegram's error wording."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.sandbox.markup_core import ParseError, RawEntity, SourceText, is_space, link_kind
from bot.sandbox.markup_core import utf16_width as width

_RESERVED = "_*[]()~`>#+-=|{}.!\n"
# Telegram names entity kinds this way in "Can't find end of ... entity" errors.
_ERROR_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "code": "Code",
    "pre": "Pre",
    "pre_code": "PreCode",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
    "blockquote": "BlockQuote",
}
_CLOSERS = {"bold": "*", "italic": "_", "code": "`", "text_link": "]", "strikethrough": "~"}
_EMOJI_URL = re.compile(r"tg://emoji\?id=([0-9]+)$")
_TIME_URL = re.compile(r"tg://time\?unix=([0-9]+)(?:&format=([a-zA-Z]*))?$")


def _reserved_error(char: str) -> ParseError:
    return ParseError(f"Character '{char}' is reserved and must be escaped with the preceding '\\'")


@dataclass
class _Open:
    type: str
    argument: str
    utf16_offset: int
    byte_index: int
    output_start: int


class _MarkdownV2Parser:
    def __init__(self, text: str):
        self.src = SourceText(text)
        self.out: list[str] = []
        self.utf16 = 0
        self.open: list[_Open] = []
        self.entities: list[RawEntity] = []
        self.have_blockquote = False
        self.can_start_blockquote = True

    def run(self) -> tuple[str, list[RawEntity]]:
        src, i = self.src, 0
        while i < len(src):
            char = src[i]
            if char == "\\" and 0 < ord(src[i + 1]) <= 126:
                self.emit(src[i + 1])
                if src[i + 1] != "\r":
                    self.can_start_blockquote = src[i + 1] == "\n"
                i += 2
                continue
            in_code = bool(self.open) and self.open[-1].type in ("code", "pre")
            if char not in ("`" if in_code else _RESERVED):
                self.emit(char)
                if char != "\r":
                    self.can_start_blockquote = False
                i += 1
                continue
            i = (self.close(i) if self.is_end(i) else self.begin(i)) + 1
        self.finish_blockquote()
        if self.open:
            raise self.unterminated(self.open[-1])
        return "".join(self.out), self.entities

    def emit(self, char: str) -> None:
        self.out.append(char)
        self.utf16 += width(char)

    def unterminated(self, entity: _Open) -> ParseError:
        kind = "pre_code" if entity.type == "pre" and entity.argument else entity.type
        offset = self.src.byte_offset(entity.byte_index)
        return ParseError(f"Can't find end of {_ERROR_NAMES[kind]} entity at byte offset {offset}")

    def is_end(self, i: int) -> bool:
        if not self.open:
            return False
        src, kind = self.src, self.open[-1].type
        if self.have_blockquote and src[i] == "\n" and (i + 1 == len(src) or src[i + 1] != ">"):
            return True
        if kind == "italic":
            return src[i] == "_" and src[i + 1] != "_"
        if kind in _CLOSERS or kind == "custom_emoji":
            return src[i] == _CLOSERS.get(kind, "]")
        if kind == "pre":
            return src.text[i : i + 3] == "```"
        if kind in ("underline", "spoiler"):
            return src.text[i : i + 2] == ("__" if kind == "underline" else "||")
        return False

    def begin(self, i: int) -> int:
        src, char, start = self.src, self.src[i], i
        argument = ""
        if char == "\n":
            self.emit("\n")
            self.can_start_blockquote = True
            return i
        if char == ">" and self.can_start_blockquote:
            if self.have_blockquote:
                return i
            kind, self.have_blockquote = "blockquote", True
        elif char == "_":
            kind = "underline" if src[i + 1] == "_" else "italic"
            i += kind == "underline"
        elif char in "*~":
            kind = "bold" if char == "*" else "strikethrough"
        elif char == "|" and src[i + 1] == "|":
            kind, i = "spoiler", i + 1
        elif char == "[":
            kind = "text_link"
        elif char == "!" and src[i + 1] == "[":
            kind, i = "custom_emoji", i + 1
        elif char == "`" and src.text[i : i + 3] == "```":
            kind = "pre"
            argument, i = _pre_header(src, i + 3)
        elif char == "`":
            kind = "code"
        else:
            raise _reserved_error(char)
        self.open.append(_Open(kind, argument, self.utf16, start, len(self.out)))
        return i

    def close(self, i: int) -> int:
        src, top = self.src, self.open[-1]
        kind = top.type
        if src[i] == "\n" and kind != "blockquote":
            i, kind = self.close_expandable(i, top)
            top = self.open[-1]
        skip = self.utf16 == top.utf16_offset
        argument, unix_time = top.argument, 0
        if kind in ("underline", "spoiler"):
            i += 1
        elif kind == "pre":
            i += 2
        elif kind == "text_link":
            url, i = self.link_target(i, top)
            kind, argument = link_kind(url)
            skip = skip or not kind
        elif kind == "custom_emoji":
            kind, argument, unix_time, i = self.emoji_target(i)
        elif kind in ("blockquote", "expandable_blockquote"):
            self.have_blockquote = False
            self.emit(src[i])
            self.can_start_blockquote, skip = True, False
        if not skip:
            length = self.utf16 - top.utf16_offset
            self.entities.append(RawEntity(kind, top.utf16_offset, length, argument, unix_time))
        self.open.pop()
        return i

    def close_expandable(self, i: int, top: _Open) -> tuple[int, str]:
        """A newline ends a blockquote; `**>text||` right before it makes it expandable."""
        after_cr = top.byte_index == i - 3 and self.out[-1:] == ["\r"]
        if top.type != "spoiler" or not (top.byte_index == i - 2 or after_cr):
            raise self.unterminated(top)
        self.open.pop()
        if self.open[-1].type != "blockquote":
            raise self.unterminated(self.open[-1])
        return i, "expandable_blockquote"

    def link_target(self, i: int, top: _Open) -> tuple[str, int]:
        if self.src[i + 1] != "(":
            return "".join(self.out[top.output_start :]), i
        return self.read_url(i + 2)

    def read_url(self, i: int) -> tuple[str, int]:
        src, url, url_start = self.src, [], i
        while i < len(src) and src[i] != ")":
            if src[i] == "\\" and 0 < ord(src[i + 1]) <= 126:
                url.append(src[i + 1])
                i += 2
                continue
            url.append(src[i])
            i += 1
        if src[i] != ")":
            offset = src.byte_offset(url_start)
            raise ParseError(f"Can't find end of a URL at byte offset {offset}")
        return "".join(url), i

    def emoji_target(self, i: int) -> tuple[str, str, int, int]:
        if self.src[i + 1] != "(":
            raise ParseError("The entity must contain a tg://emoji or tg://time URL")
        url, i = self.read_url(i + 2)
        if match := _EMOJI_URL.match(url):
            return "custom_emoji", match.group(1), 0, i
        if match := _TIME_URL.match(url):
            return "date_time", match.group(2) or "", int(match.group(1)), i
        raise ParseError("Invalid tg://emoji or tg://time URL specified")

    def finish_blockquote(self) -> None:
        if not self.have_blockquote:
            return
        kind = "blockquote"
        top = self.open[-1]
        if top.type == "spoiler" and top.byte_index == len(self.src) - 2:
            self.open.pop()
            kind = "expandable_blockquote"
        top = self.open[-1]
        if top.type == "blockquote":
            self.have_blockquote = False
            if self.utf16 != top.utf16_offset:
                length = self.utf16 - top.utf16_offset
                self.entities.append(RawEntity(kind, top.utf16_offset, length))
            self.open.pop()


def _pre_header(src: SourceText, i: int) -> tuple[str, int]:
    """The language after ``` and the index of the last character of the opening fence."""
    language_end = i
    while not is_space(src[language_end]) and src[language_end] != "`":
        language_end += 1
    language = ""
    if i != language_end and language_end < len(src) and src[language_end] != "`":
        language, i = src.text[i:language_end], language_end
    if src[i] in "\r\n":
        i += 2 if src[i + 1] in "\r\n" and src[i] != src[i + 1] else 1
    return language, i - 1


def parse_markdown_v2(text: str) -> tuple[str, list[RawEntity]]:
    """Plain text and entities of a MarkdownV2 message; raises ParseError."""
    return _MarkdownV2Parser(text).run()


def parse_markdown(text: str) -> tuple[str, list[RawEntity]]:
    """Plain text and entities of a legacy Markdown message; raises ParseError."""
    src, out, entities = SourceText(text), [], []
    utf16 = i = 0
    while i < len(src):
        char = src[i]
        if char == "\\" and src[i + 1] in "_*`[":
            out.append(src[i + 1])
            utf16, i = utf16 + 1, i + 2
            continue
        if char not in "_*`[":
            out.append(char)
            utf16, i = utf16 + width(char), i + 1
            continue
        begin, closer, is_pre = i, "]" if char == "[" else char, src.text[i : i + 3] == "```"
        language, i = _pre_header(src, i + 3) if is_pre else ("", i)
        i, start = i + 1, utf16
        while i < len(src) and (src[i] != closer or (is_pre and src.text[i + 1 : i + 3] != "``")):
            out.append(src[i])
            utf16, i = utf16 + width(src[i]), i + 1
        if i == len(src):
            offset = src.byte_offset(begin)
            raise ParseError(f"Can't find end of the entity starting at byte offset {offset}")
        if utf16 != start:
            entity = RawEntity("pre" if is_pre else "", start, utf16 - start, language)
            i = _legacy_entity(src, char, begin, i, entity)
            entities += [entity] if entity.type else []
        i += 3 if is_pre else 1
    return "".join(out), entities


def _legacy_entity(src: SourceText, char: str, begin: int, i: int, entity: RawEntity) -> int:
    """Fill in a legacy entity closed at `i`; returns the index of its last character."""
    if entity.type == "pre":
        return i
    if char != "[":
        entity.type = {"_": "italic", "*": "bold", "`": "code"}[char]
        return i
    url = src.text[begin + 1 : i]
    if src[i + 1] == "(":
        end = src.text.find(")", i + 2)
        end = len(src) if end < 0 else end
        url, i = src.text[i + 2 : end], end
    entity.type, entity.argument = link_kind(url)
    return i
