"""Search never dead-ends: crisis and situation words find the help, typed into the real
search box in Chromium (tests/search_queries_crisis.yml); a search that finds nothing
shows the help, in plain words, in both languages, and Enter then goes to the A to Z;
words match whole, and each result shows its page's summary."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_search import (
    COUNT_WORKER_MESSAGES,
    REQUIRED_SHARE,
    SearchQuery,
    SearchRun,
    _describe,
    _run_queries,
    _type_query,
    assert_finds_its_page,
    load_queries,
    open_search,
)
from victim_journey.content.journey import Journey

CRISIS_QUERIES = load_queries(Path(__file__).with_name("search_queries_crisis.yml"))
HELP = "[data-vj-search-help]"


@pytest.fixture(scope="module")
def crisis_run(browser: object, site_url: str) -> Iterator[SearchRun]:
    yield from _run_queries(browser, site_url, CRISIS_QUERIES)


@pytest.fixture
def search_page(browser: object, site_url: str) -> Iterator[object]:
    """opens search on a page: search_page(path) gives the page and its search box."""
    contexts = []

    def opener(path: str) -> tuple[object, object]:
        context = browser.new_context(viewport={"width": 375, "height": 667})  # type: ignore[attr-defined]
        contexts.append(context)
        context.add_init_script(COUNT_WORKER_MESSAGES)
        page = context.new_page()
        page.goto(site_url + path)
        return page, open_search(page)

    yield opener
    for context in contexts:
        context.close()


def test_the_crisis_table_is_well_formed(page_paths: list[str]) -> None:
    assert len(CRISIS_QUERIES) >= 25
    queries = [q.query.casefold() for q in CRISIS_QUERIES]
    assert len(queries) == len(set(queries)), "each query once"
    assert all(q.rank in (1, 3) for q in CRISIS_QUERIES)
    missing = sorted({q.expect for q in CRISIS_QUERIES} - set(page_paths))
    assert not missing, f"search_queries_crisis.yml expects pages that do not exist: {missing}"


@pytest.mark.parametrize("item", CRISIS_QUERIES, ids=[q.query for q in CRISIS_QUERIES])
def test_crisis_query_finds_its_page(crisis_run: SearchRun, item: SearchQuery) -> None:
    assert_finds_its_page(crisis_run, item, "search_queries_crisis.yml")


def test_at_least_90_percent_of_crisis_queries_find_their_page(crisis_run: SearchRun) -> None:
    passing = [q for q in CRISIS_QUERIES if q.passes(crisis_run.results[q.query])]
    needed = math.ceil(REQUIRED_SHARE * len(CRISIS_QUERIES))
    assert len(passing) >= needed, "\n".join(
        _describe(q, crisis_run.results[q.query]) for q in CRISIS_QUERIES if q not in passing)


def test_crisis_searches_send_nothing_elsewhere(crisis_run: SearchRun, site_url: str) -> None:
    assert all(url.startswith(site_url) for url in crisis_run.requests)
    assert crisis_run.storage == {"local": 0, "session": 0, "cookies": 0}


@pytest.mark.parametrize(("path", "none_text", "a_to_z"), [
    ("stages/the-trial/", "No pages match those words.", "a-to-z/"),
    ("cy/stages/the-trial/", "Does dim tudalennau'n cyfateb i'r geiriau hynny.", "cy/a-to-z/"),
])
def test_a_search_that_finds_nothing_shows_the_help_and_enter_goes_on(
        search_page: object, site_url: str, path: str, none_text: str, a_to_z: str) -> None:
    page, box = search_page(path)  # type: ignore[operator]
    assert not page.locator(HELP).is_visible()
    assert _type_query(page, box, "qqxqzz") == []
    assert page.locator(".md-search-result__meta").inner_text().strip() == none_text
    help_box = page.locator(HELP)
    assert help_box.is_visible()
    assert help_box.locator("a[href='tel:999']").is_visible()
    hrefs = [a.get_attribute("href") for a in help_box.locator("a").all()]
    assert hrefs[1:] == ["../../where-am-i/in-danger/", "../../a-to-z/", "../../where-am-i/"]
    box.press("Enter")
    page.wait_for_url(site_url + a_to_z + "*")
    assert "qqxqzz" not in page.url


def test_the_help_stays_under_results_that_are_found(search_page: object) -> None:
    page, box = search_page("")  # type: ignore[operator]
    assert _type_query(page, box, "scared")[0] == "where-am-i/in-danger/"
    assert page.locator(HELP).is_visible()


def test_short_words_match_whole_not_as_the_start_of_longer_words(
        search_page: object) -> None:
    page, box = search_page("")  # type: ignore[operator]
    # "kil" is only the start of "kill": it finds nothing, and "go" does not find the
    # pages that say only "GOV.UK".
    assert _type_query(page, box, "kil") == []
    box.fill("")
    assert "where-am-i/in-danger/" in _type_query(page, box, "kill")
    box.fill("")
    with_gov = set(_type_query(page, box, "gov"))
    box.fill("")
    with_go = set(_type_query(page, box, "go"))
    assert with_gov - with_go, "'go' still finds every page that says 'GOV'"
    box.fill("")
    # Longer words still find longer forms: readers type "stalk" for "stalking".
    assert "services/national-stalking-helpline/" in _type_query(page, box, "stalk")


def test_each_result_shows_the_page_summary_not_its_step_number(
        search_page: object, real_journey: Journey) -> None:
    page, box = search_page("")  # type: ignore[operator]
    _type_query(page, box, "NFA")
    first = page.locator(".md-search-result__item").first
    text = first.locator("article").first.inner_text()
    assert real_journey.stages["no-charge-police"].summary in text
    assert "Step" not in text
