"""Translations (journey/cy/, docs/cy/): missing and stale ones are found, per file and
field; a bad translation gets a one-line error at its own file and line; a missing one
shows the English, marked as English, with a notice."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from victim_journey.cli.main import main
from victim_journey.content.languages import WELSH
from victim_journey.i18n.docs import fallback_page
from victim_journey.pipeline import CheckedContent, check_content
from victim_journey.problems import Problem, Severity
from victim_journey.render.site import render_site

BASE = Path(__file__).parent / "golden" / "base"
TODAY = dt.date(2026, 12, 1)
WELSH_STAGE = "journey/cy/stages/first-step.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small test project, with a Welsh translation of every file, stamped."""
    root = tmp_path / "project"
    shutil.copytree(BASE, root, symlinks=False)
    return root


def check(root: Path) -> CheckedContent:
    return check_content(root / "journey", root=root, today=TODAY, docs_dir=root / "docs")


def found(root: Path, code: str) -> list[Problem]:
    return [p for p in check(root).problems if p.code == code]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def welsh_page(root: Path, page_path: str) -> str:
    checked = check(root)
    pages = {page.path: page for page in checked.editions[WELSH.code].pages}
    return pages[page_path].markdown


def test_the_test_project_is_fully_translated(project: Path) -> None:
    assert check(project).problems == []
    assert "vj-not-translated" not in welsh_page(project, "stages/first-step.md")
    assert "Mae rhywbeth yn digwydd yma." in welsh_page(project, "stages/first-step.md")


def test_editing_the_english_makes_the_welsh_stale_field_by_field(project: Path) -> None:
    edit(project / "journey/stages/first-step.yml", "You can ask for help.",
         "You can ask for help at any time.")
    stale = found(project, "translation-stale")
    assert [(p.path, p.severity) for p in stale] == [(WELSH_STAGE, Severity.WARNING)]
    assert "'what_you_can_do'" in stale[0].message
    # It points at the Welsh field, so an editor can go straight to it.
    line = (project / WELSH_STAGE).read_text().splitlines()[stale[0].line - 1]
    assert line.startswith("what_you_can_do:")


def test_a_stamp_records_that_the_welsh_matches_the_english_again(project: Path) -> None:
    edit(project / "journey/stages/first-step.yml", "It can take a few weeks.",
         "It can take a few months.")
    assert found(project, "translation-stale")
    edit(project / WELSH_STAGE, "Gall gymryd ychydig wythnosau.", "Gall gymryd ychydig fisoedd.")
    before = (project / WELSH_STAGE).read_text()
    assert main(["--root", str(project), "translation-stamp", str(project / WELSH_STAGE)]) == 0
    assert found(project, "translation-stale") == []
    after = (project / WELSH_STAGE).read_text()
    # Only the stamp changed: the translated text is as the editor wrote it.
    assert after.split("title:", 1)[1] == before.split("title:", 1)[1]


def test_stale_can_be_made_an_error_in_the_site_settings(project: Path) -> None:
    edit(project / "journey/site.yml", "owner: Test team",
         "owner: Test team\ntranslations:\n  stale: error")
    edit(project / "journey/stages/first-step.yml", "Something happens here.",
         "Something new happens here.")
    assert [p.severity for p in found(project, "translation-stale")] == [Severity.ERROR]


def test_a_missing_field_shows_the_english_marked_as_english_with_a_notice(
        project: Path) -> None:
    edit(project / WELSH_STAGE, "how_long: |\n  Gall gymryd ychydig wythnosau.\n", "")
    missing = found(project, "translation-missing")
    assert [(p.path, p.severity) for p in missing] == [(WELSH_STAGE, Severity.WARNING)]
    assert "'how_long'" in missing[0].message
    page = welsh_page(project, "stages/first-step.md")
    assert '<div lang="en" markdown="block">' in page
    assert "It can take a few weeks." in page.split('<div lang="en"', 1)[1]
    assert 'class="vj-not-translated"' in page
    # The page's other text is still Welsh, and other pages get no notice.
    assert "Mae rhywbeth yn digwydd yma." in page
    assert "vj-not-translated" not in welsh_page(project, "stages/second-step.md")


def test_a_missing_file_is_one_warning_and_its_pages_show_the_english(
        project: Path) -> None:
    (project / "journey/cy/services/helpers.yml").unlink()
    missing = found(project, "translation-missing")
    assert [(p.path, p.line) for p in missing] == [("journey/cy/services/helpers.yml", 1)]
    page = welsh_page(project, "services/helpers.md")
    assert '<span lang="en">Helpers</span>' in page
    assert 'class="vj-not-translated"' in page


def test_missing_can_be_made_an_error(project: Path) -> None:
    edit(project / "journey/site.yml", "owner: Test team",
         "owner: Test team\ntranslations:\n  missing: error")
    (project / "journey/cy/glossary.yml").unlink()
    assert [p.severity for p in found(project, "translation-missing")] == [Severity.ERROR]


