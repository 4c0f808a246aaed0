"""What the accessibility check found, and the reports people and tools read."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from victim_journey.site_check.shard import WHOLE_SITE, Shard, ShardError, parse_shard

# The checks, in the order the reports list them. Only "AAA" is reported without
# failing the build: the issue asks for AA to be clean and AAA to be counted.
CHECKS = {
    "pa11y": "WCAG 2.2 A and AA, pa11y-ci with axe-core and HTML_CodeSniffer",
    "html-validate": "HTML validity, html-validate",
    "AAA": "WCAG 2 AAA, HTML_CodeSniffer (counted, does not fail the build)",
}
BLOCKING = ("pa11y", "html-validate")


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
    checked: int | None = None  # pages checked in this run; the rest were unchanged
    shard: Shard = WHOLE_SITE
    site_pages: int | None = None  # pages in the whole site, when this is one shard

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
    scope = (f" (shard {outcome.shard} of a site of {outcome.site_pages})"
             if outcome.shard != WHOLE_SITE else "")
    lines = [f"accessibility check of {len(outcome.pages)} pages{scope}:"]
    if outcome.checked is not None and outcome.checked < len(outcome.pages):
        lines.append(f"  {len(outcome.pages) - outcome.checked} unchanged since they were "
                     f"last checked, {outcome.checked} checked now")
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
        "shard": str(outcome.shard),
        "site_pages": outcome.site_pages if outcome.site_pages is not None
        else len(outcome.pages),
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
    scope = (f" (shard {outcome.shard} of a site of {outcome.site_pages} pages)"
             if outcome.shard != WHOLE_SITE else "")
    out = ["# Accessibility report", "", verdict, "",
           f"Pages checked: {len(outcome.pages)}{scope}.", "", "| Check | Problems |",
           "|---|---|"]
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


class MergeError(ValueError):
    pass


def merge_reports(paths: Sequence[Path]) -> Outcome:
    """One outcome from the JSON reports of every shard of one site. Refuses a set that
    is not exactly one report per shard (a lost shard must not pass unseen)."""
    reports = []
    for path in paths:
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
            shard = parse_shard(str(report["shard"]))
            pages = [str(page) for page in report["pages"]]
            findings = [Finding(**f) for f in report["findings"]]
        except (OSError, ValueError, KeyError, TypeError, ShardError) as exc:
            raise MergeError(f"{path}: not a readable accessibility report ({exc})") from exc
        reports.append((shard, pages, findings, report.get("site_pages")))
    shards = [shard for shard, *_ in reports]
    counts = {shard.count for shard in shards}
    if len(counts) != 1:
        raise MergeError("the reports come from different splits: "
                         + ", ".join(map(str, shards)))
    count = counts.pop()
    missing = sorted(set(range(1, count + 1)) - {s.index for s in shards})
    doubled = sorted({s.index for s in shards if shards.count(s) > 1})
    if missing or doubled:
        raise MergeError(f"expected one report for each of {count} shards; "
                         f"missing: {missing or 'none'}, more than once: {doubled or 'none'}")
    all_pages = sorted(page for _, pages, _, _ in reports for page in pages)
    site_pages = {size for *_, size in reports}
    if len(site_pages) != 1 or site_pages.pop() != len(all_pages):
        raise MergeError("the shards' pages do not add up to the whole site: were they "
                         "checked on the same build?")
    return Outcome(all_pages, [f for _, _, findings, _ in reports for f in findings],
                   site_pages=len(all_pages))
