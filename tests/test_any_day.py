"""A build is a function of the commit: the same content checks and the same bytes in
site/ whatever the day. The clock is moved with time-machine (in this process) and with
VICTIM_JOURNEY_TODAY (for the MkDocs builds this process starts)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import time_machine
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from days import CONTENT_DAY, ROOT, years_later
from sitecheck import TEST_SITE_URL
from victim_journey import clock
from victim_journey.cli.build import edition_builds
from victim_journey.content.journey import DOCS_DIR
from victim_journey.pipeline import check_content
from victim_journey.problems import Severity
from victim_journey.publish.host_headers import write_host_files
from victim_journey.publish.source_date import last_commit_day, source_date

PACKAGE = ROOT / "scripts" / "victim_journey"
TWO_YEARS_AHEAD = years_later(CONTENT_DAY, 2)


@pytest.fixture(autouse=True)
def no_day_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (clock.DAY_FOR_CHILD, clock.SOURCE_DATE_EPOCH):
        monkeypatch.delenv(name, raising=False)


# --- the clock ----------------------------------------------------------------------------

def test_the_day_given_wins_then_the_parents_day_then_source_date_epoch() -> None:
    given = dt.date(2030, 1, 2)
    epoch = str(int(dt.datetime(2029, 5, 6, 23, 59, tzinfo=dt.UTC).timestamp()))
    both = {clock.DAY_FOR_CHILD: "2031-03-04", clock.SOURCE_DATE_EPOCH: epoch}
    assert clock.today(given, both) == given
    assert clock.today(None, both) == dt.date(2031, 3, 4)
    assert clock.today(None, {clock.SOURCE_DATE_EPOCH: epoch}) == dt.date(2029, 5, 6)
    with time_machine.travel(dt.datetime(2033, 7, 8, 12, tzinfo=dt.UTC), tick=False):
        assert clock.today(None, {}) == dt.date(2033, 7, 8)


def test_a_bad_day_in_the_environment_is_named() -> None:
    with pytest.raises(clock.BadClock, match="SOURCE_DATE_EPOCH='soon'"):
        clock.today(None, {clock.SOURCE_DATE_EPOCH: "soon"})
    with pytest.raises(clock.BadClock, match="VICTIM_JOURNEY_TODAY='1/2/2030'"):
        clock.today(None, {clock.DAY_FOR_CHILD: "1/2/2030"})


def test_a_bad_day_in_the_environment_is_one_line_from_the_command(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from victim_journey.cli.main import main

    monkeypatch.setenv(clock.SOURCE_DATE_EPOCH, "yesterday")
    assert main(["--root", str(ROOT), "validate"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "victim-journey: SOURCE_DATE_EPOCH='yesterday' is not a number of seconds since "
        "1970-01-01"]


def test_the_day_goes_to_a_child_without_changing_this_process() -> None:
    import os

    before = dict(os.environ)
    child = clock.environment_for_child(dt.date(2030, 1, 2))
    assert child[clock.DAY_FOR_CHILD] == "2030-01-02"
    assert dict(os.environ) == before
    assert clock.DAY_FOR_CHILD not in clock.environment_for_child(None)


_CLOCK_CALLS = re.compile(r"\bdate\.today\(|\bdatetime\.now\(|\bdatetime\.utcnow\(|"
                          r"\btime\.time\(|os\.environ\[[^]]+\]\s*=|os\.environ\.setdefault|"
                          r"os\.environ\.update|os\.putenv")


def test_only_the_clock_module_reads_the_clock_and_nothing_changes_the_environment() -> None:
    offenders = [f"{path.name}:{number}" for path in sorted(PACKAGE.rglob("*.py"))
                 if path.name != "clock.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(),
                                               start=1)
                 if _CLOCK_CALLS.search(line)]
    assert offenders == []
    clock_text = (PACKAGE / "clock.py").read_text(encoding="utf-8")
    assert "date.today()" in clock_text and "os.environ[" not in clock_text.replace(
        "os.environ if environ is None else environ", "")


# --- the content's own date ---------------------------------------------------------------

def test_source_date_epoch_then_last_commit_then_newest_review(tmp_path: Path) -> None:
    reviewed = [dt.date(2026, 1, 1), dt.date(2026, 3, 3)]
    epoch = str(int(dt.datetime(2027, 2, 2, tzinfo=dt.UTC).timestamp()))
    assert source_date(tmp_path, reviewed, {clock.SOURCE_DATE_EPOCH: epoch}) == dt.date(2027, 2, 2)
    # Not a Git checkout: quietly the newest review.
    assert last_commit_day(tmp_path) is None
    assert source_date(tmp_path, reviewed, {}) == dt.date(2026, 3, 3)
    # A Git checkout: the day of its last commit.
    git = ["git", "-C", str(tmp_path), "-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    subprocess.run([*git, "add", "a.txt"], check=True)
    date = "2025-10-09T10:00:00+00:00"
    subprocess.run([*git, "commit", "-q", "-m", "a"], check=True,
                   env={"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date,
                        "PATH": "/usr/bin:/bin"})
    assert source_date(tmp_path, reviewed, {}) == dt.date(2025, 10, 9)


# --- the live content, two years ahead ----------------------------------------------------

@pytest.mark.parametrize("years", [1, 2])
def test_content_checks_years_ahead_inform_but_never_fail(years: int) -> None:
    ahead = years_later(CONTENT_DAY, years)
    with time_machine.travel(dt.datetime.combine(ahead, dt.time(12), dt.UTC), tick=False):
        assert clock.today() == ahead
        problems = check_content(ROOT / "journey", root=ROOT, docs_dir=ROOT / DOCS_DIR).problems
    assert [p.format_text() for p in problems if p.severity is Severity.ERROR] == []


def _build_in_this_process(site: Path) -> None:
    """Every language, as build.build_all lays them out, but in this process so that the
    moved clock reaches MkDocs and Material too."""
    for edition in edition_builds(ROOT, site):
        config = load_config(str(edition.config), site_dir=str(edition.folder), strict=True)
        mkdocs_build(config)
        edition.put_in_place(site)
    write_host_files(site)  # as build_all does after the builds


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_build_two_years_ahead_is_the_same_bytes(built_site: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    monkeypatch.setenv("SITE_URL", TEST_SITE_URL)  # as the built_site fixture
    with time_machine.travel(dt.datetime.combine(TWO_YEARS_AHEAD, dt.time(12), dt.UTC),
                             tick=False):
        # Two years on, reviews are overdue: warnings that once stopped a strict build.
        codes = {p.code for p in check_content(ROOT / "journey", root=ROOT,
                                               docs_dir=ROOT / DOCS_DIR).problems}
        assert "review-overdue" in codes
        _build_in_this_process(site)
    # built_site's builds were handed the content as checked (content_handoff.py); these
    # checked it themselves: the same bytes either way.
    today, ahead = _files(built_site), _files(site)
    assert sorted(ahead) == sorted(today)
    assert [path for path in today if today[path] != ahead[path]] == []


# --- ordinary editing leaves the content valid ------------------------------------------

def test_the_documented_editor_workflows_leave_no_error(content_copy: Path) -> None:
    """Each workflow in CONTRIBUTING.md, done at once on a copy: a new service (copied
    from one, as the guide says, with no Welsh yet), next year's bank holidays, an English
    edit that makes its Welsh stale, and a routine review dated after the content's."""
    journey = content_copy / "journey"
    service = (journey / "services" / "refuge.yml").read_text(encoding="utf-8")
    (journey / "services" / "a-new-service.yml").write_text(
        service.replace("name: Refuge", "name: A new service", 1), encoding="utf-8")
    holidays = journey / "bank-holidays.yml"
    last_year = max(int(y) for y in re.findall(r"date: (\d{4})-", holidays.read_text()))
    # Eight weekdays of the next year: the checks want whole, ordered years of weekdays.
    firsts = [dt.date(last_year + 1, month, 1) for month in (1, 3, 4, 5, 6, 8, 11, 12)]
    weekdays = [d + dt.timedelta(days=max(0, 7 - d.weekday())) if d.weekday() > 4 else d
                for d in firsts]
    next_year = "".join(f"  - date: {d.isoformat()}\n    name: A bank holiday\n"
                        for d in weekdays)
    text = holidays.read_text(encoding="utf-8")
    at = text.index("owner:")
    holidays.write_text(text[:at] + next_year + text[at:], encoding="utf-8")
    trial = journey / "stages" / "the-trial.yml"
    text = trial.read_text(encoding="utf-8")
    trial.write_text(text.replace("title: ", "title: Now ", 1), encoding="utf-8")
    reviewed_on = CONTENT_DAY + dt.timedelta(days=10)
    glossary = journey / "glossary.yml"
    glossary.write_text(re.sub(r"(?m)^last_reviewed: .*$", f"last_reviewed: {reviewed_on}",
                               glossary.read_text(encoding="utf-8")), encoding="utf-8")
    problems = check_content(journey, root=content_copy, today=reviewed_on,
                             docs_dir=content_copy / DOCS_DIR).problems
    assert [p.format_text() for p in problems if p.severity is Severity.ERROR] == []
    codes = {p.code for p in problems}
    assert {"translation-missing", "translation-stale"} <= codes
