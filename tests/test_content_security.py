"""Nothing an editor (or a hostile pull request) types can put script in a page, load from
another host, read outside the project, or give a traceback instead of a one-line error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from victim_journey.check import check_content
from victim_journey.loader import MAX_DEPTH, load_yaml
from victim_journey.markup import PAGE_RULES, check_markup
from victim_journey.problems import Severity

TODAY = "2026-12-01"


def errors_in(project: Path) -> list[str]:
    import datetime as dt

    problems = check_content(project / "journey", root=project, docs_dir=project / "docs",
                             today=dt.date.fromisoformat(TODAY)).problems
    return [p.format_text() for p in problems if p.severity is Severity.ERROR]


def codes(text: str, **kwargs: object) -> list[tuple[int, int, str]]:
    return [(f.line_index, f.column, f.code) for f in check_markup(text, **kwargs)]


# --- Markdown links that used to get past the checks -----------------------------------

@pytest.mark.parametrize("text", [
    "See [the guide][g].\n\n[g]: javascript:alert(1)",
    "See [the guide][].\n\n[the guide]: https://www.gov.uk",  # even a safe one: refused
    "   [g]: data:text/html,x",
    "See [the\nguide](javascript:alert(1)).",
    "See [the [nested] guide](javascript:alert(1)).",
    "See [[the guide]](javascript:alert(1)).",
    "See [the guide](\njavascript:alert(1)).",
    "See [the guide](<javascript:alert(1)>).",
    "See [the guide]( javascript:alert(1) \"title\").",
    "See [the guide](JaVaScRiPt:alert(1)).",
    "See [the guide](data:text/html;base64,PHNjcmlwdD4=).",
    "See [the guide](//tracker.example/x).",
    "See [the guide](http://www.gov.uk).",
    "See [the guide](vbscript:x).",
])
def test_unsafe_link_targets_are_refused(text: str) -> None:
    assert "bad-link" in {code for _, _, code in codes(text)}


@pytest.mark.parametrize("text", [
    "See [the guide](javascript&#58;alert(1)).",
    "See [the guide](javascript&#x3A;alert(1)).",
    "See [the guide](javascript&#58alert(1)).",  # no ';' still decodes in HTML
    "See [the guide](javascript&colon;alert(1)).",
])
def test_entity_encoded_schemes_are_refused(text: str) -> None:
    assert {"raw-html", "bad-link"} <= {code for _, _, code in codes(text)}


@pytest.mark.parametrize("text", [
    "![a pixel](https://tracker.example/p.png)",
    "Look ![a\npixel](https://tracker.example/p.png)",
    "![a pixel][p]\n\n[p]: https://tracker.example/p.png",
])
def test_images_are_refused_in_content(text: str) -> None:
    assert "image" in {code for _, _, code in codes(text)}


def test_hand_written_pages_may_show_images_from_the_site_only() -> None:
    assert codes("![A map](images/map.png)", rules=PAGE_RULES) == []
    assert [c for _, _, c in codes("![x](https://tracker.example/p.png)",
                                   rules=PAGE_RULES)] == ["image"]
    assert [c for _, _, c in codes("![x](data:image/png;base64,AAAA)",
                                   rules=PAGE_RULES)] == ["image"]


@pytest.mark.parametrize("text", [
    "Read [the guide](https://www.gov.uk/victims-code).",
    "Call [116 123](tel:116123) or [email us](mailto:help@example.org).",
    "See [the trial](stages/the-trial.md#what-happens) and [above](#top).",
    "A [first](https://a.example) and a [second](stages/the-trial.md) link.",
    "Fish & chips, R&D, AT&T and 5 < 6.",
    "A list:\n\n- [one](https://www.gov.uk)\n- two",
])
def test_ordinary_text_passes(text: str) -> None:
    assert codes(text) == []


def test_columns_point_at_the_target_not_the_start_of_the_line() -> None:
    text = "Line one.\nThen [words](javascript:x) and [more](https://www.gov.uk)."
    assert codes(text) == [(1, 14, "bad-link")]


def test_many_open_brackets_are_checked_in_linear_time() -> None:
    started = time.process_time()
    check_markup("[" * 20_000)
    check_markup("[" * 20_000 + "](")
    check_markup("![" * 10_000)
    assert time.process_time() - started < 2.0


# --- the same checks in files: YAML content, Welsh, interface text -----------------------

def test_error_column_points_inside_block_text(content_copy: Path) -> None:
    path = content_copy / "journey/stages/the-trial.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("what_happens: |\n") + len("what_happens: |\n")
    indent = len(text[start:]) - len(text[start:].lstrip(" "))
    line = text.count("\n", 0, start) + 1
    path.write_text(text[:start] + " " * indent + "Go [here](javascript:x).\n" + text[start:],
                    encoding="utf-8")
    found = [e for e in errors_in(content_copy) if "[bad-link]" in e]
    assert found == [f"journey/stages/the-trial.yml:{line}:{indent + 11}: error: in "
                     "'what_happens': link to 'javascript:x' is not allowed; links must "
                     "start with https://, mailto: or tel:, or name a page of this site "
                     "from the top, such as 'stages/the-trial.md' [bad-link]"]


@pytest.mark.parametrize(("language", "value", "code"), [
    ("en", "'Exit [now](javascript:alert(1))'", "bad-link"),
    ("cy", "'Gadael ![x](https://tracker.example/p.png)'", "image"),
    ("en", "'Exit <b onclick=\"x\">now</b>'", "raw-html"),
])
def test_interface_text_gets_the_markup_checks(content_copy: Path, language: str,
                                               value: str, code: str) -> None:
    path = content_copy / "journey/interface-text.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("month-1:"))
    english, welsh = ("January", "Ionawr")
    lines[index] = (f"  month-1: {{en: {value if language == 'en' else english}, "
                    f"cy: {value if language == 'cy' else welsh}}}")
    path.write_text("\n".join(lines), encoding="utf-8")
    found = [e for e in errors_in(content_copy) if f"[{code}]" in e]
    assert found and all(e.startswith(f"journey/interface-text.yml:{index + 1}:")
                         for e in found), found


# --- hidden characters --------------------------------------------------------------------

@pytest.mark.parametrize("character", ["\u202e", "\u200b", "\u2066", "\ufeff", "\u200f"])
def test_bidi_and_zero_width_characters_are_refused(content_copy: Path,
                                                    character: str) -> None:
    path = content_copy / "journey/services/victim-support.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("number: ") + len("number: ")
    path.write_text(text[:start] + character + text[start:], encoding="utf-8")
    line = text.count("\n", 0, start) + 1
    column = start - text.rfind("\n", 0, start)
    found = [e for e in errors_in(content_copy) if "[hidden-character]" in e]
    assert found and found[0].startswith(
        f"journey/services/victim-support.yml:{line}:{column}: error: hidden character "
        f"U+{ord(character):04X}")


def test_hidden_character_in_a_web_address(content_copy: Path) -> None:
    path = content_copy / "journey/services/victim-support.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("https://") + len("https://www")
    path.write_text(text[:start] + "\u200b" + text[start:], encoding="utf-8")
    assert any("[hidden-character]" in e for e in errors_in(content_copy))


# --- deep nesting -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "a:\n" + "".join("  " * (level + 1) + f"k{level}:\n" for level in range(400)),
    "a: " + "[" * 400 + "]" * 400 + "\n",
    "a: " + "{b: " * 400 + "c" + "}" * 400 + "\n",
])
def test_deep_nesting_is_one_error_not_a_recursion_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_yaml(path, "deep.yml")
    assert loaded is None
    assert [p.code for p in problems] == ["too-deep"]
    assert f"more than {MAX_DEPTH} levels" in problems[0].message
