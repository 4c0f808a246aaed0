"""The benchmark runs end to end on a tiny size. It reports times; nothing here asserts
on a time, only on what the report contains."""

from __future__ import annotations

from pathlib import Path

from victim_journey.cli.bench import (
    CheckCost,
    Measurement,
    SizeResult,
    make_project,
    measure,
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
    results = measure(ROOT, [0, 2], repeats=1, a11y=False)
    assert [r.extra_services for r in results] == [0, 2]
    # Two more service pages in each language.
    assert results[1].pages == results[0].pages + 4
    # The baseline builds exactly the same number of pages.
    assert all(r.plain.pages == r.pages for r in results)
    assert all(r.ours.peak_rss_mib > 0 and r.home_kib > 0 for r in results)
    assert all(r.ours.cpu_seconds > 0 and r.plain.cpu_seconds > 0 for r in results)
    text = report(results)
    assert "| ratio ours/plain |" in text and "| CPU ratio ours/plain |" in text
    assert "Cost of each added service page" in text


def test_report_sets_the_check_against_the_build() -> None:
    def size(services: int, pages: int, check_cpu: float) -> SizeResult:
        build = Measurement(10.0, 20.0, 100.0, pages)
        check = CheckCost(Measurement(30.0, check_cpu, 300.0, pages), 1.5, 2.5)
        return SizeResult(services, pages, 1.0, build, build, 40.0, 41.0, 16.0, check)

    text = report([size(0, 100, 50.0), size(150, 400, 240.0)])
    assert "| 0 | 100 | 30.0 | 50.0 | 500 | 2.5 | 3.0 | 1.5 | 2.5 | 0 |" in text
    assert "| 150 | 400 | 30.0 | 240.0 | 600 | 12.0 | 3.0 | 1.5 | 2.5 | 0 |" in text
    assert "Check CPU per page, 400 against 100 pages: 1.20 (1 is linear)" in text
