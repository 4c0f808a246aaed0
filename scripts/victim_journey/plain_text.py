"""The words a reader sees in a text field, without its Markdown, split into sentences.

Each sentence keeps the line of the field it starts on, so that a finding about it can
point an editor at `file:line` rather than at the top of a long block of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markup import AUTOLINK, HEADING

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE_MARKER = re.compile(r"^\s*>\s?")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])|`")
# A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) when the
# next word starts with a capital, a digit or an opening quote. Lower case after a full
# stop ('e.g. this') is not a new sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+(?=[\"'\u2018\u201c(]?[A-Z0-9])")
_TERMINAL = (".", "!", "?")


@dataclass(frozen=True)
class Sentence:
    text: str
    line_index: int  # 0-based line of the field where the sentence starts


def strip_markdown_line(line: str) -> str:
    """One line of Markdown as plain words: link text kept, syntax and tags removed."""
    line = HEADING.sub("", _QUOTE_MARKER.sub("", line))
    line = _LIST_MARKER.sub("", line)
    line = _LINK.sub(r"\1", AUTOLINK.sub("", line))
    line = _HTML_TAG.sub(" ", line)
    return " ".join(_EMPHASIS.sub("", line).split())


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Paragraphs and list items, each as (line index, plain words) for its lines."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, raw in enumerate(text.split("\n")):
        starts_item = bool(_LIST_MARKER.match(raw) or HEADING.match(raw))
        plain = strip_markdown_line(raw)
        if not plain or starts_item:
            if current:
                blocks.append(current)
            current = []
        if plain:
            current.append((index, plain))
            if HEADING.match(raw):  # a heading is a block of its own
                blocks.append(current)
                current = []
    if current:
        blocks.append(current)
    return blocks


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a Markdown text. A list item is its own sentence, as a reader
    takes it, even when it ends with ';' or nothing at all."""
    found: list[Sentence] = []
    for block in _blocks(text):
        joined = ""
        starts: list[tuple[int, int]] = []  # (offset in joined, line index)
        for line_index, plain in block:
            if joined:
                joined += " "
            starts.append((len(joined), line_index))
            joined += plain
        begin = 0
        ends = [m.end() for m in _SENTENCE_END.finditer(joined)] + [len(joined)]
        for end in ends:
            piece = joined[begin:end].strip()
            if piece:
                line_index = max(line for offset, line in starts if offset <= begin)
                found.append(Sentence(piece, line_index))
            begin = end
    return found


def readable_text(items: list[Sentence]) -> str:
    """The sentences as one text for a readability formula. Each gets a full stop if it
    has none, so a list of short items is not scored as one long sentence."""
    return " ".join(s.text if s.text.endswith(_TERMINAL) else s.text.rstrip(";:,") + "."
                    for s in items)


def quote(text: str, limit: int = 160) -> str:
    """`text` in double quotes for a message, cut at a word boundary if it is long."""
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return f'"{text}"'
