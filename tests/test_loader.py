"""The YAML loader keeps what the editor typed, and where they typed it."""

from __future__ import annotations

from pathlib import Path

from victim_journey.content.loader import load_yaml


def load(tmp_path: Path, text: str | bytes):
    path = tmp_path / "file.yml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return load_yaml(path, "file.yml")


def test_scalars_stay_as_typed(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "answer: no\nversion: 1.10\nempty:\nquoted: 'null'\n")
    assert problems == []
    assert loaded.data == {"answer": "no", "version": "1.10", "empty": None, "quoted": "null"}


def test_positions_of_keys_and_values(tmp_path: Path) -> None:
    loaded, _ = load(tmp_path, "top:\n  inner:\n    - first\n    - second\n")
    assert loaded.locate(("top", "inner", 1)) == (4, 7)
    assert loaded.locate(("top", "inner"), prefer_key=True) == (2, 3)
    # An unknown path falls back to its nearest known parent.
    assert loaded.locate(("top", "missing")) == loaded.locate(("top",))


def test_block_text_lines_point_inside_the_block(tmp_path: Path) -> None:
    loaded, _ = load(tmp_path, "title: x\nbody: |\n  one\n  two\n  three\n")
    assert loaded.text_line(("body",), 0)[0] == 3
    assert loaded.text_line(("body",), 2)[0] == 5
    assert loaded.text_line(("title",), 0)[0] == 1


def test_duplicate_keys_are_errors_not_silently_merged(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [p.format_text() for p in problems] == [
        "file.yml:3:1: error: duplicate key 'a' (first given on line 1); keep one of them "
        "[duplicate-key]"]
    assert loaded.data["a"] == "1"


def test_unclosed_quote_points_where_it_opened(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: 1\nb: \"open\nc: 2\nd: 3\ne: 4\n")
    assert [(p.line, p.code) for p in problems] == [(2, "yaml-syntax")]


def test_unclosed_bracket_points_where_it_opened(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: [one, two\nb: 2\nc: 3\n")
    assert [(p.line, p.code) for p in problems] == [(1, "yaml-syntax")]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "\ufefftitle: x\n".encode())
    assert problems == [] and loaded.data == {"title": "x"}


def test_bad_byte_is_located(tmp_path: Path) -> None:
    _, problems = load(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 7, "not-utf8")]


def test_anchor_and_alias_are_refused(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: &x 1\nb: 2\n")
    assert [(p.line, p.code) for p in problems] == [(1, "yaml-alias")]


def test_comment_only_file_is_empty(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "# nothing here\n\n")
    assert [p.code for p in problems] == ["empty-file"]


def test_two_documents_are_refused(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "a: 1\n---\nb: 2\n")
    assert [p.code for p in problems] == ["yaml-syntax"]


def test_libyaml_and_python_parsers_agree(monkeypatch) -> None:
    """libyaml is used for speed where PyYAML has it; both must read every file the same
    way: same data, same positions, same problems."""
    import victim_journey.content.loader as loader

    root = Path(__file__).resolve().parent.parent
    files = sorted((root / "journey").rglob("*.yml"))
    files += sorted((root / "tests" / "golden").rglob("*.yml"))
    assert loader._Loader is not loader._PythonLoader, "libyaml is not in use"

    def read_all():
        results = []
        for path in files:
            loaded, problems = loader.load_yaml(path, path.name)
            results.append((loaded and (loaded.data, loaded.value_locations,
                                        loaded.key_locations, loaded.block_text_lines),
                            [(p.line, p.column, p.code) for p in problems]))
        return results

    fast = read_all()
    monkeypatch.setattr(loader, "_Loader", loader._PythonLoader)
    assert read_all() == fast


def test_an_unchanged_file_is_parsed_once_and_a_changed_one_again(tmp_path: Path) -> None:
    """`mkdocs serve` loads every file after each save: the same bytes are parsed once."""
    import victim_journey.content.loader as loader

    path = tmp_path / "stage.yml"
    path.write_text("title: The trial\ntitle: Again\n", encoding="utf-8")
    first, problems = loader.load_yaml(path, "stage.yml")
    again, problems_again = loader.load_yaml(path, "stage.yml")
    assert again is first and problems_again == problems
    assert problems_again is not problems  # each caller gets a list of its own
    assert [p.code for p in problems] == ["duplicate-key"]
    path.write_text("title: The trial\n", encoding="utf-8")
    changed, problems = loader.load_yaml(path, "stage.yml")
    assert changed is not first and changed is not None
    assert changed.data == {"title": "The trial"} and problems == []
