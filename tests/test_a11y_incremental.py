"""The accessibility check's incremental mode, shards, merged reports and progress.
The browser tools are replaced by recorders here: what is tested is which pages reach
them, not what they find (tests/test_accessibility.py runs the real tools)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from victim_journey.cli.main import main
from victim_journey.site_check import run as a11y
from victim_journey.site_check.progress import Progress
from victim_journey.site_check.report import Finding, MergeError, merge_reports, write_reports
from victim_journey.site_check.run import CheckOptions, check_site
from victim_journey.site_check.shard import Shard, ShardError, parse_shard
from victim_journey.site_check.tools import Tools

PAGES = {"index.html": "home", "a/index.html": "a", "b/index.html": "b",
         "cy/index.html": "cartref", "404.html": "not found"}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def fake_tools(tmp_path: Path) -> Tools:
    """A node_modules tree with the packages' manifests, and a 'browser' that only tells
    its version: enough for the cache's fingerprint."""
    modules = tmp_path / "node_modules"
    for package in ("pa11y-ci", "pa11y", "axe-core", "@pa11y/html_codesniffer",
                    "html-validate"):
        _write(modules / package / "package.json", json.dumps({"version": "1.0.0"}))
    _write(modules / "pa11y-ci" / "bin" / "pa11y-ci.js", "")
    (modules / ".bin").mkdir()
    (modules / ".bin" / "pa11y-ci").symlink_to("../pa11y-ci/bin/pa11y-ci.js")
    browser = tmp_path / "chromium"
    _write(browser, "#!/bin/sh\necho Chromium 1.0\n")
    browser.chmod(0o755)
    _write(tmp_path / ".htmlvalidate.json", "{}")
    return Tools("node", modules / ".bin" / "pa11y-ci", modules / ".bin" / "html-validate",
                 tmp_path / ".htmlvalidate.json", modules / "axe-core" / "axe.min.js",
                 str(browser))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for name, text in PAGES.items():
        _write(site / name, f"<!DOCTYPE html><title>{text}</title>")
    _write(site / "assets" / "site.css", "body { color: #000 }")
    return site


