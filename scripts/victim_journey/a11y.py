"""The accessibility check that runs after every build.

It serves the built site on loopback and checks every page four ways: pa11y-ci (axe and
HTML_CodeSniffer at WCAG2AA), axe-core's WCAG 2.2 rules in Chromium, html-validate, and
HTML_CodeSniffer at WCAG2AAA (counted only). It prints a short summary, writes
reports/accessibility.md and reports/accessibility.json, and fails on any AA or HTML error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .a11y_axe import run_axe
from .a11y_pa11y import run_pa11y
from .a11y_report import Outcome, problems, summary_lines, write_reports
from .a11y_tools import Tools, ToolsMissing, find_tools, project_root
from .html_validation import run_html_validate
from .serve import not_found_pages, serve_directory, site_pages

EXIT_PROBLEMS = 1
EXIT_TOOLS_MISSING = 2


def pages_to_check(site_dir: Path) -> list[str]:
    """Every page of the site, in every language, with the 404 pages."""
    return site_pages(site_dir) + not_found_pages(site_dir)


def check_site(site_dir: Path, tools: Tools) -> Outcome:
    pages = pages_to_check(site_dir)
    findings = run_html_validate(tools.node, tools.html_validate,
                                 tools.html_validate_config, site_dir)
    with serve_directory(site_dir) as base_url:
        findings += run_pa11y(tools.node, tools.pa11y_ci, base_url, pages, tools.chromium)
        findings += run_axe(base_url, pages, tools.chromium, tools.axe_script)
    return Outcome(pages, findings)


def run_accessibility_check(site_dir: Path, report_dir: Path) -> int:
    """Check a built site. Returns 0 when every page is clean at AA, else non-zero."""
    try:
        tools = find_tools(project_root(report_dir.resolve().parent))
    except ToolsMissing as missing:
        print("accessibility check cannot run:", file=sys.stderr)
        for line in missing.missing:
            print(f"  {line}", file=sys.stderr)
        return EXIT_TOOLS_MISSING
    if not site_dir.is_dir():
        print(f"accessibility check cannot run: no built site at {site_dir}", file=sys.stderr)
        return EXIT_PROBLEMS
    started = time.monotonic()
    outcome = check_site(site_dir, tools)
    elapsed = time.monotonic() - started
    json_report, md_report = write_reports(outcome, report_dir)
    for line in summary_lines(outcome):
        print(line, file=sys.stderr)
    print(f"checked in {elapsed:.0f} s; reports: {md_report}, {json_report}",
          file=sys.stderr)
    if outcome.blocking:
        print(f"accessibility check FAILED: {problems(outcome.blocking)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print("accessibility check passed", file=sys.stderr)
    return 0
