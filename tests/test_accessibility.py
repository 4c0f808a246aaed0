"""The accessibility check over the real site: pa11y-ci (axe-core with the WCAG 2.2
rules, and HTML_CodeSniffer) at AA, html-validate and the AAA count. Also: the checkers
really do find problems, and a missing tool fails clearly instead of being skipped."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from victim_journey.site_check.pa11y import RUNNER, findings_from_result, pa11y_config
from victim_journey.site_check.report import Finding
from victim_journey.site_check.run import (
    EXIT_TOOLS_MISSING,
    check_site,
    pages_to_check,
    run_accessibility_check,
)
from victim_journey.site_check.tools import ToolsMissing, find_tools


@pytest.fixture(scope="module")
def a11y_report(built_site: Path, tmp_path_factory: pytest.TempPathFactory
                ) -> dict[str, Any]:
    """The real check, run once over the real site, through the build's entry point.
    It keeps its results in the project's .cache/, so a build of the same site after the
    tests (as CI does) checks no page twice."""
    report_dir = tmp_path_factory.mktemp("reports")
    status = run_accessibility_check(built_site, report_dir)
    report = json.loads((report_dir / "accessibility.json").read_text(encoding="utf-8"))
    report["status"] = status
    report["markdown"] = (report_dir / "accessibility.md").read_text(encoding="utf-8")
    return report


def _listed(report: dict[str, Any], check: str) -> list[str]:
    return [f"{f['page'] or '(home)'}: {f['rule']}: {f['message']} at {f['selector']}"
            for f in report["findings"] if f["check"] == check]


def test_every_page_is_checked(a11y_report: dict[str, Any], built_site: Path) -> None:
    assert a11y_report["pages"] == pages_to_check(built_site)
    assert "404.html" in a11y_report["pages"]
    assert "" in a11y_report["pages"]
    # The situation pages, their printable guides and the "What happened?" question,
    # in both languages.
    for page in ("support/guide-1/", "print/guide-1/", "where-am-i/what-happened/the-trial/",
                 "cy/support/guide-1/", "cy/print/guide-1/"):
        assert page in a11y_report["pages"]
    assert len(a11y_report["pages"]) >= 20


def test_no_wcag2aa_errors_from_axe_or_htmlcs(a11y_report: dict[str, Any]) -> None:
    assert _listed(a11y_report, "pa11y") == []


def test_no_html_validation_errors(a11y_report: dict[str, Any]) -> None:
    assert _listed(a11y_report, "html-validate") == []


def test_aaa_count_is_reported_and_is_zero(a11y_report: dict[str, Any]) -> None:
    assert "AAA" in a11y_report["counts"]
    # The issue allows an explained remainder; there is none, so keep it at zero.
    assert _listed(a11y_report, "AAA") == []


def test_check_passes_and_writes_reports(a11y_report: dict[str, Any]) -> None:
    assert a11y_report["status"] == 0
    assert a11y_report["blocking"] == 0
    assert a11y_report["markdown"].startswith("# Accessibility report")
    assert "Passed" in a11y_report["markdown"]


BROKEN_PAGE = """<!DOCTYPE html>
<html>
<head><title>Broken on purpose</title></head>
<body>
<main>
<h1>Broken on purpose</h1>
<h3>A heading that skips a level</h3>
<img src="picture.png">
<link rel="stylesheet" href="late.css">
<link rel="next" href="/b">
<p><input type="text"></p>
<p><a href="/a" style="display:inline-block;width:8px;height:8px;padding:0"></a><a
 href="/b" style="display:inline-block;width:8px;height:8px;padding:0"></a></p>
