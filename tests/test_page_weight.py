"""First visits stay light: at most 80 KB compressed for the home page and every stage
page, everything included, measured in a real browser. Material's JavaScript and the
search index load only when a reader starts a search."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

LIMIT_BYTES = 80 * 1024
ON_DEMAND = ("bundle.", "workers/search.", "search_index.json")


def first_visit(browser: object, url: str, site: Path, base: str) -> dict[str, int]:
    """Each file a first visit fetches, with its gzip-compressed size."""
    context = browser.new_context(viewport={"width": 390, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    sizes = {}
    for address in fetched:
        assert address.startswith(base), f"request to another host: {address}"
        path = address[len(base):].split("?")[0].split("#")[0]
        file = site / path
        if file.is_dir() or path == "":
            file = file / "index.html"
        sizes[path or "/"] = len(gzip.compress(file.read_bytes(), 9))
    return sizes


def weighed_pages(page_paths: list[str]) -> list[str]:
    """The home page and every stage page, in each language."""
    return [p for p in page_paths
            if p.removeprefix("cy/") == "" or p.removeprefix("cy/").startswith("stages/")]


def test_first_visits_weigh_at_most_80_kb(browser: object, built_site: Path, site_url: str,
                                          page_paths: list[str]) -> None:
    report = {}
    for path in weighed_pages(page_paths):
        sizes = first_visit(browser, site_url + path, built_site, site_url)
        loaded_on_demand = [name for name in sizes if any(m in name for m in ON_DEMAND)]
        assert loaded_on_demand == [], f"{path or '/'} loads {loaded_on_demand} on arrival"
        report[path or "/"] = sum(sizes.values())
    too_heavy = {page: size for page, size in report.items() if size > LIMIT_BYTES}
    assert too_heavy == {}, report
    assert len(report) >= 9


@pytest.mark.parametrize("start", ["focus", "tap"])
def test_search_loads_material_when_a_reader_starts_searching(
        browser: object, site_url: str, start: str) -> None:
    width = 1200 if start == "focus" else 390
    context = browser.new_context(viewport={"width": width, "height": 800},  # type: ignore[attr-defined]
                                  has_touch=start == "tap")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(site_url + "stages/the-trial/")
    page.wait_for_load_state("networkidle")
    fetched.clear()
    if start == "focus":
        page.focus(".md-search__input")
    else:
        page.tap("button[data-vj-header-button='__search']")  # vj-header-buttons.js
    page.locator(".md-search__input").press_sequentially("court", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert any("search_index.json" in url for url in fetched)
    assert any("/bundle." in url for url in fetched)
    assert "court" not in page.url
    context.close()