class Recorder:
    """Stands in for pa11y-ci and html-validate: records the pages each is given and
    reports one AAA finding per page, so cached results can be told from none."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pa11y_runs: list[list[str]] = []
        self.validated: list[list[str]] = []
        monkeypatch.setattr(a11y, "run_pa11y", self.run_pa11y)
        monkeypatch.setattr(a11y, "run_html_validate", self.run_html_validate)

    def run_pa11y(self, node: str, pa11y_ci: Path, base_url: str, pages: list[str],
                  chromium: str, *, on_progress: Any) -> dict[str, list[Finding]]:
        self.pa11y_runs.append(list(pages))
        on_progress(len(pages))
        return {page: [Finding("AAA", page, "WCAG2AAA.X", "counted")] for page in pages}

    def run_html_validate(self, node: str, html_validate: Path, config: Path,
                          site_dir: Path, files: list[Path]) -> list[Finding]:
        self.validated.append(sorted(f.relative_to(site_dir).as_posix() for f in files))
        return []


def _check(site: Path, tools: Tools, cache: Path, **options: Any) -> Any:
    return check_site(site, tools, CheckOptions(cache_file=cache, progress=False, **options))


def test_only_changed_pages_are_checked_again(site: Path, fake_tools: Tools, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    tools = Recorder(monkeypatch)
    cache = tmp_path / ".cache" / "accessibility.json"
    first = _check(site, fake_tools, cache)
    assert sorted(tools.pa11y_runs[0]) == sorted(first.pages) and first.checked == 5
    assert cache.is_file()

    _write(site / "a" / "index.html", "<!DOCTYPE html><title>a, changed</title>")
    second = _check(site, fake_tools, cache)
    assert tools.pa11y_runs[1] == ["a/"] and tools.validated[1] == ["a/index.html"]
    assert second.checked == 1
    # Unchanged pages keep the findings they had: a cached page is not a clean one.
    assert sorted(f.page for f in second.findings) == sorted(first.pages)

    third = _check(site, fake_tools, cache)
    assert len(tools.pa11y_runs) == 2 and third.checked == 0
    assert third.findings == second.findings


def test_a_changed_stylesheet_checks_every_page_again(
        site: Path, fake_tools: Tools, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tools = Recorder(monkeypatch)
    cache = tmp_path / "cache.json"
    _check(site, fake_tools, cache)
    _write(site / "assets" / "site.css", "body { color: #777 }")
    assert _check(site, fake_tools, cache).checked == len(PAGES)
    assert len(tools.pa11y_runs) == 2


@pytest.mark.parametrize("change", ["package", "browser", "rules"])
def test_a_new_tool_version_checks_every_page_again(
        change: str, site: Path, fake_tools: Tools, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tools = Recorder(monkeypatch)
    cache = tmp_path / "cache.json"
    _check(site, fake_tools, cache)
    if change == "package":
        _write(tmp_path / "node_modules" / "axe-core" / "package.json",
               json.dumps({"version": "1.0.1"}))
    elif change == "browser":
        _write(Path(fake_tools.chromium), "#!/bin/sh\necho Chromium 2.0\n")
    else:
        _write(fake_tools.html_validate_config, '{"rules": {}}')
    assert _check(site, fake_tools, cache).checked == len(PAGES)
    assert len(tools.pa11y_runs) == 2


def test_a_page_that_could_not_be_checked_is_not_remembered(
        site: Path, fake_tools: Tools, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    tools = Recorder(monkeypatch)

    def failing(*args: Any, **kwargs: Any) -> dict[str, list[Finding]]:
        results = tools.run_pa11y(*args, **kwargs)
        results["a/"] = [Finding("pa11y", "a/", "page-not-checked", "browser crashed")]
        return results

    monkeypatch.setattr(a11y, "run_pa11y", failing)
    cache = tmp_path / "cache.json"
    assert _check(site, fake_tools, cache).blocking == 1
    monkeypatch.setattr(a11y, "run_pa11y", tools.run_pa11y)
    again = _check(site, fake_tools, cache)
    assert tools.pa11y_runs[-1] == ["a/"] and again.blocking == 0


def test_without_a_cache_every_page_is_checked(site: Path, fake_tools: Tools,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tools = Recorder(monkeypatch)
    for _ in range(2):
        check_site(site, fake_tools, CheckOptions(progress=False))
    assert [len(run) for run in tools.pa11y_runs] == [5, 5]


def test_shards_are_deterministic_even_and_cover_every_page_once() -> None:
    pages = [f"services/s-{n:04d}/" for n in range(10)] + ["", "404.html"]
    shards = [Shard(k, 4).select(list(reversed(pages))) for k in range(1, 5)]
    assert [len(s) for s in shards] == [3, 3, 3, 3]
    assert sorted(p for s in shards for p in s) == sorted(pages)
    assert Shard(2, 4).select(pages) == Shard(2, 4).select(sorted(pages)) == shards[1]


@pytest.mark.parametrize("text", ["0/4", "5/4", "2", "a/b", "2/0"])
def test_a_wrong_shard_is_refused(text: str) -> None:
    with pytest.raises(ShardError):
        parse_shard(text)


def test_shard_reports_merge_into_one(site: Path, fake_tools: Tools, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    Recorder(monkeypatch)
    reports = []
    for k in (1, 2):
        outcome = _check(site, fake_tools, tmp_path / "cache.json", shard=Shard(k, 2))
        assert outcome.site_pages == len(PAGES) and len(outcome.pages) in (2, 3)
        reports.append(write_reports(outcome, tmp_path / f"shard-{k}")[0])
    merged = merge_reports(reports)
    assert sorted(merged.pages) == sorted(a11y.pages_to_check(site))
    assert merged.count("AAA") == len(PAGES) and merged.blocking == 0
    with pytest.raises(MergeError, match="missing: \\[2\\]"):
        merge_reports(reports[:1])
    with pytest.raises(MergeError, match="more than once: \\[1\\]"):
        merge_reports([reports[0], reports[0], reports[1]])
    garbled = tmp_path / "garbled.json"
    garbled.write_text(json.dumps({"shard": "a/b", "pages": [], "findings": []}))
    with pytest.raises(MergeError, match=r"garbled\.json: not a readable"):
        merge_reports([garbled])


def test_merge_command_writes_one_report_and_fails_on_any_shard_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def shard_report(k: int, findings: list[dict[str, str]]) -> Path:
        path = tmp_path / f"shard-{k}.json"
        path.write_text(json.dumps({"shard": f"{k}/2", "site_pages": 2, "pages": [f"p{k}/"],
                                    "findings": findings}), encoding="utf-8")
        return path

    problem = {"check": "pa11y", "page": "p2/", "rule": "image-alt", "message": "no alt"}
    paths = [shard_report(1, []), shard_report(2, [problem])]
    status = main(["--root", str(tmp_path), "merge-a11y-reports", *map(str, paths),
                   "--report-dir", "merged"])
    assert status == 1
    merged = json.loads((tmp_path / "merged" / "accessibility.json").read_text())
    assert merged["pages"] == ["p1/", "p2/"] and merged["blocking"] == 1
    assert "FAILED: 1 problem" in capsys.readouterr().err


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_in_a_log_is_a_line_every_few_seconds_not_one_per_page() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("check", 100, stream=out, clock=clock, interactive=False)
    for done in range(1, 101):
        clock.now = done * 0.5  # a page every half second: 50 s in all
        progress.update(done)
    lines = out.getvalue().splitlines()
    assert 5 <= len(lines) <= 7, lines
    assert lines[0] == "check: 1/100 pages, about 50 s left"
    assert lines[-1] == "check: 100/100 pages, done in 50 s"
    assert "\r" not in out.getvalue()


def test_progress_on_a_terminal_redraws_one_line_with_the_time_left() -> None:
    out, clock = io.StringIO(), Clock()
    progress = Progress("check", 4, stream=out, clock=clock, interactive=True)
    for done in range(1, 5):
        clock.now = 30.0 * done
        progress.update(done)
    text = out.getvalue()
    assert text.count("\r") == 4 and text.endswith("check: 4/4 pages, done in 2 min 00 s\n")
    assert "check: 2/4 pages, about 1 min 00 s left" in text

