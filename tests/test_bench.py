"""The benchmark runs end to end on a tiny size. It reports times; nothing here asserts
on a time, only on what the report contains."""

from __future__ import annotations

from pathlib import Path

from victim_journey.bench import make_project, report, run
from victim_journey.check import check_content

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
    results = run(ROOT, [0, 2], repeats=1)
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
