"""Golden cases: each broken content tree must give exactly its expected problems."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from victim_journey.pipeline import check_content
from victim_journey.problems import Severity

GOLDEN = Path(__file__).parent / "golden"
BASE = GOLDEN / "base"
CASES = sorted(p.name for p in (GOLDEN / "cases").iterdir() if p.is_dir())
TODAY = dt.date(2026, 12, 1)


def make_project(tmp_path: Path, case: str | None) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    if case is not None:
        overlay = GOLDEN / "cases" / case / "journey"
        shutil.copytree(overlay, project / "journey", dirs_exist_ok=True)
    return project


def reported(project: Path) -> set[str]:
    problems = check_content(project / "journey", root=project, today=TODAY).problems
    return {f"{p.path}:{p.line}: [{p.code}]" for p in problems
            if p.severity is Severity.ERROR}


def test_base_is_valid(tmp_path: Path) -> None:
    problems = check_content(make_project(tmp_path, None) / "journey",
                             root=tmp_path / "project", today=TODAY).problems
    assert problems == []


@pytest.mark.parametrize("case", CASES)
def test_golden_case(tmp_path: Path, case: str) -> None:
    expected_file = GOLDEN / "cases" / case / "expected.txt"
    expected = {line.strip() for line in expected_file.read_text().splitlines() if line.strip()}
    assert reported(make_project(tmp_path, case)) == expected


def test_every_problem_is_one_line_in_the_editor_format(tmp_path: Path) -> None:
    project = make_project(tmp_path, "many-errors")
    problems = check_content(project / "journey", root=project, today=TODAY).problems
    assert len(problems) >= 3
    for problem in problems:
        text = problem.format_text()
        assert "\n" not in text
        assert text.startswith(f"{problem.path}:{problem.line}:{problem.column}: error: ")
        assert text.endswith(f" [{problem.code}]")


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """The bomb must be refused before any expansion: a billion strings would not fit
    in memory, so reaching this assertion at all shows nothing was expanded."""
    project = make_project(tmp_path, "alias-bomb")
    assert reported(project) == {"journey/glossary.yml:3: [yaml-alias]"}


def test_did_you_mean(tmp_path: Path) -> None:
    project = make_project(tmp_path, "unknown-reference")
    messages = [p.message for p in check_content(project / "journey", root=project,
                                                 today=TODAY).problems]
    assert any("did you mean 'second-step'" in m for m in messages), messages
    project2 = make_project(tmp_path / "2", "unknown-key")
    messages = [p.message for p in check_content(project2 / "journey", root=project2,
                                                 today=TODAY).problems]
    assert any("did you mean 'how_long'" in m for m in messages), messages
