"""The benchmark runs end to end on a tiny size. It reports times; nothing here asserts
on a time, only on what the report contains."""

from __future__ import annotations

from pathlib import Path

from victim_journey.cli.bench.measure import BenchOptions, measure
from victim_journey.cli.bench.projects import make_project
from victim_journey.cli.bench.report import (
    BenchRun,
    CheckCost,
    Goal,
    Measurement,
    PageWeights,
    SizeResult,
    goals,
    report,
)
from victim_journey.pipeline import check_content

ROOT = Path(__file__).resolve().parent.parent


def test_synthetic_services_are_valid_content(tmp_path: Path) -> None:
    project = make_project(ROOT, tmp_path / "p", 5)
    checked = check_content(project / "journey", root=project, docs_dir=project / "docs")
    assert [p.format_text() for p in checked.problems if p.severity == "error"] == []
    added = {f"services/{p.stem}.md" for p in (project / "journey" / "services").glob("*.yml")
             } - {f"services/{p.stem}.md" for p in (ROOT / "journey" / "services").glob("*.yml")}
    services = [p for p in checked.pages if p.path in added]
    assert len(services) == 5 == len({p.title for p in services})  # each its own name
    # Each has a Welsh translation, stamped, as a real deployment's would be.
    assert [p.format_text() for p in checked.problems if p.code.startswith("translation")] == []
    welsh = [p for p in checked.editions["cy"].pages if p.path in added]
    assert len(welsh) == 5 and "(cy)" in welsh[0].markdown


def test_bench_reports_both_builds_side_by_side() -> None:
    run = measure(ROOT, [0, 2], BenchOptions(repeats=1, a11y=False, first_paint=False,
                                             preview=False))
    results = run.sizes
    assert [r.extra_services for r in results] == [0, 2]
    # Two more service pages in each language.
    assert results[1].pages == results[0].pages + 4
    # The baseline builds exactly the same number of pages.
    assert all(r.plain.pages == r.pages for r in results)
    assert all(r.ours.peak_rss_mib > 0 for r in results)
    # Both languages are weighed, and the Welsh pages are not the English ones.
    weights = results[0].weights
    assert min(weights.home_kib, weights.stage_kib, weights.welsh_home_kib,
               weights.welsh_stage_kib) > 10
    assert weights.welsh_home_kib != weights.home_kib
    assert all(r.ours.cpu_seconds > 0 and r.plain.cpu_seconds > 0 for r in results)
    text = report(run)
    assert "| ratio ours/plain |" in text and "| CPU ratio ours/plain |" in text
    assert "Cost of each added service (CPU ms)" in text
    # What was left out is said to be unmeasured, never passed.
    verdicts = {g.name: g.verdict for g in goals(run)}
    assert verdicts["Exit control painted on emulated slow 3G (400 ms, 400 kbit/s), median"] \
        == "not measured"
    assert sum(v == "not measured" for v in verdicts.values()) >= 6


def _size(services: int, pages: int, *, cpu: float = 20.0, plain_cpu: float = 20.0,
          check_cpu: float | None = None, preview_s: float | None = None,
          heaviest_kib: float = 41.0) -> SizeResult:
    build = Measurement(10.0, cpu, 100.0, pages)
    plain = Measurement(10.0, plain_cpu, 100.0, pages)
    check = None if check_cpu is None else CheckCost(
        Measurement(30.0, check_cpu, 300.0, pages), 1.5, 2.5)
    return SizeResult(services, pages, 1.0, build, plain,
                      PageWeights(40.0, heaviest_kib, 40.5, 41.5), 16.0, check, preview_s)


def test_report_sets_the_check_against_the_build() -> None:
    text = report(BenchRun([_size(0, 100, check_cpu=50.0), _size(150, 400, check_cpu=240.0)]))
    assert "| 0 | 100 | 30.0 | 50.0 | 500 | 2.5 | 3.0 | 1.5 | 2.5 | 0 |" in text
    assert "| 150 | 400 | 30.0 | 240.0 | 600 | 12.0 | 3.0 | 1.5 | 2.5 | 0 |" in text
    by_name = {g.name: g for g in goals(BenchRun([_size(0, 100, check_cpu=50.0),
                                                  _size(150, 400, check_cpu=240.0)]))}
    scaling = by_name["Accessibility check's CPU time per page, largest site against smallest"]
    assert scaling.measured.startswith("1.20 ") and scaling.met is True
    cold = by_name["Accessibility check from an empty cache, CPU time against the build's"]
    assert cold.measured == "2.5 times at 100 pages, 12.0 times at 400 pages"
    assert cold.met is False


def _goal(run: BenchRun, start: str) -> Goal:
    return next(g for g in goals(run) if g.name.startswith(start))


def test_each_goal_is_judged_by_its_own_limit() -> None:
    # CPU per added service: (26 - 20) / 150 = 40 ms, (80 - 20) / 1500 = 40 ms.
    linear = [_size(0, 56, cpu=20.0), _size(150, 356, cpu=26.0),
              _size(1500, 3056, cpu=80.0, plain_cpu=64.0)]
    run = BenchRun(linear, {"": 900.0, "cy/": 1150.0})
    assert _goal(run, "CPU cost of each added").measured.startswith("1.00 ")
    assert _goal(run, "CPU cost of each added").met is True
    assert _goal(run, "Build CPU time against").measured == "1.25 at 3,056 pages"
    assert _goal(run, "Build CPU time against").met is True
    assert _goal(run, "Exit control painted").met is True
    assert "/cy/: 1,150 ms" in _goal(run, "Exit control painted").measured

    # The cost per added service grows: 40 ms, then (200 - 20) / 1500 = 120 ms.
    growing = [linear[0], linear[1], _size(1500, 3056, cpu=200.0, plain_cpu=100.0,
                                           heaviest_kib=45.0)]
    run = BenchRun(growing, {"": 1250.0})
    assert _goal(run, "CPU cost of each added").measured.startswith("3.00 ")
    assert _goal(run, "CPU cost of each added").met is False
    assert _goal(run, "Build CPU time against").met is False
    assert _goal(run, "Exit control painted").met is False
    assert _goal(run, "First visit").met is False
    assert _goal(run, "First visit").measured == "45.0 KiB at the heaviest"


def test_preview_goals_are_per_size() -> None:
    run = BenchRun([_size(0, 56, preview_s=0.4), _size(1500, 3056, preview_s=6.0)])
    assert _goal(run, "Preview: saving a YAML file to `mkdocs serve` serving it, the real"
                 ).met is True
    assert _goal(run, "Preview: saving a YAML file to `mkdocs serve` serving it, 1,500"
                 ).met is False
    assert _goal(BenchRun([_size(0, 56)]), "Preview").met is None
    assert "| **not met** |" in report(run) and "| met |" in report(run)