@pytest.mark.parametrize(("old", "new", "code", "line_starts"), [
    # Structure comes from the English: a translation cannot add a source or a stage.
    ("title: Cam cyntaf", "title: Cam cyntaf\nstages: [help]", "unknown-key", "stages:"),
    # A one-line field stays one line.
    ("title: Cam cyntaf", "title: |\n  Cam\n  cyntaf", "bad-value", "title:"),
    # The same checks as English text: no raw HTML, no links to pages that do not exist.
    ("Gallwch ofyn am help.", "Gallwch ofyn am <b>help</b>.", "raw-html", "  Gallwch"),
    ("Gallwch ofyn am help.", "Gallwch [ofyn](stages/nowhere.md).", "broken-link",
     "  Gallwch"),
    # Plain language: the sentence limit holds in Welsh too.
    ("Gallwch ofyn am help.", "Gallwch ofyn am help " + "bob dydd a phob nos " * 5 + "yma.",
     "long-sentence", "  Gallwch"),
])
def test_a_bad_translation_is_an_error_at_its_own_line(
        project: Path, old: str, new: str, code: str, line_starts: str) -> None:
    edit(project / WELSH_STAGE, old, new)
    errors = [p for p in check(project).problems if p.severity is Severity.ERROR]
    assert {(p.path, p.code) for p in errors} == {(WELSH_STAGE, code)}
    line = (project / WELSH_STAGE).read_text().splitlines()[errors[0].line - 1]
    assert line.startswith(line_starts), line


def test_a_translation_with_no_english_file_is_an_error(project: Path) -> None:
    shutil.copy(project / WELSH_STAGE, project / "journey/cy/stages/first-stepp.yml")
    assert [p.path for p in found(project, "translation-orphan")] == [
        "journey/cy/stages/first-stepp.yml"]


def test_a_broken_translation_file_does_not_stop_the_english(project: Path) -> None:
    (project / WELSH_STAGE).write_text("title: [unclosed\n", encoding="utf-8")
    problems = check(project).problems
    assert [(p.path, p.code) for p in problems if p.severity is Severity.ERROR] == [
        (WELSH_STAGE, "yaml-syntax")]


def test_translation_report_lists_every_gap_per_file_and_field(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "journey/stages/first-step.yml", "if something happens",
         "if something else entirely happens")
    (project / "journey/cy/services/helpers.yml").unlink()
    assert main(["--root", str(project), "translation-report"]) == 0
    out = capsys.readouterr().out
    assert "journey/cy/services/helpers.yml:1:1  (whole file)" in out
    assert f"{WELSH_STAGE}:" in out and "next.0.when" in out
    assert "journey/cy/rights.yml" in out  # needs a fluent speaker's check
    assert main(["--root", str(project), "translation-report", "--strict"]) == 1


def test_review_report_lists_translations_that_need_a_fluent_check(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "journey/cy/rights.yml", "needs_fluent_check: true",
         "needs_fluent_check: false")
    assert main(["--root", str(project), "review-report", "--today", "2026-12-01"]) == 0
    out = capsys.readouterr().out.split("fluent speaker")[1]
    assert WELSH_STAGE in out
    assert "journey/cy/rights.yml" not in out


def test_interface_text_must_keep_the_englishs_values(project: Path) -> None:
    table = project / "journey/interface-text.yml"  # a copy: copytree follows the link
    edit(table, 'cy: "Newid iaith:"', 'cy: "Newid iaith {language}:"')
    assert [p.code for p in check(project).problems if p.severity is Severity.ERROR] == [
        "translation-placeholders"]


def test_missing_interface_text_is_marked_as_english(project: Path) -> None:
    table = project / "journey/interface-text.yml"
    edit(table, "cy: Rhagfyr", "")
    missing = found(project, "translation-missing")
    assert [p.path for p in missing] == ["journey/interface-text.yml"]
    checked = check(project)
    welsh = checked.editions[WELSH.code].journey
    assert welsh.t.long_date(dt.date(2026, 12, 24)) == "24 December 2026"
    assert welsh.t.long_date(dt.date(2026, 1, 24)) == "24 Ionawr 2026"
    assert any('<span lang="en">' in page.markdown for page in render_site(welsh))


def test_docs_pages_are_checked_and_fall_back_to_english(project: Path) -> None:
    (project / "docs/en").mkdir(parents=True)
    (project / "docs/cy").mkdir(parents=True)
    english = "---\ndescription: About\n---\n\n# About\n\nWe help.\n"
    (project / "docs/en/about.md").write_text(english)
    (project / "docs/en/help.md").write_text("# Help\n\nAsk us.\n")
    (project / "docs/cy/about.md").write_text(
        "---\ndescription: Amdanom\ntranslation:\n  needs_fluent_check: true\n"
        "  translated_on: 2026-11-29\n---\n\n# Amdanom\n\nRydyn ni'n helpu.\n")
    assert main(["--root", str(project), "translation-stamp",
                 str(project / "docs/cy/about.md")]) == 0
    assert [p.path for p in found(project, "translation-missing")] == ["docs/cy/help.md"]
    assert found(project, "translation-stale") == []
    (project / "docs/en/about.md").write_text(english.replace("We help.", "We help you."))
    assert [p.path for p in found(project, "translation-stale")] == ["docs/cy/about.md"]
    # A page with no translation is the English, marked as English, with the notice.
    page = fallback_page(english, "Heb ei gyfieithu eto")
    assert page.startswith("---\ndescription: About\n---\n")
    assert '<p class="vj-not-translated">Heb ei gyfieithu eto</p>' in page
    assert '<div lang="en" markdown="block">' in page and "We help." in page
