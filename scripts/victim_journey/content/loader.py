"""Read one YAML file safely, keeping the line and column of every value.

Why not `yaml.safe_load`: it silently keeps the last of two duplicate keys, turns `no`
into False and `1.10` into 1.1, and expands alias bombs. Here every scalar stays the
string the editor typed (the model decides its type), duplicate keys are errors, and
anchors and aliases are refused before anything is expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from victim_journey.content.unsafe_characters import unsafe_character_problems
from victim_journey.problems import Problem, Severity, error

Location = tuple[int, int]
KeyPath = tuple[str | int, ...]

# A plain scalar has style None from the Python parser and "" from libyaml.
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass
class LoadedFile:
    """A YAML file's data, with where each value (and each mapping key) starts."""

    path: str
    data: Any
    value_locations: dict[KeyPath, Location] = field(default_factory=dict)
    key_locations: dict[KeyPath, Location] = field(default_factory=dict)
    # For `|` and `>` block text: the line where the text itself starts (the line after
    # the indicator), so a finding in the text can name its own line.
    block_text_lines: dict[KeyPath, int] = field(default_factory=dict)
    # ... and the column its text starts at (its indentation, plus one).
    block_text_columns: dict[KeyPath, int] = field(default_factory=dict)
    # Values written in quotes: their text starts one column after the value does.
    quoted_values: set[KeyPath] = field(default_factory=set)

    def text_line(self, key_path: KeyPath, line_index: int) -> Location:
        """Where line `line_index` (0-based) of a text value stands in the file."""
        if key_path in self.block_text_lines:
            first = self.block_text_lines[key_path]
            return (first + line_index, self.locate(key_path)[1])
        return self.locate(key_path)

    def text_position(self, key_path: KeyPath, line_index: int, column: int) -> Location:
        """Where character `column` (1-based) of line `line_index` of a text value stands
        in the file, so an error points at the place to fix. Exact for block text and
        one-line values; for a quoted value that wraps it falls back to the line start."""
        if key_path in self.block_text_lines:
            return (self.block_text_lines[key_path] + line_index,
                    self.block_text_columns.get(key_path, 1) + column - 1)
        line, start = self.locate(key_path)
        if key_path not in self.value_locations:
            return line, start
        if line_index:
            return line + line_index, 1
        return line, start + (key_path in self.quoted_values) + column - 1

    def locate(self, key_path: KeyPath, *, prefer_key: bool = False) -> Location:
        """The best place to point at for `key_path`: the value, or else its nearest parent."""
        table_order = (
            (self.key_locations, self.value_locations)
            if prefer_key
            else (self.value_locations, self.key_locations)
        )
        path = tuple(key_path)
        while True:
            for table in table_order:
                if path in table:
                    return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def problem_at(self, key_path: KeyPath, message: str, code: str, *,
                   severity: Severity = Severity.ERROR, prefer_key: bool = False) -> Problem:
        """A problem at `key_path` in this file: the one way checks point at a place."""
        line, column = self.locate(key_path, prefer_key=prefer_key)
        return Problem(self.path, line, column, severity, message, code)


# No content file needs more than a few levels; a deeper one is a mistake (or an attack),
# and walking it would overflow Python's recursion limit.
MAX_DEPTH = 20


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str, code: str) -> None:
        self.mark = mark
        self.message = message
        self.code = code


