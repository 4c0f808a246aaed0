"""What the accessibility check found, and the reports people and tools read."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

# The checks, in the order the reports list them. Only "AAA" is reported without
# failing the build: the issue asks for AA to be clean and AAA to be counted.
CHECKS = {
    "pa11y": "WCAG 2 AA, pa11y-ci with axe and HTML_CodeSniffer",
    "axe-core": "WCAG 2.2 A and AA, axe-core in Chromium",
    "html-validate": "HTML validity, html-validate",
    "AAA": "WCAG 2 AAA, HTML_CodeSniffer (counted, does not fail the build)",
}
BLOCKING = ("pa11y", "axe-core", "html-validate")


@dataclass(frozen=True, order=True)
class Finding:
    """One problem on one page. `page` is the path from the top of the site."""

    check: str
    page: str
    rule: str
    message: str
    selector: str = ""
    runner: str = ""

    @property
    def blocking(self) -> bool:
        return self.check in BLOCKING


@dataclass(frozen=True)
class Outcome:
    pages: Sequence[str]
    findings: Sequence[Finding]

    def count(self, check: str) -> int:
        return sum(f.check == check for f in self.findings)

    @property
    def blocking(self) -> int:
        return sum(f.blocking for f in self.findings)


def problems(number: int) -> str:
    return f"{number} problem{'s' * (number != 1)}"


def _label(page: str) -> str:
    return page or "(home page)"


def _grouped(findings: Iterable[Finding]) -> dict[str, Counter[tuple[str, str, str]]]:
    """page -> (check, runner, rule) -> count, pages in the order first found."""
    groups: dict[str, Counter[tuple[str, str, str]]] = defaultdict(Counter)
    for finding in findings:
        groups[finding.page][(finding.check, finding.runner, finding.rule)] += 1
    return groups


def summary_lines(outcome: Outcome) -> list[str]:
    """A short summary for the terminal: totals, then blocking problems by page and rule."""
    lines = [f"accessibility check of {len(outcome.pages)} pages:"]
    for check, title in CHECKS.items():
        lines.append(f"  {outcome.count(check):>4}  {title}")
    for page, rules in _grouped(f for f in outcome.findings if f.blocking).items():
        lines.append(f"{_label(page)}:")
        for (check, runner, rule), number in sorted(rules.items()):
            lines.append(f"  {number:>3} x [{check}{'/' + runner if runner else ''}] {rule}")
    return lines


def write_reports(outcome: Outcome, report_dir: Path) -> tuple[Path, Path]:
    report_dir.mkdir(parents=True, exist_ok=True)
    json_path = report_dir / "accessibility.json"
    md_path = report_dir / "accessibility.md"
    data = {
        "pages": list(outcome.pages),
        "counts": {check: outcome.count(check) for check in CHECKS},
        "blocking": outcome.blocking,
        "findings": [asdict(f) for f in sorted(outcome.findings)],
    }
    json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(_markdown(outcome), encoding="utf-8")
    return json_path, md_path


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str) -> str:
    quoted = _cell(text).replace("`", "'")
    return f"`{quoted}`" if text else ""


def _markdown(outcome: Outcome) -> str:
    verdict = ("Passed: no errors at WCAG 2.2 AA and no HTML errors." if not outcome.blocking
               else f"FAILED: {problems(outcome.blocking)} to fix before publishing.")
    out = ["# Accessibility report", "", verdict, "",
           f"Pages checked: {len(outcome.pages)}.", "", "| Check | Problems |", "|---|---|"]
    out += [f"| {title} | {outcome.count(check)} |" for check, title in CHECKS.items()]
    for check, title in CHECKS.items():
        findings = sorted(f for f in outcome.findings if f.check == check)
        if not findings:
            continue
        out += ["", f"## {title}", "", "| Page | Rule | Problem | Where |", "|---|---|---|---|"]
        out += [f"| {_cell(_label(f.page))} | {_cell(f.rule)} | {_cell(f.message)} "
                f"| {_code(f.selector)} |" for f in findings]
    out += ["", "## Pages checked", ""] + [f"- {_code(_label(page))}" for page in outcome.pages]
    return "\n".join(out) + "\n"
