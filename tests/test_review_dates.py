"""Review dates inform; they never block. `validate` and `review-report` show what is due
and overdue, hand-written pages included; the scheduled workflow and the pull-request
check (only the files the pull request changes) are where an overdue review fails."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from victim_journey.cli.main import main as cli_main
from victim_journey.content.journey import DOCS_DIR
from victim_journey.pipeline import check_content
from victim_journey.problems import Severity

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2027-06-01"  # after the copy's review dates are set below, whatever they were


def run(capsys: pytest.CaptureFixture[str], project: Path, *args: str
        ) -> tuple[int, str, str]:
    status = cli_main(["--root", str(project), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def set_reviewed(path: Path, day: str) -> int:
    """Set the `last_reviewed` line of a content file or a page's front matter; return
    its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("last_reviewed:"))
    lines[index] = f"last_reviewed: {day}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


@pytest.fixture
def project(content_copy: Path) -> Path:
    """The live content with every review date set to one recent day, so nothing is
    overdue on TODAY whatever the live dates are."""
    for path in [*(content_copy / "journey").rglob("*.yml"),
                 *(content_copy / DOCS_DIR).rglob("*.md")]:
        if "\nlast_reviewed:" in path.read_text(encoding="utf-8"):
            set_reviewed(path, "2027-05-01")
    return content_copy


# --- hand-written pages -------------------------------------------------------------------

def test_hand_written_pages_are_in_the_review_report(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    privacy = project / "docs" / "en" / "privacy.md"
    set_reviewed(privacy, "2026-01-10")
    status, out, err = run(capsys, project, "review-report", "--today", TODAY)
    rows = out.split("\n\n")[0].splitlines()[1:]
    assert status == 0
    assert rows[0].split()[:3] == ["2027-01-10", "overdue", "2026-01-10"]
    assert rows[0].endswith("docs/en/privacy.md")
    # The Welsh page follows its English: it is not reviewed on its own.
    assert not any(row.endswith("docs/cy/privacy.md") for row in rows)
    assert "docs/en/privacy.md:3:16: warning: review overdue since 2027-01-10" in err


def test_an_overdue_hand_written_page_is_a_warning_in_validate(project: Path) -> None:
    line = set_reviewed(project / "docs" / "en" / "accessibility.md", "2026-01-10")
    problems = check_content(project / "journey", root=project,
                             today=dt.date.fromisoformat(TODAY),
                             docs_dir=project / DOCS_DIR).problems
    found = [(p.path, p.line, p.severity, p.code) for p in problems
             if p.code.startswith("review")]
    assert found == [("docs/en/accessibility.md", line, Severity.WARNING, "review-overdue")]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_bad_date_in_a_page_is_one_error_at_its_line(
        project: Path, capsys: pytest.CaptureFixture[str], language: str) -> None:
    line = set_reviewed(project / "docs" / language / "privacy.md", "2027-02-30")
    status, _, err = run(capsys, project, "validate", "--today", TODAY)
    assert status == 1
    errors = [x for x in err.splitlines() if ": error: " in x]
    assert errors == [f"docs/{language}/privacy.md:{line}:16: error: '2027-02-30' in "
                      "'last_reviewed' is not a real date; write it as YYYY-MM-DD, for "
                      "example 2026-03-03 [bad-date]"]


def test_a_page_without_a_review_date_is_a_warning(project: Path) -> None:
    page = project / "docs" / "en" / "open-data.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\nlast_reviewed:[^\n]*", "", text, count=1), encoding="utf-8")
    problems = check_content(project / "journey", root=project,
                             today=dt.date.fromisoformat(TODAY),
                             docs_dir=project / DOCS_DIR).problems
    assert [(p.path, p.severity, p.code) for p in problems if p.path == "docs/en/open-data.md"
            ] == [("docs/en/open-data.md", Severity.WARNING, "missing-field")]


# --- the pull-request check: only the files a pull request changes ----------------------

def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), "-c", "user.name=Editor",
                           "-c", "user.email=editor@example.org", *args],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repository(project: Path) -> Path:
    """The project as a Git repository with a `main` branch, and a branch checked out."""
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "content")
    git(project, "checkout", "-q", "-b", "fix")
    return project


def test_an_overdue_file_the_branch_does_not_touch_does_not_fail_it(
        repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_reviewed(repository / "journey" / "stages" / "the-trial.yml", "2026-01-10")
    git(repository, "commit", "-q", "-am", "the trial was reviewed long ago")
    git(repository, "checkout", "-q", "main")
    git(repository, "merge", "-q", "fix")
    git(repository, "checkout", "-q", "-b", "urgent-fix")
    refuge = repository / "journey" / "services" / "refuge.yml"
    refuge.write_text(refuge.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "an urgent fix elsewhere")
    status, out, _ = run(capsys, repository, "review-report", "--today", TODAY,
                         "--changed-since", "main", "--fail-overdue")
    assert status == 0
    assert out.splitlines()[0] == "Files changed since main that carry a review date: 1"
    assert out.splitlines()[2].split()[1] == "ok" and out.rstrip().endswith(
        "journey/services/refuge.yml")
    # Over everything, as the scheduled workflow runs it, the overdue file fails.
    status, _, err = run(capsys, repository, "review-report", "--today", TODAY,
                         "--fail-overdue")
    assert status == 1 and "journey/stages/the-trial.yml:" in err and ": error: " in err


@pytest.mark.parametrize("commit", [True, False])
def test_an_overdue_file_the_branch_changes_fails_it(
        repository: Path, capsys: pytest.CaptureFixture[str], commit: bool) -> None:
    line = set_reviewed(repository / "docs" / "en" / "privacy.md", "2026-01-10")
    if commit:
        git(repository, "commit", "-q", "-am", "privacy page edit")
    status, out, err = run(capsys, repository, "review-report", "--today", TODAY,
                           "--changed-since", "main", "--fail-overdue")
    assert status == 1
    assert out.splitlines()[0] == "Files changed since main that carry a review date: 1"
    assert err.splitlines() == [
        f"docs/en/privacy.md:{line}:16: error: review overdue since 2027-01-10: check the "
        "page is still true, then set 'last_reviewed' to the day of the review "
        "[review-overdue]"]
    # Without --fail-overdue it only informs.
    status, _, _ = run(capsys, repository, "review-report", "--today", TODAY,
                       "--changed-since", "main")
    assert status == 0


def test_an_unknown_branch_is_one_line(repository: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, repository, "review-report", "--changed-since", "no-such",
                         "--fail-overdue")
    assert status == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("victim-journey review-report: cannot compare with 'no-such'")


# --- the workflows ------------------------------------------------------------------------

def _workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_a_weekly_workflow_fails_and_opens_an_issue_while_anything_is_overdue() -> None:
    flow = _workflow("review-dates.yml")
    assert "schedule" in flow[True]  # PyYAML reads the key 'on' as True
    assert flow["permissions"]["issues"] == "write"
    runs = [step.get("run", "") for step in flow["jobs"]["review-dates"]["steps"]]
    assert any("victim-journey review-report --fail-overdue" in r for r in runs)
    assert any("gh issue create" in r for r in runs)


def test_the_pull_request_check_fails_only_for_files_it_changes() -> None:
    flow = _workflow("test.yml")
    steps = flow["jobs"]["test"]["steps"]
    check = next(s for s in steps if "--changed-since" in s.get("run", ""))
    assert "--fail-overdue" in check["run"] and "pull_request" in check["if"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    # Neither the build nor the deploy is held up by a review date.
    assert "schedule" not in flow[True]