</main>
</body>
</html>
"""


def test_each_checker_finds_real_problems(tmp_path: Path) -> None:
    """An honest check can fail: a page with known faults fails all three AA checks."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(BROKEN_PAGE, encoding="utf-8")
    outcome = check_site(site, find_tools())
    rules = {(check, runner): {f.rule for f in outcome.findings
                               if (f.check, f.runner) == (check, runner)}
             for check, runner in (("pa11y", "axe"), ("pa11y", "htmlcs"), ("AAA", "htmlcs"),
                                   ("html-validate", ""))}
    assert {"image-alt", "html-has-lang"} <= rules["pa11y", "axe"]
    assert "target-size" in rules["pa11y", "axe"]  # a WCAG 2.2 rule
    assert "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37" in rules["pa11y", "htmlcs"]
    # The one HTML_CodeSniffer pass tells AAA from AA: the skipped heading level is
    # AAA's 1.3.1 variant, counted without failing.
    assert any(rule.startswith("WCAG2AAA.") and "_AAA" in rule
               for rule in rules["AAA", "htmlcs"])
    assert not any(rule.startswith("WCAG2AAA.") for rule in rules["pa11y", "htmlcs"])
    # A <link> in <body> is AAA's 2.4.8 (H59.1), unless it is a stylesheet: those stand
    # in <body> on purpose (theme/main.html), so only the rel=next link is reported.
    in_body = [f for f in outcome.findings if f.rule.endswith(".H59.1")]
    assert len(in_body) == 1 and "link" in in_body[0].selector, in_body
    assert {"heading-level", "wcag/h37"} <= rules["html-validate", ""]
    assert outcome.blocking > 0


def test_missing_chromium_is_named_with_how_to_install(
        built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "no-such-browser"))
    status = run_accessibility_check(built_site, tmp_path / "reports")
    err = capsys.readouterr().err
    assert status == EXIT_TOOLS_MISSING
    assert "Chromium is missing" in err
    assert "apt-get install chromium" in err
    assert "Traceback" not in err
    assert not (tmp_path / "reports").exists()


