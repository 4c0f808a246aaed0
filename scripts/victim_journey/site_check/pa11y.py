"""Run pa11y-ci over the pages: axe-core (WCAG 2.0 to 2.2, A and AA) and HTML_CodeSniffer
(AA failing the check, AAA counted) in one page load each, several pages at a time in one
Chromium.

pa11y-ci drives the browser; the project's own pa11y runner (pa11y/wcag-runner.js) runs
both tools in the page, and a reporter of ours (pa11y/line-reporter.js) writes each
page's results to a file the moment it is done, which gives progress and never loses a
finished page."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from victim_journey.site_check.browser import CHROMIUM_FLAGS
from victim_journey.site_check.report import Finding
from victim_journey.site_check.tools import output_tail

RUNNER = Path(__file__).parent / "pa11y" / "wcag-runner.js"
LINE_REPORTER = Path(__file__).parent / "pa11y" / "line-reporter.js"
# Each page waits for the network to be idle for 500 ms (pa11y's networkidle2), which
# costs no CPU: twice as many pages as cores keeps the cores busy while others wait.
MAX_CONCURRENCY = 8
# A stuck browser must not hang CI for ever; a slow, busy machine must not fail either.
TIMEOUT_BASE_SECONDS = 600
TIMEOUT_SECONDS_PER_PAGE = 10
POLL_SECONDS = 0.5
# How long one step in the browser may take, such as running the tools on one page.
# Puppeteer's default, 3 minutes, was too short for the /print/ page (the whole guide)
# of a site with 150 extra services on a busy 2-core machine.
PROTOCOL_TIMEOUT_MS = 15 * 60 * 1000


def concurrency() -> int:
    return max(2, min(MAX_CONCURRENCY, 2 * (os.cpu_count() or 1)))


def pa11y_config(base_url: str, pages: list[str], chromium: str, results_file: Path
                 ) -> dict[str, Any]:
    """The pa11y-ci configuration. Each choice avoids a failure measured here:
    - {"url": ...} objects and useIncognitoBrowserContext false: with concurrency above 1,
      plain strings fail with "Protocol error (Target.closeTarget)" (pa11y-ci#354);
    - reporters are set under defaults (pa11y-ci reads them nowhere else), and ours
      writes to a file, because JSON on a pipe is cut at 64 KB when pa11y-ci exits;
    - runners and standard are set on every URL, never in defaults: pa11y-ci merges
      defaults into each URL with lodash defaultsDeep, which merges arrays item by item;
    - protocolTimeout: see PROTOCOL_TIMEOUT_MS."""
    return {
        "defaults": {
            "concurrency": concurrency(),
            "useIncognitoBrowserContext": False,
            "timeout": 120000,
            "chromeLaunchConfig": {"executablePath": chromium, "args": list(CHROMIUM_FLAGS),
                                   "protocolTimeout": PROTOCOL_TIMEOUT_MS},
            "reporters": [[str(LINE_REPORTER), {"fileName": str(results_file)}]],
        },
        "urls": [{"url": base_url + page, "standard": "WCAG2AA", "runners": [str(RUNNER)]}
                 for page in pages],
    }


def findings_from_result(page: str, record: dict[str, Any]) -> list[Finding]:
    """One page's line from our reporter as findings. A page that could not be checked
    is a finding too: an unchecked page must never count as a clean one."""
    if "error" in record:
        return [Finding("pa11y", page, "page-not-checked",
                        f"pa11y could not check this page: {record['error']}")]
    findings = []
    for issue in record.get("issues", []):
        extras = issue.get("runnerExtras") or {}
        findings.append(Finding(
            "AAA" if extras.get("level") == "AAA" else "pa11y", page, issue["code"],
            issue.get("message", ""), issue.get("selector") or "", extras.get("tool", "")))
    return findings


def read_results(results_file: Path) -> list[dict[str, Any]]:
    """The complete lines written so far (the last may still be half written)."""
    try:
        lines = results_file.read_text(encoding="utf-8").splitlines(keepends=True)
    except FileNotFoundError:
        return []
    records = []
    for line in lines:
        if line.endswith("\n"):
            records.append(json.loads(line))
    return records


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM first: Puppeteer closes its browser on it; SIGKILL would leave it running."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def node_modules_of(pa11y_ci: Path) -> Path:
    return pa11y_ci.resolve().parents[2]  # node_modules/pa11y-ci/bin/pa11y-ci.js


def run_pa11y(node: str, pa11y_ci: Path, base_url: str, pages: list[str], chromium: str,
              *, on_progress: Callable[[int], None] = lambda done: None
              ) -> dict[str, list[Finding]]:
    """{page: its findings} for every page; `on_progress` hears how many are done."""
    if not pages:
        return {}
    with tempfile.TemporaryDirectory(prefix="vj-pa11y-") as work:
        results_file = Path(work) / "results.jsonl"
        config_file = Path(work) / "pa11y-ci.json"
        config = pa11y_config(base_url, pages, chromium, results_file)
        config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
        with tempfile.TemporaryFile() as log:
            # Our runner finds the tools' scripts through NODE_PATH.
            env = {**os.environ, "NODE_PATH": str(node_modules_of(pa11y_ci))}
            process = subprocess.Popen([node, str(pa11y_ci), "--config", str(config_file)],
                                       cwd=work, env=env, stdout=log, stderr=log)
            deadline = (time.monotonic() + TIMEOUT_BASE_SECONDS
                        + TIMEOUT_SECONDS_PER_PAGE * len(pages))
            try:
                while process.poll() is None and time.monotonic() < deadline:
                    time.sleep(POLL_SECONDS)
                    on_progress(len(read_results(results_file)))
            finally:  # also when interrupted: never leave a browser running
                timed_out = process.poll() is None
                if timed_out:
                    _stop(process)
            log.seek(0)
            output = log.read().decode(errors="replace")
            if timed_out:
                output += "\npa11y-ci was stopped: it took longer than the time allowed"
        records = read_results(results_file)
    on_progress(len(records))
    by_page: dict[str, list[Finding]] = {}
    for record in records:
        page = str(record.get("url", "")).removeprefix(base_url)
        by_page[page] = findings_from_result(page, record)
    for page in pages:
        if page not in by_page:
            by_page[page] = [Finding("pa11y", page, "page-not-checked",
                                     "pa11y-ci has no result for this page: "
                                     + output_tail(output))]
    return by_page
