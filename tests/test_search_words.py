"""The words people use (also_known_as): their checks, how search splits words, and how
the words reach the search index. The real search, in a browser, is in test_search.py."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from victim_journey.checks.search_words import search_word_problems
from victim_journey.cli.main import main as cli_main
from victim_journey.content.journey import load_journey
from victim_journey.pipeline import check_content
from victim_journey.problems import Problem, Severity
from victim_journey.search.config import (
    SEPARATOR,
    STAGE_BOOST,
    STOP_WORDS,
    WORDS_FIELD,
    page_search_meta,
    search_words_in,
)
from victim_journey.search.index import add_search_words, index_location
from victim_journey.search.terms import ItemKind, search_items

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "golden" / "base"
TODAY = dt.date(2026, 12, 1)
SEARCH_CODES = {"duplicate-search-word", "search-word-is-title", "unsearchable-search-word",
                "shared-search-word"}


# --- a small project: the golden base, with words added -------------------------------

def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    return project


def add_words(project: Path, stage: str, words: list[str]) -> Path:
    path = project / "journey" / "stages" / f"{stage}.yml"
    lines = "".join(f"  - {json.dumps(word)}\n" for word in words)
    path.write_text(path.read_text(encoding="utf-8") + "also_known_as:\n" + lines,
                    encoding="utf-8")
    return path


def set_glossary(project: Path, defendant_sees_suspect: bool, suspect: list[str],
                 defendant: list[str]) -> None:
    see_also = "    see_also: [suspect]\n" if defendant_sees_suspect else ""
    (project / "journey" / "glossary.yml").write_text(
        "owner: Test team\nlast_reviewed: 2026-11-01\nterms:\n"
        "  - id: suspect\n    term: Suspect\n"
        "    definition: Someone the police think may have done the crime.\n"
        f"    also_known_as: {json.dumps(suspect)}\n"
        "  - id: defendant\n    term: Defendant\n"
        "    definition: Someone who has been charged with a crime.\n"
        f"{see_also}    also_known_as: {json.dumps(defendant)}\n", encoding="utf-8")


def set_right_words(project: Path, first: list[str], second: list[str]) -> None:
    path = project / "journey" / "rights.yml"
    text = path.read_text(encoding="utf-8")
    parts = text.split("    delivered_by: [Police]\n")
    assert len(parts) == 3
    delivered = "    delivered_by: [Police]\n    also_known_as: "
    path.write_text(parts[0] + delivered + json.dumps(first) + "\n"
                    + parts[1] + delivered + json.dumps(second) + "\n"
                    + parts[2], encoding="utf-8")


def search_problems(project: Path) -> list[Problem]:
    journey, problems = load_journey(project / "journey", project)
    assert journey is not None and problems == []
    return search_word_problems(journey)


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    found = [number for number, line in enumerate(path.read_text().splitlines(), start=1)
             if text in line]
    return found[occurrence - 1]


# --- validate -------------------------------------------------------------------------

def test_real_content_has_no_problems_with_its_words() -> None:
    assert [p.format_text() for p in search_problems(ROOT)] == []


def test_validate_runs_the_checks(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    add_words(project, "first-step", ["NFA", "NFA"])
    problems = check_content(project / "journey", root=project, today=TODAY).problems
    assert [p.code for p in problems if p.code in SEARCH_CODES] == ["duplicate-search-word"]


def test_a_word_twice_in_one_item_is_an_error_at_the_second(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = add_words(project, "first-step", ["NFA", "case closed", "nfa"])
    [problem] = search_problems(project)
    assert problem.severity is Severity.ERROR
    assert problem.code == "duplicate-search-word"
    assert problem.path == "journey/stages/first-step.yml"
    assert problem.line == line_of(path, '"nfa"') and problem.column == 5
    first_line = line_of(path, '"NFA"')
    assert f"first on line {first_line}" in problem.message


def test_the_cli_reports_a_duplicate_on_one_line_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path)
    path = add_words(project, "second-step", ["court date", "Court  date"])
    status = cli_main(["--root", str(project), "validate", "--today", TODAY.isoformat()])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    line = line_of(path, "Court  date")
    assert re.search(rf"^journey/stages/second-step\.yml:{line}:5: error: 'Court  date' is in "
                     r"'also_known_as' twice \(first on line \d+\); keep one "
                     r"\[duplicate-search-word\]$", err, re.M), err


def test_a_word_that_is_the_title_is_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    add_words(project, "first-step", ["FIRST STEP", "the start"])
    [problem] = search_problems(project)
    assert (problem.severity, problem.code) == (Severity.WARNING, "search-word-is-title")


def test_a_word_made_of_common_words_only_is_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    add_words(project, "first-step", ["what is it", "what is a suspect"])
    [problem] = search_problems(project)
    assert (problem.code, problem.severity) == ("unsearchable-search-word", Severity.WARNING)
    assert "'what is it'" in problem.message


def test_stages_at_different_steps_cannot_share_a_word(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = add_words(project, "second-step", ["dropped"])
    later = add_words(project, "help", ["dropped"])  # runs alongside the route
    [problem] = search_problems(project)
    assert (problem.code, problem.severity) == ("shared-search-word", Severity.WARNING)
    assert problem.path == "journey/stages/help.yml"
    assert problem.line == line_of(later, "dropped")
    first_line = line_of(first, "dropped")
    assert f"stage 'second-step' (journey/stages/second-step.yml:{first_line})" \
        in problem.message


def test_related_items_may_share_a_word(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    add_words(project, "second-step", ["dropped", "court date"])  # second-step and
    add_words(project, "other-step", ["dropped"])  # other-step are at the same step
    add_words(project, "first-step", ["court date"])  # first-step leads to second-step
    set_glossary(project, True, ["dropped", "accused"], ["accused"])  # see_also
    assert search_problems(project) == []


def test_glossary_terms_need_see_also_to_share_a_word(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    set_glossary(project, False, ["accused"], ["accused"])
    [problem] = search_problems(project)
    assert problem.code == "shared-search-word" and "see_also" in problem.message


def test_two_rights_cannot_share_a_word(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    set_right_words(project, ["updates"], ["Updates"])
    [problem] = search_problems(project)
    assert problem.code == "shared-search-word"
    assert problem.path == "journey/rights.yml"


# --- how search splits words ----------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("do I have to see him in court", ["see", "court"]),
    ("They dropped my case", ["dropped", "case"]),
    ("No further action (NFA).", ["further", "action", "nfa"]),
    ("Women's Aid", ["women", "aid"]),
    ("Women\u2019s Aid", ["women", "aid"]),
    ("Rape Crisis England &amp; Wales", ["rape", "crisis", "england", "wales"]),
    ("I don't want to report it", ["don", "want", "report"]),
    ("into interpreter", ["interpreter"]),
])
def test_search_keeps_the_words_that_matter(text: str, words: list[str]) -> None:
    assert search_words_in(text) == words


def test_every_stop_word_is_dropped_whatever_its_first_letter() -> None:
    for word in STOP_WORDS:
        assert search_words_in(f"court {word} {word.capitalize()} trial") == ["court", "trial"]


def test_mkdocs_yml_gives_material_the_separator_and_the_words_field() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    search = config.plugins["material/search"].config
    assert search.separator == SEPARATOR
    assert search.fields[WORDS_FIELD]["boost"] >= 1000  # as much as a title


def test_stage_pages_rank_higher_and_copies_are_not_searched() -> None:
    assert page_search_meta("stages/the-trial.md") == {"search": {"boost": STAGE_BOOST}}
    for page in ("index.md", "services/index.md", "print.md", "a-to-z.md"):
        assert page_search_meta(page) == {"search": {"exclude": True}}
    assert page_search_meta("glossary.md") == {}


# --- the index --------------------------------------------------------------------------

def test_words_go_to_their_entries_and_missing_entries_are_reported() -> None:
    index = {"docs": [{"location": "stages/a/", "title": "A", "text": ""},
                      {"location": "glossary/#b", "title": "B", "text": ""}]}
    missing = add_search_words(index, {"stages/a/": ["NFA"], "glossary/#b": ["bee"],
                                       "rights/#c": ["sea"]})
    assert missing == ["rights/#c"]
    assert index["docs"][0][WORDS_FIELD] == ["NFA"]
    assert index["docs"][1][WORDS_FIELD] == ["bee"]


def test_the_built_index_holds_every_word_and_no_page_chrome(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    docs = {doc["location"]: doc for doc in index["docs"]}
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    items = search_items(journey)
    assert {item.kind for item in items} == set(ItemKind)
    for item in items:
        if item.words():
            assert docs[index_location(item)][WORDS_FIELD] == item.words(), item.id
    assert index["config"]["separator"] == SEPARATOR
    # Lists of other pages' titles, and pages that copy other pages, are left out.
    sections = {location.partition("#")[2] for location in docs}
    assert not sections & {"your-rights", "support", "words-used", "your-journey",
                           "sources", "when-they-help"}
    pages = {location.partition("#")[0] for location in docs}
    assert not pages & {"", "services/", "print/", "a-to-z/"}
    assert "data-search-exclude" not in (built_site / "stages" / "the-trial" /
                                         "index.html").read_text()
