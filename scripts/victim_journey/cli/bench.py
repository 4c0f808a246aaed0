"""Benchmark: how the build scales with the number of pages, side by side with plain
Material for MkDocs building the same pages.

Our build is the real one: every language (English and Welsh), each its own MkDocs
process, run side by side as `victim-journey build` runs them. Plain Material builds the
same Markdown pages of both languages in one process. The report gives both the wall
time (what an editor waits for) and the CPU time (the work done, which running side by
side does not reduce), so that neither hides the other.

Then, once per size, the accessibility check of our built site, as
`victim-journey check-a11y` runs it: from an empty cache, again with nothing changed, and
again with one page changed, set against the build in CPU and wall time.

Speed is measured here, never asserted in tests: absolute times on shared machines are
noisy, so the report gives ratios measured in one run, with the median of several
interleaved repetitions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from victim_journey.cli.build import edition_builds, mkdocs_command
from victim_journey.cli.local_branches import local_branches
from victim_journey.cli.support import Commands
from victim_journey.content.languages import LANGUAGES, SOURCE_LANGUAGE
from victim_journey.i18n.fields import text_hash
from victim_journey.pipeline import check_content

PROJECT_PARTS = ("journey", "docs", "mkdocs.yml", "mkdocs.cy.yml")
# Stages a synthetic service helps at; it cycles through them, so every stage's page and
# the services index grow as services are added, as they would in a real deployment.
SYNTHETIC_TEXT = (
    "This service gives free and private help to people affected by crime in this area. "
    "You can contact them yourself. You do not need to report the crime first.\n\n"
    "They can listen, give practical help, and explain what happens next."
)


@dataclass(frozen=True)
class Measurement:
    seconds: float          # wall time, from the first process's start to the last's end
    cpu_seconds: float      # user and system time of every process
    peak_rss_mib: float     # the largest of the processes
    pages: int


@dataclass(frozen=True)
class CheckCost:
    """The accessibility check of one built site, from an empty cache, then again with
    nothing changed, then with one page changed (the incremental mode)."""

    cold: Measurement
    unchanged_s: float
    one_page_changed_s: float
    problems: int = 0  # what the check found: the synthetic site should have none


@dataclass(frozen=True)
class SizeResult:
    extra_services: int
    pages: int
    validate_s: float
    ours: Measurement
    plain: Measurement
    home_kib: float
    stage_kib: float
    search_index_kib: float
    check: CheckCost | None = None


def make_project(source: Path, dest: Path, extra_services: int) -> Path:
    """A copy of the project with `extra_services` local services added: local branches
    of 10 charities, each with its own name and area (local_branches.py). Each helps at
    two stages, cycling through them, so every stage's page and the services directory
    grow as services are added, as they would in a real deployment."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy(src, dest / part)
    stage_ids = sorted(p.stem for p in (dest / "journey" / "stages").glob("*.yml"))
    template = yaml.safe_load(next((dest / "journey" / "services").glob("*.yml")).read_text())
    for branch in local_branches(extra_services, stage_ids, owner=template["owner"],
                                 last_reviewed=template["last_reviewed"]):
        path = dest / "journey" / "services" / branch.file_name
        path.write_text(yaml.safe_dump(branch.data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
        _add_translations(dest, path.name, branch.data, template["last_reviewed"])
    return dest


def _add_translations(project: Path, name: str, service: dict[str, Any],
                      translated_on: object) -> None:
    """A translation of a synthetic service in each other language, stamped against its
    English, as a real deployment's would be (the text is a stand-in of the same length)."""
    fields = ("name", "summary", "what_they_do", "who_they_help", "area", "provider",
              "also_known_as")
    for language in LANGUAGES.values():
        if language is SOURCE_LANGUAGE:
            continue
        english = {field: tuple(value) if isinstance(value, list) else str(value)
                   for field in fields if (value := service.get(field))}
        translation: dict[str, object] = {"translation": {
            "needs_fluent_check": True, "translated_on": translated_on,
            "english": {field: text_hash(text) for field, text in english.items()}}}
        translation |= {field: [f"({language.code}) {word}" for word in text]
                        if isinstance(text, tuple) else f"({language.code}) {text}"
                        for field, text in english.items()}
        path = project / "journey" / language.code / "services" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(translation, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")


def make_plain_material_project(rendered: Path, dest: Path) -> Path:
    """Plain Material building the very same Markdown pages, with a small nav, and none
    of our plugin, templates or checks: the baseline for the ratio."""
    shutil.copytree(rendered, dest / "docs")
    top_level = sorted(p.relative_to(dest / "docs").as_posix()
                       for p in (dest / "docs").glob("*.md"))
    config = {
        "site_name": "Plain Material baseline",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": ["md_in_html", "toc"],
        "nav": top_level,
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return dest


def dump_rendered_pages(project: Path, dest: Path) -> int:
    """Every page of every language as Markdown, each language under its prefix (the
    Welsh under cy/), with the hand-written pages: what the baseline builds."""
    checked = check_content(project / "journey", root=project, docs_dir=project / "docs")
    count = 0
    for code, edition in checked.editions.items():
        prefix = LANGUAGES[code].prefix
        for page in edition.pages:
            target = dest / prefix / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        hand_written = project / "docs" / code
        for doc in hand_written.rglob("*.md"):
            target = dest / prefix / doc.relative_to(hand_written)
            target.parent.mkdir(parents=True, exist_ok=True)
            # Hand-written pages may use front matter the baseline does not understand;
            # their text is what matters for the comparison.
            shutil.copy(doc, target)
        count += len(edition.pages)
    return count


def _timed(commands: list[list[str]], cwd: Path, *, must_succeed: bool = True
           ) -> tuple[float, float, float]:
    """Wall time, CPU time (user and system, all processes) and the largest peak resident
    memory (MiB) of child processes run side by side. A failure raises RuntimeError
    unless `must_succeed` is False (then its log is printed and the times still count)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The logs go to files, not pipes: a big build logs more than a pipe holds, and the
    # child would block on it while we wait for it to end.
    logs = [tempfile.TemporaryFile() for _ in commands]  # noqa: SIM115 (closed below)
    start = time.perf_counter()
    running = {subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                stderr=log).pid: (command, log)
               for command, log in zip(commands, logs, strict=True)}
    cpu, peak, failures = 0.0, 0.0, []
    while running:
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        command, log = running.pop(pid)
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux
        if os.waitstatus_to_exitcode(status) != 0:
            log.seek(0)
            failures.append(f"{' '.join(command)} failed:\n"
                            f"{log.read().decode(errors='replace')[-4000:]}")
    elapsed = time.perf_counter() - start
    for log in logs:
        log.close()
    if failures and must_succeed:
        raise RuntimeError("\n".join(failures))
    for failure in failures:
        print(failure, file=sys.stderr)
    return elapsed, cpu, peak


def _build_ours(project: Path, site: Path) -> Measurement:
    """Every language side by side, as `victim-journey build` does (build.build_all)."""
    builds = edition_builds(project, site)
    seconds, cpu, rss = _timed([build.command() for build in builds], project)
    for build in builds:
        build.put_in_place(site)
    return Measurement(seconds, cpu, rss, sum(1 for _ in site.rglob("index.html")))


def _build_plain(project: Path, site: Path) -> Measurement:
    seconds, cpu, rss = _timed([mkdocs_command(project / "mkdocs.yml", site, strict=False)],
                               project)
    return Measurement(seconds, cpu, rss, sum(1 for _ in site.rglob("index.html")))


_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def first_visit_kib(site: Path, page: Path, *, search_index_on_load: bool) -> float:
    """Compressed size of a first visit: the HTML, the CSS and JavaScript it loads, and
    the search index where it is fetched on page load."""
    html = page.read_text(encoding="utf-8")
    files = [page]
    for href in _ASSET.findall(html):
        if "://" in href or href.startswith("//"):
            continue
        target = (page.parent / href.split("?")[0]).resolve()
        if target.is_file():
            files.append(target)
    if search_index_on_load and (site / "search" / "search_index.json").is_file():
        files.append(site / "search" / "search_index.json")
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files) / 1024


def search_index_loads_on_page_load(site: Path) -> bool:
    """Material fetches the index as soon as its bundle runs, unless our theme loads the
    bundle on demand (then the page carries data-vj-material)."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return 'data-md-component="search"' in home and "data-vj-material=" not in home


def check_command(source: Path, site: Path, work: Path) -> list[str]:
    return [sys.executable, "-m", "victim_journey", "--root", str(source), "check-a11y",
            "--site-dir", str(site), "--report-dir", str(work / "reports"),
            "--cache", str(work / "cache.json")]


def measure_check(source: Path, site: Path, work: Path) -> CheckCost:
    """The check as `victim-journey check-a11y` runs it, with a cache of its own."""
    work.mkdir(parents=True, exist_ok=True)
    command = check_command(source, site, work)
    pages = sum(1 for _ in site.rglob("*.html"))
    # A page the check fails (or could not check) is reported, not fatal: the times
    # still say what the check costs, and the report says it failed.
    seconds, cpu, rss = _timed([command], source, must_succeed=False)
    report = json.loads((work / "reports" / "accessibility.json").read_text(encoding="utf-8"))
    unchanged = _timed([command], source, must_succeed=False)[0]
    page = next((site / "stages").glob("*/index.html"))
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->\n",
                    encoding="utf-8")
    one_changed = _timed([command], source, must_succeed=False)[0]
    return CheckCost(Measurement(seconds, cpu, rss, pages), unchanged, one_changed,
                     problems=int(report.get("blocking", 0)))


def measure(source: Path, sizes: list[int], repeats: int, *, a11y: bool = True
        ) -> list[SizeResult]:
    results = []
    with tempfile.TemporaryDirectory(prefix="vj-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            project = make_project(source, work / f"ours-{size}", size)
            rendered = work / f"rendered-{size}"
            dump_rendered_pages(project, rendered)
            plain = make_plain_material_project(rendered, work / f"plain-{size}")
            validate_times, ours, theirs = [], [], []
            for attempt in range(repeats):
                # Interleave so that a noisy moment hurts both sides alike.
                validate_times.append(_timed(
                    [[sys.executable, "-m", "victim_journey", "validate"]], project)[0])
                ours.append(_build_ours(project, work / f"site-ours-{size}-{attempt}"))
                theirs.append(_build_plain(plain, work / f"site-plain-{size}-{attempt}"))
            site = work / f"site-ours-{size}-0"
            stage = next((site / "stages").glob("*/index.html"))
            deferred = not search_index_loads_on_page_load(site)
            index = site / "search" / "search_index.json"
            results.append(SizeResult(
                extra_services=size,
                pages=ours[0].pages,
                validate_s=statistics.median(validate_times),
                ours=_median(ours),
                plain=_median(theirs),
                home_kib=first_visit_kib(site, site / "index.html",
                                         search_index_on_load=not deferred),
                stage_kib=first_visit_kib(site, stage, search_index_on_load=not deferred),
                search_index_kib=len(gzip.compress(index.read_bytes(), 9)) / 1024
                if index.is_file() else 0.0,
                # Once per size, after the builds: it takes far longer than they do.
                check=measure_check(source, site, work / f"a11y-{size}") if a11y else None,
            ))
    return results


def _median(measurements: list[Measurement]) -> Measurement:
    return Measurement(statistics.median(m.seconds for m in measurements),
                       statistics.median(m.cpu_seconds for m in measurements),
                       max(m.peak_rss_mib for m in measurements), measurements[0].pages)


def report(results: list[SizeResult]) -> str:
    lines = [
        "| extra services | pages (both languages) | validate (s) | our build (s) "
        "| our CPU (s) | ms/page | plain Material (s) | plain CPU (s) | ratio ours/plain "
        "| CPU ratio ours/plain | peak memory (MiB) | home page (KiB gz) "
        "| stage page (KiB gz) | search index (KiB gz) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.extra_services} | {r.pages} | {r.validate_s:.2f} | {r.ours.seconds:.2f} "
            f"| {r.ours.cpu_seconds:.2f} | {1000 * r.ours.seconds / r.pages:.1f} "
            f"| {r.plain.seconds:.2f} | {r.plain.cpu_seconds:.2f} "
            f"| {r.ours.seconds / r.plain.seconds:.2f} "
            f"| {r.ours.cpu_seconds / r.plain.cpu_seconds:.2f} | {r.ours.peak_rss_mib:.0f} "
            f"| {r.home_kib:.1f} | {r.stage_kib:.1f} | {r.search_index_kib:.1f} |")
    base = next((r for r in results if r.extra_services == 0), None)
    marginal = {}
    if base is not None:
        for r in results:
            if r.extra_services:
                marginal[r.extra_services] = (
                    1000 * (r.ours.seconds - base.ours.seconds) / r.extra_services)
    if marginal:
        lines.append("")
        lines.append("Cost of each added service page (ms), against the real site alone: "
                     + ", ".join(f"{n} services: {ms:.1f}" for n, ms in marginal.items()))
        if len(marginal) >= 2:
            small, large = min(marginal), max(marginal)
            lines.append(f"Ratio of per-page cost, {large} against {small} services: "
                         f"{marginal[large] / marginal[small]:.2f}")
    lines += check_report(results)
    return "\n".join(lines) + "\n"


def check_report(results: list[SizeResult]) -> list[str]:
    """The accessibility check against our build, in CPU time (the work) and wall time."""
    checked = [(r, r.check) for r in results if r.check is not None]
    if not checked:
        return []
    lines = ["", "| extra services | pages checked | check (s) | check CPU (s) "
             "| CPU ms/page | check/build CPU | check/build wall | again, nothing changed (s) "
             "| again, one page changed (s) | problems found |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r, check in checked:
        cold = check.cold
        lines.append(
            f"| {r.extra_services} | {cold.pages} | {cold.seconds:.1f} | {cold.cpu_seconds:.1f} "
            f"| {1000 * cold.cpu_seconds / cold.pages:.0f} "
            f"| {cold.cpu_seconds / r.ours.cpu_seconds:.1f} "
            f"| {cold.seconds / r.ours.seconds:.1f} | {check.unchanged_s:.1f} "
            f"| {check.one_page_changed_s:.1f} | {check.problems} |")
    if len(checked) >= 2:
        small, large = checked[0][1].cold, checked[-1][1].cold
        ratio = (large.cpu_seconds / large.pages) / (small.cpu_seconds / small.pages)
        lines += ["", f"Check CPU per page, {large.pages} against {small.pages} pages: "
                      f"{ratio:.2f} (1 is linear)"]
    return lines


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    sizes = [int(size) for size in args.sizes.split(",")]
    text = report(measure(root, sizes, args.repeats, a11y=not args.no_a11y))
    print(text)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def add_command(commands: Commands) -> None:
    bench = commands.add_parser("bench", help="time validate and build against plain "
                                              "Material, at several sizes")
    bench.add_argument("--sizes", default="0,150,1500,2000",
                       help="numbers of synthetic services to add, comma-separated")
    bench.add_argument("--repeats", type=int, default=3)
    bench.add_argument("--output", help="also write the report to this file")
    bench.add_argument("--no-a11y", action="store_true",
                       help="leave out the accessibility check (about half a CPU second "
                            "a page)")
    bench.set_defaults(func=run)
