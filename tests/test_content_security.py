"""Nothing an editor (or a hostile pull request) types can put script in a page, load from
another host, read outside the project, or give a traceback instead of a one-line error."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from days import CONTENT_DAY
from victim_journey.content.loader import MAX_DEPTH, load_yaml
from victim_journey.content.markup import PAGE_RULES, check_markup
from victim_journey.pipeline import check_content
from victim_journey.problems import Severity

TODAY = CONTENT_DAY.isoformat()  # the live content: see tests/days.py


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


# --- content only from inside the project, with names every computer can check out ---------

def test_symbolic_link_to_a_file_outside_the_project_is_refused(
        content_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yml"
    outside.write_text((content_copy / "journey/services/refuge.yml").read_text("utf-8"),
                       encoding="utf-8")
    (content_copy / "journey/services/refuge.yml").unlink()
    (content_copy / "journey/services/refuge.yml").symlink_to(outside)
    found = [e for e in errors_in(content_copy) if "[outside-project]" in e]
    assert found == ["journey/services/refuge.yml:1:1: error: this is a symbolic link to a "
                     "file outside the project; content must be a file in the project "
                     "itself, so copy the text in [outside-project]"]


def test_symbolic_link_outside_in_a_translation_is_refused(content_copy: Path,
                                                          tmp_path: Path) -> None:
    welsh = content_copy / "journey/cy/services/refuge.yml"
    outside = tmp_path / "copy.yml"
    outside.write_text(welsh.read_text("utf-8"), encoding="utf-8")
    welsh.unlink()
    welsh.symlink_to(outside)
    assert any(e.startswith("journey/cy/services/refuge.yml:1:1: error: this is a symbolic "
                            "link") for e in errors_in(content_copy))


def test_symbolic_link_inside_the_project_is_allowed(content_copy: Path) -> None:
    stage = content_copy / "journey/stages/the-trial.yml"
    kept = content_copy / "kept-trial.yml"
    stage.rename(kept)
    stage.symlink_to(kept)
    assert not [e for e in errors_in(content_copy) if "outside-project" in e]


@pytest.mark.parametrize(("name", "words"), [
    ("the-trial.YML", "rename this file to end in '.yml'"),
    ("the-trial.yml.bak", "is not read as content"),
    ("the-trial.yml.txt", "is not read as content"),
    ("con.yml", "Windows keeps for itself"),
    ("aux.yml", "Windows keeps for itself"),
    ("LPT1.yml", "Windows keeps for itself"),
    ("notes.txt", "does not belong in this folder"),
])
def test_every_file_in_a_content_folder_has_the_right_name(
        content_copy: Path, name: str, words: str) -> None:
    source = content_copy / "journey/services/refuge.yml"
    (content_copy / "journey/services" / name).write_bytes(source.read_bytes())
    found = [e for e in errors_in(content_copy) if "[bad-file-name]" in e]
    assert len(found) == 1 and found[0].startswith(f"journey/services/{name}:1:1: error:")
    assert words in found[0]


def test_stray_copies_beside_the_content_files_are_errors(content_copy: Path) -> None:
    (content_copy / "journey/site.yml.bak").write_text("x: 1\n", encoding="utf-8")
    (content_copy / "journey/cy/stages/the-trial.yml.bak").write_text("x\n", encoding="utf-8")
    found = {e.split(":")[0] for e in errors_in(content_copy) if "[bad-file-name]" in e}
    assert found == {"journey/site.yml.bak", "journey/cy/stages/the-trial.yml.bak"}


def test_a_stage_renamed_away_is_one_line_errors_not_a_traceback(content_copy: Path) -> None:
    stage = content_copy / "journey/stages/the-trial.yml"
    stage.rename(stage.with_name("the-trial.yml.bak"))
    found = errors_in(content_copy)
    assert any("the-trial.yml.bak:1:1: error:" in e for e in found)
    assert any("unknown stage 'the-trial'" in e for e in found)


def test_a_stage_deleted_is_one_line_errors_not_a_traceback(content_copy: Path) -> None:
    (content_copy / "journey/stages/the-trial.yml").unlink()
    found = errors_in(content_copy)
    assert found and all("[unknown-reference]" in e or "[" in e for e in found)
    assert any("unknown stage 'the-trial'" in e for e in found)


# --- interface-text placeholders -----------------------------------------------------------

def _set_interface_text(project: Path, key: str, english: str) -> int:
    path = project / "journey/interface-text.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
    assert lines[index + 1].strip().startswith("en:"), "expected a block entry"
    lines[index + 1] = lines[index + 1].split("en:")[0] + f"en: '{english}'"
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 2


@pytest.mark.parametrize("placeholder", ["{number.__class__.__mro__}", "{number[0]}",
                                         "{number!r}", "{number:>99999}", "{0}", "{}"])
def test_placeholders_cannot_reach_python(placeholder: str) -> None:
    from victim_journey.content.interface_text import fill, placeholder_problem

    text, unknown = fill(f"Step {placeholder}", {"number": 2})
    assert text == f"Step {placeholder}" and unknown == {placeholder[1:-1]}
    assert placeholder_problem(placeholder[1:-1]) is not None


def test_placeholder_typo_is_a_one_line_error(content_copy: Path) -> None:
    from victim_journey.content.interface_text import fill

    assert fill("{a} of {b}", {"a": 1, "b": 2}) == ("1 of 2", set())
    line = _set_interface_text(content_copy, "step-of", "Step {nmber} of {count}")
    found = [e for e in errors_in(content_copy) if "placeholder" in e]
    assert f"journey/interface-text.yml:{line}:9: error: 'step-of' asks for {{nmber}}, which " \
           "the site does not fill in there; check the spelling against the English " \
           "[bad-placeholder]" in found
    # and the Welsh, which still says {number}, no longer matches the English
    assert any(e.startswith(f"journey/interface-text.yml:{line + 1}:") for e in found)


def test_attribute_placeholder_is_refused_in_the_file(content_copy: Path) -> None:
    path = content_copy / "journey/interface-text.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("month-1: {en: January,",
                                 "month-1: {en: 'Jan {number.__class__.__mro__}',"),
                    encoding="utf-8")
    found = [e for e in errors_in(content_copy) if "[bad-placeholder]" in e]
    assert any("'{number.__class__.__mro__}' is not a value the site can fill in" in e
               for e in found), found


# --- phone numbers ---------------------------------------------------------------------------

@pytest.mark.parametrize("number", ["999", "112", "101", "111", "116 123", "18000",
                                    "0808 2000 247", "0808 802 9999", "08 08 16 89 111",
                                    "+44 808 168 9111", "020 7946 0000"])
def test_dialable_numbers_are_accepted(number: str) -> None:
    from victim_journey.content.phone_numbers import phone_number_problem

    assert phone_number_problem(number) is None


@pytest.mark.parametrize("number", ["0000 000 000", "00 44 20 7946", "123", "116 12",
                                    "0800 111", "0808 2000 247 1", "+1 212 555 0100", "9999"])
def test_numbers_nobody_can_dial_are_refused(number: str) -> None:
    from victim_journey.content.phone_numbers import phone_number_problem

    assert phone_number_problem(number) is not None


@pytest.mark.parametrize(("number", "expected"), [('"999"', 0), ('"0000 000 000"', 1),
                                                  ('"9 9 9 x"', 1)])
def test_phone_numbers_in_a_file(content_copy: Path, number: str, expected: int) -> None:
    path = content_copy / "journey/services/victim-support.yml"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index('number: "08 08 16 89 111"')].count("\n") + 1
    path.write_text(text.replace('number: "08 08 16 89 111"', f"number: {number}"),
                    encoding="utf-8")
    found = [e for e in errors_in(content_copy) if "[bad-phone]" in e]
    assert len(found) == expected
    assert all(e.startswith(f"journey/services/victim-support.yml:{line}:") for e in found)


# --- hand-written pages get the checks content files get ---------------------------------

def _page_errors(project: Path, page: str, text: str | bytes) -> list[str]:
    path = project / "docs" / page
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return [e for e in errors_in(project) if e.startswith(f"docs/{page}:")]


FRONT = "---\ndescription: About us.\nlast_reviewed: 2026-11-29\nowner: Team\n"


@pytest.mark.parametrize(("page", "text", "where", "code"), [
    ("en/privacy.md", FRONT + "---\n\n# Privacy\n\nHello <script>alert(1)</script>\n",
     "9:7", "raw-html"),
    ("en/privacy.md", FRONT + "subtitle: \"<script>alert(1)</script>\"\n---\n# P\n",
     "5:1", "unknown-key"),
    ("en/privacy.md", FRONT + "template: redirect.html\nlocation: javascript:alert(1)\n---\n",
     "5:1", "unknown-key"),
    ("en/privacy.md", FRONT + "title: Go <img src=x onerror=alert(1)>\n---\n# P\n",
     "5:11", "raw-html"),
    ("cy/privacy.md", FRONT + "---\n# P\n\n[Ewch][g]\n\n[g]: javascript:alert(1)\n",
     "10:1", "bad-link"),
    ("en/privacy.md", FRONT + "---\n# P\n\nSee [the\nguide](javascript:alert(1)).\n",
     "9:8", "bad-link"),
    ("en/privacy.md", FRONT + "---\n# P\n\n![pixel](https://tracker.example/p.png)\n",
     "8:1", "image"),
    ("en/privacy.md", "---\ndescription: [unclosed\nowner: x\n---\n# P\n", "2:14",
     "yaml-syntax"),
    ("en/privacy.md", "---\nlast_reviewed: last week\n---\n# P\n", "2:16", "bad-date"),
    ("en/privacy.md", "---\ndescription: x\n# P\n", "1:1", "yaml-syntax"),
    ("en/privacy.md", FRONT.replace("owner: Team", "owner: Te\u202eam") + "---\n", "4:10",
     "hidden-character"),
])
def test_hand_written_pages_are_checked(content_copy: Path, page: str, text: str,
                                        where: str, code: str) -> None:
    found = _page_errors(content_copy, page, text)
    assert any(e.startswith(f"docs/{page}:{where}: error:") and e.endswith(f"[{code}]")
               for e in found), found


def test_hand_written_page_that_is_not_utf8(content_copy: Path) -> None:
    found = _page_errors(content_copy, "en/privacy.md", FRONT.encode() + b"---\n\xff\n")
    assert found == ["docs/en/privacy.md:6:1: error: this file is not UTF-8: byte 0xff "
                     "cannot be read; save the file as UTF-8 in your editor [not-utf8]"]


def test_hand_written_page_code_is_text_not_markup(content_copy: Path) -> None:
    found = _page_errors(content_copy, "en/privacy.md",
                         FRONT + "---\n# P\n\nThe `<html lang>` tag and `[x](javascript:y)`.\n")
    assert found == []


def test_hand_written_page_linked_outside_the_project(content_copy: Path) -> None:
    leak = content_copy / "docs/en/leak.md"
    leak.symlink_to("/etc/passwd")
    found = [e for e in errors_in(content_copy) if e.startswith("docs/en/leak.md")]
    assert found == ["docs/en/leak.md:1:1: error: this is a symbolic link to a file outside "
                     "the project; content must be a file in the project itself, so copy the "
                     "text in [outside-project]"]


@pytest.mark.parametrize("name", ["privacy.md.bak", "Privacy.md", "con.md", "notes.txt",
                                  "logo.svg"])
def test_stray_files_in_docs_are_errors(content_copy: Path, name: str) -> None:
    (content_copy / "docs/en" / name).write_text("x\n", encoding="utf-8")
    found = [e for e in errors_in(content_copy) if e.startswith(f"docs/en/{name}:1:1:")]
    assert len(found) == 1 and found[0].endswith("[bad-file-name]")


def test_real_hand_written_pages_pass() -> None:
    from victim_journey.checks.docs_pages import docs_problems
    from victim_journey.content.languages import LANGUAGES

    root = Path(__file__).resolve().parent.parent
    assert docs_problems(root / "docs", root, LANGUAGES.values()) == []


# --- the site is replaced only when everything passed ------------------------------------

@pytest.mark.parametrize(("status", "replaced"), [(0, True), (2, False)])
def test_site_is_replaced_only_after_the_check_passes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int, replaced: bool) -> None:
    from victim_journey.cli import build

    def fake_build_all(root: Path, site_dir: Path, **_: object) -> str:
        site_dir.mkdir(parents=True)
        (site_dir / "index.html").write_text("new", encoding="utf-8")
        return "logs"

    monkeypatch.setattr(build, "build_all", fake_build_all)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    checked: list[str] = []

    def check(built: Path) -> int:
        checked.append((built / "index.html").read_text(encoding="utf-8"))
        assert (site / "index.html").read_text(encoding="utf-8") == "old"
        return status

    if replaced:
        build.build_into(tmp_path, site, check=check)
    else:
        with pytest.raises(build.ChecksFailed):
            build.build_into(tmp_path, site, check=check)
    assert checked == ["new"]
    assert (site / "index.html").read_text(encoding="utf-8") == ("new" if replaced else "old")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging left behind


def test_cli_build_leaves_site_alone_when_the_check_fails(
        content_copy: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from victim_journey.cli import build
    from victim_journey.cli.main import main
    from victim_journey.site_check import run as a11y

    def fake_build_all(root: Path, site_dir: Path, **_: object) -> str:
        site_dir.mkdir(parents=True)
        (site_dir / "index.html").write_text("new", encoding="utf-8")
        return ""

    monkeypatch.setattr(build, "build_all", fake_build_all)
    monkeypatch.setattr(a11y, "run_accessibility_check", lambda site, reports: 1)
    (content_copy / "site").mkdir()
    (content_copy / "site/index.html").write_text("old", encoding="utf-8")
    status = main(["--root", str(content_copy), "build", "--today", TODAY])
    assert status == 1
    assert (content_copy / "site/index.html").read_text(encoding="utf-8") == "old"
    assert "the previous site/ is unchanged" in capsys.readouterr().err


# --- mkdocs serve with broken content --------------------------------------------------------

def test_serve_keeps_the_last_good_content_and_shows_the_error(
        content_copy: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("VICTIM_JOURNEY_TODAY", TODAY)
    config = load_config(str(content_copy / "mkdocs.yml"))
    plugin = config.plugins["victim-journey"]
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    good = plugin.journey
    assert plugin.preview_errors == ()
    stage = content_copy / "journey/stages/the-trial.yml"
    stage.write_text(stage.read_text(encoding="utf-8").replace("title:", "title: [", 1),
                     encoding="utf-8")
    plugin.on_config(load_config(str(content_copy / "mkdocs.yml")))
    assert plugin.journey is good
    assert plugin.preview_errors and all(
        e.startswith("journey/stages/the-trial.yml:") for e in plugin.preview_errors)
    assert "journey/stages/the-trial.yml:" in capsys.readouterr().err
    html = plugin.on_page_content("<p>text</p>", page=_FakePage(), config=config, files=None)
    assert html.startswith('<div class="vj-preview-errors" role="alert">')
    assert "journey/stages/the-trial.yml:" in html and html.endswith("<p>text</p>")
    # A plain build still stops at once (MkDocs starts every command with on_startup).
    build = load_config(str(content_copy / "mkdocs.yml"))
    build.plugins["victim-journey"].on_startup(command="build", dirty=False)
    with pytest.raises(PluginError, match="content has errors"):
        build.plugins["victim-journey"].on_config(build)


def test_preview_errors_are_escaped() -> None:
    from victim_journey.mkdocs_plugin.preview_errors import preview_errors_html

    html = str(preview_errors_html(["a.yml:1:1: error: '<script>' [raw-html]"]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "1 error now. Fix it," in html


class _FakePage:
    title = None
    meta: dict[str, object] = {}  # noqa: RUF012


def test_theme_placeholder_typo_is_reported_by_the_build(content_copy: Path) -> None:
    import datetime as dt

    from victim_journey.mkdocs_plugin.theme_text import ThemeText
    from victim_journey.pipeline import theme_text_problems

    path = content_copy / "journey/interface-text.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  reviewed-by:\n")
    line = text.count("\n", 0, start) + 2
    english = text[start:].split("\n")[1]
    assert "{owner}" in english
    path.write_text(text.replace("{owner}", "{ownr}"), encoding="utf-8")
    checked = check_content(content_copy / "journey", root=content_copy,
                            today=dt.date.fromisoformat(TODAY))
    assert checked.journey is not None
    assert not [p for p in checked.problems if p.code == "bad-placeholder"]
    shown = ThemeText(checked.journey.t)("reviewed-by", owner="Team")
    assert "{ownr}" in shown and "__" not in shown
    assert [p.format_text().split(": error:")[0] for p in theme_text_problems(
        checked.journey)] == [f"journey/interface-text.yml:{line}:{english.index(':') + 3}"]


@pytest.mark.parametrize("payload", ["[" * 20_000, "![" * 10_000, "](" * 10_000,
                                     "[a" * 10_000, "<" * 20_000, "&#" * 10_000])
def test_pathological_text_is_checked_quickly_end_to_end(tmp_path: Path, payload: str) -> None:
    import datetime as dt
    import shutil

    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "golden" / "base", project)
    stage = project / "journey/stages/help.yml"
    text = stage.read_text(encoding="utf-8")
    stage.write_text(text.replace("  You can ask for help.\n", f"  You can {payload}\n"),
                     encoding="utf-8")
    started = time.process_time()
    problems = check_content(project / "journey", root=project,
                             today=dt.date.fromisoformat(TODAY)).problems
    assert time.process_time() - started < 8.0
    assert all(len(p.message) < 400 for p in problems)


@pytest.mark.parametrize("name", ["the-trial.YML", "the-trial.yml.bak", "aux.yml", "x.txt"])
def test_stray_files_in_a_translation_folder_are_errors(content_copy: Path, name: str) -> None:
    (content_copy / "journey/cy/stages" / name).write_text("x: 1\n", encoding="utf-8")
    found = [e for e in errors_in(content_copy)
             if e.startswith(f"journey/cy/stages/{name}:1:1: error:")]
    assert len(found) == 1, found
