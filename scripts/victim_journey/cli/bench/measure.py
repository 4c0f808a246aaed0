"""The benchmark's measurements: our build against plain Material's, side by side, at
each size; then the accessibility check, the preview after an edit and the first paint.

Each build is timed as a set of child processes: wall time, CPU time (user and system,
every process) and peak memory. Repetitions are interleaved, ours then plain, so that a
noisy moment hurts both sides alike; the report takes medians."""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from victim_journey.cli.bench.first_paint import measure_first_paint
from victim_journey.cli.bench.preview import measure_preview
from victim_journey.cli.bench.projects import (
    dump_rendered_pages,
    make_plain_material_project,
    make_project,
)
from victim_journey.cli.bench.report import (
    BenchRun,
    CheckCost,
    Measurement,
    PageWeights,
    SizeResult,
)
from victim_journey.cli.build import mkdocs_command
from victim_journey.content.languages import LANGUAGES


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
    """The whole of `victim-journey build --no-a11y`, as editors and CI run it: its one
    content check, then every language's build side by side (its children's CPU time
    counts: wait4 reports a process's own and that of the children it waited for)."""
    seconds, cpu, rss = _timed([[sys.executable, "-m", "victim_journey", "--root",
                                 str(project), "build", "--no-a11y",
                                 "--site-dir", str(site)]], project)
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


@dataclass(frozen=True)
class BenchOptions:
    repeats: int = 3
    a11y: bool = True         # the accessibility check, once per size
    first_paint: bool = True  # the Exit control's first paint, on the real site
    preview: bool = True      # the preview after an edit, at each size


def sample_pages(site: Path) -> list[str]:
    """The pages the benchmark weighs and paints: the home page and the first stage page,
    in every language ("", "stages/x/", "cy/", "cy/stages/x/")."""
    stage = sorted((site / "stages").glob("*/index.html"))[0].parent.relative_to(site)
    return [f"{language.prefix}{page}" for language in LANGUAGES.values()
            for page in ("", f"{stage.as_posix()}/")]


def page_weights(site: Path) -> PageWeights:
    """A first visit to the home page and a stage page, in English and in Welsh."""
    on_load = search_index_loads_on_page_load(site)
    home, stage, welsh_home, welsh_stage = (
        first_visit_kib(site, site / page / "index.html", search_index_on_load=on_load)
        for page in sample_pages(site))
    return PageWeights(home, stage, welsh_home, welsh_stage)


def measure(source: Path, sizes: list[int], options: BenchOptions | None = None
            ) -> BenchRun:
    options = options or BenchOptions()
    results = []
    exit_painted: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="vj-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:
            project = make_project(source, work / f"ours-{size}", size)
            rendered = work / f"rendered-{size}"
            dump_rendered_pages(project, rendered)
            plain = make_plain_material_project(rendered, work / f"plain-{size}")
            validate_times, ours, theirs = [], [], []
            for attempt in range(options.repeats):
                # Interleave so that a noisy moment hurts both sides alike.
                validate_times.append(_timed(
                    [[sys.executable, "-m", "victim_journey", "validate"]], project)[0])
                ours.append(_build_ours(project, work / f"site-ours-{size}-{attempt}"))
                theirs.append(_build_plain(plain, work / f"site-plain-{size}-{attempt}"))
            site = work / f"site-ours-{size}-0"
            if options.first_paint and not exit_painted:
                exit_painted = measure_first_paint(site, sample_pages(site))
            index = site / "search" / "search_index.json"
            results.append(SizeResult(
                extra_services=size,
                pages=ours[0].pages,
                validate_s=statistics.median(validate_times),
                ours=_median(ours),
                plain=_median(theirs),
                weights=page_weights(site),
                search_index_kib=len(gzip.compress(index.read_bytes(), 9)) / 1024
                if index.is_file() else 0.0,
                # Once per size, after the builds: it takes far longer than they do.
                check=measure_check(source, site, work / f"a11y-{size}")
                if options.a11y else None,
                preview_s=measure_preview(project) if options.preview else None,
            ))
    return BenchRun(results, exit_painted)


def _median(measurements: list[Measurement]) -> Measurement:
    return Measurement(statistics.median(m.seconds for m in measurements),
                       statistics.median(m.cpu_seconds for m in measurements),
                       max(m.peak_rss_mib for m in measurements), measurements[0].pages)