class _RefusingComposer(Composer):
    """A composer that stops at the first anchor or alias, so a 'billion laughs'
    document costs nothing: the expansion never starts. It also stops at nesting deeper
    than any content needs, before the depth can overflow the stack."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.get_event()
            raise _Refused(event.start_mark, f"YAML alias '*{event.anchor}' is not allowed "
                           "in content; write the value out in full", "yaml-alias")
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise _Refused(event.start_mark, f"YAML anchor '&{event.anchor}' is not allowed "
                           "in content; write the value out in full", "yaml-alias")
        if self._depth >= MAX_DEPTH:
            raise _Refused(event.start_mark, f"lists and fields are nested more than "
                           f"{MAX_DEPTH} levels deep here; no content needs that many, so "
                           "check the indentation", "too-deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _PythonLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                    _RefusingComposer, yaml.resolver.BaseResolver):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _RefusingComposer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


_Loader: type = _PythonLoader
if yaml.__with_libyaml__:
    from yaml.cyaml import CParser

    class _LibyamlLoader(CParser, _RefusingComposer, yaml.resolver.BaseResolver):  # type: ignore[misc]
        """libyaml scans and parses (in C, several times faster on large trees); our
        composer still sees every event, so anchors and aliases are refused the same
        way and nothing is ever expanded."""

        get_single_node = _RefusingComposer.get_single_node
        compose_document = _RefusingComposer.compose_document

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _RefusingComposer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)

    _Loader = _LibyamlLoader


def _position(mark: yaml.Mark) -> Location:
    return (mark.line + 1, mark.column + 1)


def decode_text(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [
            error(path, line, column,
                  f"this file is not UTF-8: byte 0x{raw[exc.start]:02x} cannot be read; "
                  "save the file as UTF-8 in your editor",
                  "not-utf8")
        ]


def _indent_after(lines: list[str], line_index: int) -> int:
    """The indentation of the first line with text after `line_index` (0-based)."""
    for line in lines[line_index + 1:]:
        if line.strip():
            return len(line) - len(line.lstrip(" "))
    return 0


def _convert(path: str, node: Node, key_path: KeyPath, loaded: LoadedFile,
             problems: list[Problem], lines: list[str]) -> Any:
    loaded.value_locations[key_path] = _position(node.start_mark)
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            loaded.block_text_lines[key_path] = node.start_mark.line + 2
            loaded.block_text_columns[key_path] = _indent_after(lines,
                                                                node.start_mark.line) + 1
        elif node.style in ("'", '"'):
            loaded.quoted_values.add(key_path)
        if not node.style and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [
            _convert(path, item, (*key_path, index), loaded, problems, lines)
            for index, item in enumerate(node.value)
        ]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, column = _position(key_node.start_mark)
        if not isinstance(key_node, ScalarNode):
            problems.append(error(path, line, column,
                                  "a key must be a plain word, not a list or a mapping",
                                  "bad-key"))
            continue
        key = key_node.value
        if key in result:
            first_line, _ = loaded.key_locations[(*key_path, key)]
            problems.append(error(path, line, column,
                                  f"duplicate key '{key}' (first given on line {first_line}); "
                                  "keep one of them",
                                  "duplicate-key"))
            continue
        loaded.key_locations[(*key_path, key)] = (line, column)
        result[key] = _convert(path, value_node, (*key_path, key), loaded, problems, lines)
    return result


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError) -> Problem:
    problem_mark = exc.problem_mark
    context_mark = exc.context_mark
    what = exc.problem or "this is not valid YAML"
    # For an unclosed quote or bracket PyYAML's problem_mark is the end of the file; the
    # line the editor needs is where the quote or bracket opened (the context mark).
    if context_mark is not None and (
        problem_mark is None or problem_mark.line > context_mark.line
    ):
        line, column = _position(context_mark)
        context = exc.context or "here"
        detail = f"{context} on this line, then {what}"
        if problem_mark is not None:
            detail += f" at line {problem_mark.line + 1}"
        return error(path, line, column, f"YAML syntax error: {detail}", "yaml-syntax")
    mark = problem_mark or context_mark
    line, column = _position(mark) if mark else (1, 1)
    return error(path, line, column, f"YAML syntax error: {what}", "yaml-syntax")


def load_yaml(path: Path, display_path: str) -> tuple[LoadedFile | None, list[Problem]]:
    """Load one YAML file. Returns the data (or None) and every problem found in it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(display_path, 1, 1, f"cannot read this file: {exc.strerror}",
                            "unreadable")]
    loaded, problems = _load_bytes(raw, display_path, _Loader)
    return loaded, list(problems)


# `mkdocs serve` reads every file again after each save, and most are unchanged: the
# same bytes give the same result, so each is parsed once. Nothing changes a LoadedFile
# once it is loaded. The loader class is part of the key so that the libyaml and the
# pure-Python loaders can be compared (tests/test_loader.py).
@lru_cache(maxsize=1 << 14)
def _load_bytes(raw: bytes, display_path: str, loader: type
                ) -> tuple[LoadedFile | None, tuple[Problem, ...]]:
    text, problems = decode_text(display_path, raw)
    if text is None:
        return None, tuple(problems)
    loaded, problems = load_yaml_text(text, display_path, loader_class=loader)
    return loaded, tuple(problems)


def load_yaml_text(text: str, display_path: str, *, loader_class: type | None = None
                   ) -> tuple[LoadedFile | None, list[Problem]]:
    """Load YAML already read as text (such as a page's front matter), as load_yaml does."""
    problems: list[Problem] = []
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        return None, [error(display_path, line, 1, "this file contains a NUL character",
                            "not-text")]
    problems += unsafe_character_problems(display_path, text)
    loader = (loader_class or _Loader)(text)
    try:
        root = loader.get_single_node()
    except _Refused as exc:
        line, column = _position(exc.mark)
        return None, [*problems, error(display_path, line, column, exc.message, exc.code)]
    except yaml.MarkedYAMLError as exc:
        if "expected a single document" in str(exc):
            line, column = _position(exc.problem_mark) if exc.problem_mark else (1, 1)
            return None, [error(display_path, line, column,
                                 "this file has more than one YAML document ('---'); "
                                 "keep one item per file", "yaml-syntax")]
        return None, [_syntax_problem(display_path, exc)]
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (a control character): where it is, not where
        # the reader happened to stop.
        offset = exc.position if isinstance(exc.position, int) else 0
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [*problems, error(
            display_path, line, column, f"this file holds a control character "
            f"(U+{ord(character):04X}) that YAML does not allow; delete it", "not-text")]
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        return None, [*problems, error(display_path, 1, 1, f"YAML error: {detail}",
                                       "yaml-syntax")]
    finally:
        loader.dispose()
    if root is None or (isinstance(root, ScalarNode) and not root.style
                        and root.value in _NULLS):
        return None, [error(display_path, 1, 1, "this file is empty; it needs the fields of "
                            "its kind (see the template from 'victim-journey new')",
                            "empty-file")]
    if not isinstance(root, MappingNode):
        line, column = _position(root.start_mark)
        return None, [error(display_path, line, column,
                            "this file must be a set of 'key: value' fields, not a single "
                            "value or a list", "not-a-mapping")]
    loaded = LoadedFile(display_path, None)
    loaded.data = _convert(display_path, root, (), loaded, problems, text.split("\n"))
    return loaded, problems
