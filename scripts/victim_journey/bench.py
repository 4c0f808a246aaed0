"""Benchmark: how the build scales with the number of pages, side by side with plain
Material for MkDocs building the same pages.

Speed is measured here, never asserted in tests: absolute times on shared machines are
noisy, so the report gives ratios measured in one run, with the median of several
interleaved repetitions.
"""

from __future__ import annotations

import gzip
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

import yaml

from .check import check_content

PROJECT_PARTS = ("journey", "docs", "overrides", "mkdocs.yml")
# Stages a synthetic service helps at; it cycles through them, so every stage's page and
# the services index grow as services are added, as they would in a real deployment.
SYNTHETIC_TEXT = (
    "This service gives free and private help to people affected by crime in this area. "
    "You can contact them yourself. You do not need to report the crime first.\n\n"
    "They can listen, give practical help, and explain what happens next."
)


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_rss_mib: float
    pages: int


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


def make_project(source: Path, dest: Path, extra_services: int) -> Path:
    """A copy of the project with `extra_services` synthetic service files added."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy(src, dest / part)
    stage_ids = sorted(p.stem for p in (dest / "journey" / "stages").glob("*.yml"))
    template = yaml.safe_load(next((dest / "journey" / "services").glob("*.yml")).read_text())
    for index in range(extra_services):
        service = {
            "name": f"Local victim service {index + 1}",
            "summary": "A local service that helps victims of crime in one area.",
            "what_they_do": SYNTHETIC_TEXT,
            "who_they_help": "Anyone affected by crime in this area.",
            "stages": [stage_ids[index % len(stage_ids)], stage_ids[(index + 3) % len(stage_ids)]],
            "contact": {"website": f"https://service-{index + 1}.example.org.uk"},
            "sources": [{"title": "The service's own website",
                         "url": f"https://service-{index + 1}.example.org.uk"}],
            "owner": template["owner"],
            "last_reviewed": template["last_reviewed"],
        }
        path = dest / "journey" / "services" / f"local-victim-service-{index + 1:05d}.yml"
        path.write_text(yaml.safe_dump(service, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
    return dest


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
    checked = check_content(project / "journey", root=project, docs_dir=project / "docs")
    for page in checked.pages:
        target = dest / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for doc in (project / "docs").rglob("*.md"):
        target = dest / doc.relative_to(project / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Hand-written pages may use front matter the baseline does not understand;
        # their text is what matters for the comparison.
        shutil.copy(doc, target)
    return len(checked.pages)


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time and peak resident memory (MiB) of one child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The log goes to a file, not a pipe: a big build logs more than a pipe holds, and
    # the child would block on it while we wait for it to end.
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        log.seek(0)
        stderr = log.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-4000:]}")
    # ru_maxrss is in KiB on Linux.
    return elapsed, usage.ru_maxrss / 1024


def _build(project: Path, site: Path, strict: bool) -> Measurement:
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)]
    if strict:
        command.insert(4, "--strict")
    seconds, rss = _timed(command, project)
    pages = sum(1 for _ in site.rglob("index.html"))
    return Measurement(seconds, rss, pages)


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


def run(source: Path, sizes: list[int], repeats: int) -> list[SizeResult]:
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
                    [sys.executable, "-m", "victim_journey", "validate"], project)[0])
                ours.append(_build(project, work / f"site-ours-{size}-{attempt}", True))
                theirs.append(_build(plain, work / f"site-plain-{size}-{attempt}", False))
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
            ))
    return results


def _median(measurements: list[Measurement]) -> Measurement:
    return Measurement(statistics.median(m.seconds for m in measurements),
                       max(m.peak_rss_mib for m in measurements), measurements[0].pages)


def report(results: list[SizeResult]) -> str:
    lines = [
        "| extra services | pages | validate (s) | our build (s) | ms/page | plain Material (s) "
        "| ratio ours/plain | peak memory (MiB) | home page (KiB gz) | stage page (KiB gz) "
        "| search index (KiB gz) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.extra_services} | {r.pages} | {r.validate_s:.2f} | {r.ours.seconds:.2f} "
            f"| {1000 * r.ours.seconds / r.pages:.1f} | {r.plain.seconds:.2f} "
            f"| {r.ours.seconds / r.plain.seconds:.2f} | {r.ours.peak_rss_mib:.0f} "
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
    return "\n".join(lines) + "\n"
