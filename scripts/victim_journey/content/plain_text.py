"""The words a reader sees in a text field, without its Markdown, split into sentences.

Each sentence keeps the line of the field it starts on, so that a finding about it can
point an editor at `file:line` rather than at the top of a long block of text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from victim_journey.content.markup import AUTOLINK, HEADING

_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^)]*\)")
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
    # Every line of every field and generated page comes here, and most hold no links,
    # tags or emphasis: a pattern is only run where the character it needs is in the
    # line as it is at that step (what it would change is there only then).
    if ">" in line:
        line = _QUOTE_MARKER.sub("", line)
    if "#" in line:
        line = HEADING.sub("", line)
    line = _LIST_MARKER.sub("", line)
    if "<" in line:
        line = AUTOLINK.sub("", line)
    if "](" in line:
        line = _LINK.sub(r"\1", line)
    if "<" in line:
        line = _HTML_TAG.sub(" ", line)
    if "*" in line or "_" in line or "`" in line:
        line = _EMPHASIS.sub("", line)
    return " ".join(line.split())


@lru_cache(maxsize=1 << 16)
def _read_line(raw: str) -> tuple[str, bool, bool]:
    """A line's plain words, whether it starts a list item or a heading, and whether it
    is a heading. Cached: a generated page repeats its file's text, and the printable
    guide every stage's, so the same lines come here again and again in one run."""
    heading = bool(HEADING.match(raw))
    return strip_markdown_line(raw), heading or bool(_LIST_MARKER.match(raw)), heading


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Paragraphs and list items, each as (line index, plain words) for its lines."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, raw in enumerate(text.split("\n")):
        plain, starts_item, heading = _read_line(raw)
        if not plain or starts_item:
            if current:
                blocks.append(current)
            current = []
        if plain:
            current.append((index, plain))
            if heading:  # a heading is a block of its own
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
        for piece, line in _block_sentences(tuple(plain for _, plain in block)):
            found.append(Sentence(piece, block[line][0]))
    return found


@lru_cache(maxsize=1 << 14)
def _block_sentences(lines: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """The sentences of one block (its lines' plain words), each with the block line it
    starts on. Cached like _read_line: the same paragraphs come back on several pages."""
    joined = " ".join(lines)
    # Where each line starts in `joined`.
    offsets: list[int] = []
    offset = 0
    for plain in lines:
        offsets.append(offset)
        offset += len(plain) + 1
    found: list[tuple[str, int]] = []
    begin = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(joined)] + [len(joined)]
    for end in ends:
        piece = joined[begin:end].strip()
        if piece:
            # The line the sentence starts on: the last one starting at or before it.
            found.append((piece, bisect_right(offsets, begin) - 1))
        begin = end
    return tuple(found)


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
