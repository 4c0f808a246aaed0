"""Validate the HTML of every page of a built site with html-validate.

The rules are in .htmlvalidate.json at the top of the project. JSON holds no comments,
and html-validate refuses unknown keys, so the reasons for them are here:
- "html-validate:standard": real errors only, without the style opinions of the
  "recommended" preset (trailing spaces, lower-case doctype, and so on), which MkDocs'
  and Material's output trip on without harm to anyone;
- "html-validate:a11y": the accessibility rules;
- from the "document" preset: heading-level (no skipped levels), input-missing-label,
  missing-doctype and no-missing-references (a label or an ARIA attribute pointing at an
  id that is not there). Its require-sri rule is left out: it asks for integrity hashes
  on the site's own files;
- valid-autocomplete is off: Material puts autocomplete="off" on its hidden checkboxes
  (#__drawer, #__search) so that Firefox does not reopen the menu from its cache. The HTML
  standard does not list that attribute for checkboxes, but browsers either ignore it
  there or do what Material wants; no reader is affected.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from victim_journey.site_check.report import Finding
from victim_journey.site_check.tools import output_tail, run_for_json_report

TIMEOUT_SECONDS = 300


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def page_of(path: Path, site_dir: Path) -> str:
    """The page a file serves, written as the other checks write it."""
    relative = path.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return ""
    return relative.removesuffix("index.html")


def run_html_validate(node: str, html_validate: Path, config: Path, site_dir: Path,
                      files: list[Path] | None = None) -> list[Finding]:
    """Every error in `files` (by default every page of the site), in one process."""
    if files is None:
        files = html_files(site_dir)
    if not files:
        return [Finding("html-validate", "", "no-pages", f"no HTML files in {site_dir}")]
    with tempfile.TemporaryDirectory(prefix="vj-html-validate-") as work:
        # Written to a file, not read from a pipe, so a large report is never cut short.
        report_file = Path(work) / "html-validate.json"
        report, output = run_for_json_report(
            "html-validate",
            [node, str(html_validate), "--config", str(config),
             "--formatter", f"json={report_file}", *map(str, files)],
            report_file, timeout=TIMEOUT_SECONDS)
        if report is None:
            return [Finding("html-validate", "", "html-validate-failed",
                            "html-validate wrote no readable report: " + output_tail(output))]
    findings = []
    for result_file in report:
        page = page_of(Path(result_file["filePath"]).resolve(), site_dir.resolve())
        for message in result_file.get("messages", []):
            if message.get("severity") != 2:  # 1 is a warning, 2 an error
                continue
            findings.append(Finding(
                "html-validate", page, message.get("ruleId", "?"),
                f"{message.get('message', '')} (line {message.get('line', '?')})",
                message.get("selector") or ""))
    return findings
