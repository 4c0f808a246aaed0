"""The accessibility check that runs after every build.

It serves the built site on loopback and checks every page: pa11y-ci, in one Chromium
with several pages at a time, runs axe-core (WCAG 2.0 to 2.2, A and AA) and
HTML_CodeSniffer (AA, and AAA counted only) in one load of each page; html-validate
checks every file in one process. A page whose HTML, site assets and tools are all
unchanged since it last passed through the check is not checked again
(`.cache/accessibility.json`). It prints progress and a short summary, writes
reports/accessibility.md and reports/accessibility.json, and fails on any AA or HTML
error.
"""

from __future__ import annotations

import concurrent.futures
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from victim_journey.site_check.cache import (
    CACHE_FILE,
    ResultCache,
    chromium_version,
    page_keys,
    tools_fingerprint,
)
from victim_journey.site_check.html_validation import run_html_validate
from victim_journey.site_check.pa11y import LINE_REPORTER, RUNNER, run_pa11y
from victim_journey.site_check.progress import Progress
from victim_journey.site_check.report import (
    Finding,
    Outcome,
    problems,
    summary_lines,
    write_reports,
)
from victim_journey.site_check.serve import not_found_pages, serve_directory, site_pages
from victim_journey.site_check.shard import WHOLE_SITE, Shard
from victim_journey.site_check.tools import Tools, ToolsMissing, find_tools, project_root

EXIT_PROBLEMS = 1
EXIT_TOOLS_MISSING = 2


def pages_to_check(site_dir: Path) -> list[str]:
    """Every page of the site, in every language, with the 404 pages."""
    return site_pages(site_dir) + not_found_pages(site_dir)


def page_file(site_dir: Path, page: str) -> Path:
    return site_dir / (page + "index.html" if page == "" or page.endswith("/") else page)


@dataclass(frozen=True)
class CheckOptions:
    shard: Shard = WHOLE_SITE
    cache_file: Path | None = None  # None: check every page
    progress: bool = True


def check_site(site_dir: Path, tools: Tools, options: CheckOptions | None = None
               ) -> Outcome:
    options = options or CheckOptions()
    all_pages = pages_to_check(site_dir)
    pages = options.shard.select(all_pages) if options.shard != WHOLE_SITE else all_pages
    files = {page: page_file(site_dir, page) for page in all_pages}
    fingerprint = tools_fingerprint(tools, (RUNNER, LINE_REPORTER),
                                    chromium_version(tools.chromium))
    keys = page_keys(site_dir, files, fingerprint)  # every page's, to keep in the cache
    cache = ResultCache(options.cache_file)
    found: dict[str, list[Finding]] = {}
    for page in pages:
        cached = cache.get(keys[page])
        if cached is not None:
            found[page] = cached
    to_check = [page for page in pages if page not in found]
    run_wide: list[Finding] = []
    if to_check:
        progress = Progress("accessibility check", len(to_check)) if options.progress \
            else None
        # html-validate is one Node process over every file; it runs while pa11y-ci
        # waits on the browser, so its time hides inside pa11y-ci's.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool, \
                serve_directory(site_dir) as base_url:
            validated = pool.submit(run_html_validate, tools.node, tools.html_validate,
                                    tools.html_validate_config, site_dir,
                                    [files[page] for page in to_check])
            pa11y = run_pa11y(tools.node, tools.pa11y_ci, base_url, to_check,
                              tools.chromium,
                              on_progress=progress.update if progress else lambda done: None)
            html_findings = validated.result()
        if progress:
            progress.finish()
        by_page: dict[str, list[Finding]] = defaultdict(list)
        for finding in html_findings:
            if finding.page in files and not finding.rule.endswith("-failed"):
                by_page[finding.page].append(finding)
            else:
                run_wide.append(finding)
        for page in to_check:
            found[page] = by_page[page] + pa11y.get(page, [])
            if not run_wide:
                cache.put(keys[page], found[page])
    cache.save(keys.values())
    findings = run_wide + [f for page in pages for f in found[page]]
    return Outcome(pages, findings, checked=len(to_check), shard=options.shard,
                   site_pages=len(all_pages))


def run_accessibility_check(site_dir: Path, report_dir: Path, *,
                            shard: Shard = WHOLE_SITE, use_cache: bool = True,
                            cache_file: Path | None = None) -> int:
    """Check a built site. Returns 0 when every page is clean at AA, else non-zero.
    The cache is the project's .cache/accessibility.json unless `cache_file` is given;
    `use_cache=False` checks every page."""
    root = project_root(report_dir.resolve().parent)
    try:
        tools = find_tools(root)
    except ToolsMissing as missing:
        print("accessibility check cannot run:", file=sys.stderr)
        for line in missing.missing:
            print(f"  {line}", file=sys.stderr)
        return EXIT_TOOLS_MISSING
    if not site_dir.is_dir():
        print(f"accessibility check cannot run: no built site at {site_dir}", file=sys.stderr)
        return EXIT_PROBLEMS
    started = time.monotonic()
    outcome = check_site(site_dir, tools, CheckOptions(
        shard=shard, cache_file=(cache_file or root / CACHE_FILE) if use_cache else None))
    elapsed = time.monotonic() - started
    json_report, md_report = write_reports(outcome, report_dir)
    return finish(outcome, f"checked in {elapsed:.0f} s; reports: {md_report}, {json_report}")


def finish(outcome: Outcome, done_line: str) -> int:
    """Print the summary; the exit status."""
    for line in summary_lines(outcome):
        print(line, file=sys.stderr)
    print(done_line, file=sys.stderr)
    if outcome.blocking:
        print(f"accessibility check FAILED: {problems(outcome.blocking)}", file=sys.stderr)
        return EXIT_PROBLEMS
    print("accessibility check passed", file=sys.stderr)
    return 0
