"""Run pa11y-ci over every page: axe and HTML_CodeSniffer at WCAG2AA, and a second pass of
HTML_CodeSniffer at WCAG2AAA that is counted but does not fail the build."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from .a11y_report import Finding
from .a11y_tools import output_tail, run_for_json_report
from .browser import CHROMIUM_FLAGS

# Both passes go to one pa11y-ci run, so one browser serves them all. pa11y-ci keys its
# results by page address, so the AAA pass carries a query string the server ignores.
AAA_MARK = "?vj-pass=aaa"
CONCURRENCY = 3
TIMEOUT_SECONDS = 600


def pa11y_config(base_url: str, pages: list[str], chromium: str, report_file: Path
                 ) -> dict[str, Any]:
    """The pa11y-ci configuration. Each choice avoids a failure measured here:
    - {"url": ...} objects and useIncognitoBrowserContext false: with concurrency above 1,
      plain strings fail with "Protocol error (Target.closeTarget)" (pa11y-ci#354);
    - the json reporter writes to a file set under defaults.reporters, because JSON on a
      pipe is cut at 64 KB when pa11y-ci exits;
    - runners and standard are set on every URL, never in defaults: pa11y-ci merges
      defaults into each URL with lodash defaultsDeep, which merges arrays item by item."""
    urls: list[dict[str, Any]] = []
    for page in pages:
        urls.append({"url": base_url + page, "standard": "WCAG2AA",
                     "runners": ["axe", "htmlcs"]})
    for page in pages:
        urls.append({"url": base_url + page + AAA_MARK, "standard": "WCAG2AAA",
                     "runners": ["htmlcs"]})
    return {
        "defaults": {
            "concurrency": CONCURRENCY,
            "useIncognitoBrowserContext": False,
            "timeout": 60000,
            "chromeLaunchConfig": {"executablePath": chromium, "args": list(CHROMIUM_FLAGS)},
            "reporters": [["json", {"fileName": str(report_file)}]],
        },
        "urls": urls,
    }


def findings_from_report(report: dict[str, Any], base_url: str) -> list[Finding]:
    """pa11y-ci's JSON report as findings. A page that could not be checked at all is
    reported too: an unchecked page must never count as a clean one."""
    findings = []
    for url, issues in report.get("results", {}).items():
        aaa = url.endswith(AAA_MARK)
        page = url.removesuffix(AAA_MARK).removeprefix(base_url)
        for issue in issues:
            if "code" not in issue:
                findings.append(Finding("pa11y", page, "page-not-checked",
                                        f"pa11y could not check this page: "
                                        f"{issue.get('message', issue)}"))
                continue
            findings.append(Finding(
                "AAA" if aaa else "pa11y", page, issue["code"], issue.get("message", ""),
                issue.get("selector") or "", issue.get("runner") or ""))
    return findings


def run_pa11y(node: str, pa11y_ci: Path, base_url: str, pages: list[str], chromium: str
              ) -> list[Finding]:
    with tempfile.TemporaryDirectory(prefix="vj-pa11y-") as work:
        report_file = Path(work) / "pa11y.json"
        config_file = Path(work) / "pa11y-ci.json"
        config = pa11y_config(base_url, pages, chromium, report_file)
        config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")
        report, output = run_for_json_report(
            "pa11y-ci", [node, str(pa11y_ci), "--config", str(config_file)], report_file,
            timeout=TIMEOUT_SECONDS, cwd=Path(work))
        if report is None:
            return [Finding("pa11y", "", "pa11y-ci-failed",
                            "pa11y-ci wrote no readable report: " + output_tail(output))]
    findings = findings_from_report(report, base_url)
    checked = set(report.get("results", {}))
    for page in pages:
        for url in (base_url + page, base_url + page + AAA_MARK):
            if url not in checked:
                findings.append(Finding("pa11y", page, "page-not-checked",
                                        f"pa11y-ci has no result for {url}"))
    return findings