def test_missing_node_tools_are_named_with_how_to_install(
        built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A project folder without node_modules, as on a fresh checkout before setup; the
    # reports go inside it, as the CLI's do.
    (tmp_path / "package.json").write_text("{}", encoding="utf-8")
    status = run_accessibility_check(built_site, tmp_path / "reports")
    err = capsys.readouterr().err
    assert status == EXIT_TOOLS_MISSING
    for tool in ("pa11y-ci", "html-validate", "axe-core"):
        assert re.search(rf"{tool} is missing .*scripts/setup", err), err
    assert "Traceback" not in err


def test_missing_node_is_named(built_site: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    status = run_accessibility_check(built_site, tmp_path / "reports")
    err = capsys.readouterr().err
    assert status == EXIT_TOOLS_MISSING
    assert "Node.js is missing" in err
    assert "Traceback" not in err


def test_too_old_node_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Debian 12's own Node.js is 18, too old for pa11y-ci 4 and html-validate 10.
    fake = tmp_path / "node"
    fake.write_text("#!/bin/sh\necho v18.19.0\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    with pytest.raises(ToolsMissing) as missing:
        find_tools()
    assert missing.value.missing == [
        f"Node.js 20.19 or newer is needed, for pa11y-ci and html-validate; {fake} is "
        "18.19.0: install a newer one (for example from nodejs.org's Debian packages)"]


def test_pa11y_config_avoids_the_measured_pitfalls(tmp_path: Path) -> None:
    config = pa11y_config("http://127.0.0.1:1/", ["", "a/"], "/usr/bin/chromium",
                          tmp_path / "out.jsonl")
    defaults = config["defaults"]
    assert 2 <= defaults["concurrency"] <= 8
    assert defaults["useIncognitoBrowserContext"] is False
    [[reporter, options]] = defaults["reporters"]
    assert Path(reporter).is_file() and options == {"fileName": str(tmp_path / "out.jsonl")}
    assert defaults["chromeLaunchConfig"]["executablePath"] == "/usr/bin/chromium"
    assert "--no-sandbox" in defaults["chromeLaunchConfig"]["args"]
    assert "runners" not in defaults and "standard" not in defaults
    assert all(isinstance(url, dict) for url in config["urls"])
    # One load of each page runs every tool: one URL per page, our one runner.
    assert [u["url"] for u in config["urls"]] == ["http://127.0.0.1:1/",
                                                  "http://127.0.0.1:1/a/"]
    assert {(u["standard"], tuple(u["runners"])) for u in config["urls"]} == {
        ("WCAG2AA", (str(RUNNER),))}


def test_a_page_pa11y_could_not_load_counts_as_an_error() -> None:
    assert findings_from_result("a/", {"url": "http://x/a/", "error": "Protocol error"}) == [
        Finding("pa11y", "a/", "page-not-checked",
                "pa11y could not check this page: Protocol error")]
    record = {"url": "http://x/b/", "issues": [
        {"code": "WCAG2AAA.X", "message": "m", "selector": "p", "runner": str(RUNNER),
         "runnerExtras": {"tool": "htmlcs", "level": "AAA"}},
        {"code": "image-alt", "message": "n", "selector": "img", "runner": str(RUNNER),
         "runnerExtras": {"tool": "axe", "level": "AA"}}]}
    assert findings_from_result("b/", record) == [
        Finding("AAA", "b/", "WCAG2AAA.X", "m", "p", "htmlcs"),
        Finding("pa11y", "b/", "image-alt", "n", "img", "axe"),
    ]


def _pages_html(built_site: Path) -> dict[str, str]:
    return {path.relative_to(built_site).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(built_site.rglob("*.html"))}


def test_pages_declare_language_one_main_and_named_navs(built_site: Path) -> None:
    problems = []
    for name, html in _pages_html(built_site).items():
        language = "cy" if name.startswith("cy/") else "en"
        if not re.search(rf'<html lang="{language}"', html):
            problems.append(f"{name}: no lang='{language}' on <html>")
        if len(re.findall(r"<main\b", html)) != 1:
            problems.append(f"{name}: not exactly one <main>")
        for nav in re.findall(r"<nav\b[^>]*>", html):
            if "aria-label=" not in nav and "aria-labelledby=" not in nav:
                problems.append(f"{name}: unnamed {nav}")
    assert problems == []


def test_no_instant_navigation(built_site: Path) -> None:
    # Instant navigation swaps pages with JavaScript: focus and screen-reader
    # announcements of the new page are lost.
    for name, html in _pages_html(built_site).items():
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           html, re.S)
        if config:
            assert not any(f.startswith("navigation.instant")
                           for f in json.loads(config.group(1))["features"]), name


def test_search_never_puts_the_term_in_an_address(built_site: Path) -> None:
    html = (built_site / "stages" / "the-trial" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form class="md-search__form"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None
    # Without JavaScript the form leads to a plain page of the site (the A to Z).
    action = re.search(r'action="([^"]+)"', form.group(0).split(">", 1)[0])
    assert action is not None and action.group(1).endswith("/")
    assert (built_site / "stages" / "the-trial" / action.group(1) / "index.html").is_file()
    query = re.search(r"<input[^>]*md-search__input[^>]*>", form.group(1))
    assert query is not None and " name=" not in query.group(0)
    assert "aria-label=" in query.group(0)
    assert re.search(r'<button type="submit"', form.group(1))
    assert re.search(r'class="md-search"[^>]*role="dialog"[^>]*aria-label="[^"]+"', html)


VAGUE_LINK_TEXT = {"here", "click here", "read more", "more", "find out more", "link",
                   "this link", "this page", "page", "website", "go"}


def test_link_text_makes_sense_out_of_context(built_site: Path) -> None:
    """Screen-reader users often list a page's links: each must say where it goes."""
    vague = []
    for name, html in _pages_html(built_site).items():
        article = re.search(r"<article\b.*?</article>", html, re.S)
        for attributes, text in re.findall(r"<a\b([^>]*)>(.*?)</a>",
                                           article.group(0) if article else "", re.S):
            if "href=" not in attributes or "aria-label=" in attributes:
                continue
            words = " ".join(re.sub(r"<[^>]+>", " ", text).split()).lower()
            if not words or words in VAGUE_LINK_TEXT:
                vague.append(f"{name}: {words!r}")
    assert vague == []
