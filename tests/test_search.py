"""The site's own search, used the way a reader uses it: typing into the search box of the
built site in Chromium and reading the results in order.

The query table is tests/search_queries.yml. At least 90% of its queries must find their
page; every query that does not must say why (`known_failure`), and a known failure that
starts to pass fails the test, so that the table stays true.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from victim_journey.search.config import SEPARATOR, search_words_in

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
# The Welsh pages' own table: Welsh words, typed into the search box of a Welsh page.
WELSH_QUERIES_FILE = Path(__file__).with_name("search_queries_cy.yml")
REQUIRED_SHARE = 0.9

# Counts the messages between Material's page script and its search worker, so the test
# reads the results of the last query typed, never those of a shorter prefix. Material's
# message types: 1 = index ready, 2 = query, 3 = result. The result list is rendered in
# the same task as the result message arrives.
COUNT_WORKER_MESSAGES = """
(() => {
  const counts = { ready: 0, sent: 0, received: 0 };
  window.__vjSearchCounts = counts;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 1) counts.ready += 1;
        if (event.data && event.data.type === 3) counts.received += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) counts.sent += 1;
      return super.postMessage(message, ...rest);
    }
  };
})();
"""

# The first link of each result is the page; the others are sections of that page.
READ_RESULT_PAGES = """
() => [...document.querySelectorAll(".md-search-result__item")].map(item => {
  const link = item.querySelector("a.md-search-result__link");
  return link ? new URL(link.href, location.href).pathname : null;
})
"""


@dataclass(frozen=True)
class SearchQuery:
    query: str
    expect: str
    rank: int
    known_failure: str | None

    def found_at(self, pages: list[str]) -> int | None:
        """The expected page's place in the results (1 is first), or None."""
        return pages.index(self.expect) + 1 if self.expect in pages else None

    def passes(self, pages: list[str]) -> bool:
        place = self.found_at(pages)
        return place is not None and place <= self.rank


def load_queries(path: Path = QUERIES_FILE) -> list[SearchQuery]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    return [SearchQuery(row["query"], row["expect"], int(row["rank"]),
                        row.get("known_failure")) for row in rows]


QUERIES = load_queries()
WELSH_QUERIES = load_queries(WELSH_QUERIES_FILE)


@dataclass
class SearchRun:
    results: dict[str, list[str]]  # query -> result pages, as paths without leading '/'
    requests: list[str]  # every request, from opening the page to the last query
    requests_while_typing: list[str]
    start_url: str
    urls_seen: list[str]
    storage: dict[str, int]


def _type_query(page: object, box: object, query: str) -> list[str]:
    counts = "window.__vjSearchCounts"
    before = page.evaluate(f"{counts}.sent")  # type: ignore[attr-defined]
    # Material searches on each key press. Typing every letter would search for each
    # prefix too, a second or so per query; the last key press searches the whole query,
    # as it does for a reader.
    box.fill(query[:-1])  # type: ignore[attr-defined]
    # fill() can leave the caret at the start of the box: the last letter must go last.
    box.press("End")  # type: ignore[attr-defined]
    box.press_sequentially(query[-1])  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        f"() => {counts}.sent > {before} && {counts}.sent === {counts}.received")
    # ...and Material has shown them: the line above the list then gives the number
    # found, in place of the "type to start searching" line of an empty box.
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('.md-search-result__meta').textContent.trim()"
        " !== window.__vjSearchEmptyMeta")
    typed = page.evaluate("() => document.querySelector('.md-search__input').value")  # type: ignore[attr-defined]
    assert typed == query, f"typed {typed!r} for {query!r}"
    pages = page.evaluate(READ_RESULT_PAGES)  # type: ignore[attr-defined]
    return [p.lstrip("/") for p in pages if p is not None]


@pytest.fixture(scope="module")
def search_run(browser: object, site_url: str) -> Iterator[SearchRun]:
    """Every query in the table, typed into the search box of one open page."""
    yield from _run_queries(browser, site_url, QUERIES)


@pytest.fixture(scope="module")
def welsh_search_run(browser: object, site_url: str) -> Iterator[SearchRun]:
    """Every Welsh query, typed into the search box of the Welsh home page."""
    yield from _run_queries(browser, site_url + "cy/", WELSH_QUERIES)


def open_search(page: object) -> object:
    """Opens the search on a page as a reader on a phone does, waits until the index is
    ready, and returns the search box."""
    # On a phone the folded search box is hidden until the magnifier button opens it
    # (vj-header-buttons.js), which also puts the caret in the box.
    page.click("button[data-vj-header-button='__search']")  # type: ignore[attr-defined]
    page.wait_for_function("() => window.__vjSearchCounts.ready > 0")  # type: ignore[attr-defined]
    # What Material says while the box is empty, in the page's language.
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')"  # type: ignore[attr-defined]
                           ".textContent.trim() !== ''")
    page.evaluate("() => { window.__vjSearchEmptyMeta = document.querySelector("  # type: ignore[attr-defined]
                  "'.md-search-result__meta').textContent.trim(); }")
    return page.locator(".md-search__input")  # type: ignore[attr-defined]


def _run_queries(browser: object, start_url: str, queries: list[SearchQuery]
                 ) -> Iterator[SearchRun]:
    # A phone-sized window: most readers search on a phone.
    context = browser.new_context(viewport={"width": 400, "height": 800})  # type: ignore[attr-defined]
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.add_init_script(COUNT_WORKER_MESSAGES)
    page = context.new_page()
    page.goto(start_url)
    box = open_search(page)
    results: dict[str, list[str]] = {}
    urls_seen = []
    typing_starts = len(requests)
    for item in queries:
        box.press("Backspace")  # the box is empty: start from a clean search each time
        results[item.query] = _type_query(page, box, item.query)
        urls_seen.append(page.url)
        box.fill("")
    storage = page.evaluate("() => ({local: localStorage.length, session: "
                            "sessionStorage.length, cookies: document.cookie.length})")
    yield SearchRun(results, requests, requests[typing_starts:], start_url, urls_seen, storage)
    context.close()


def _describe(item: SearchQuery, pages: list[str]) -> str:
    place = item.found_at(pages)
    where = f"at place {place}" if place else "not at all"
    return (f"{item.query!r}: wanted {item.expect} in the top {item.rank}, found it {where}; "
            f"results: {pages[:5]}")


def test_the_query_table_is_well_formed() -> None:
    assert len(QUERIES) >= 30
    queries = [q.query.casefold() for q in QUERIES]
    assert len(queries) == len(set(queries)), "each query once"
    for item in QUERIES:
        assert item.rank in (1, 3), item
        assert item.expect.endswith("/") and not item.expect.startswith("/"), item
        assert item.known_failure is None or item.known_failure.strip(), item


def test_every_expected_page_exists(page_paths: list[str]) -> None:
    missing = sorted({q.expect for q in QUERIES} - set(page_paths))
    assert not missing, f"search_queries.yml expects pages the site does not have: {missing}"


@pytest.mark.parametrize("item", QUERIES, ids=[q.query for q in QUERIES])
def test_query_finds_its_page(search_run: SearchRun, item: SearchQuery) -> None:
    assert_finds_its_page(search_run, item, "search_queries.yml")


def assert_finds_its_page(run: SearchRun, item: SearchQuery, table: str) -> None:
    """The query finds its page, or, if the table marks it a known failure, still fails."""
    pages = run.results[item.query]
    if item.known_failure:
        assert not item.passes(pages), (
            f"{_describe(item, pages)}. It passes now: delete its known_failure "
            f"in tests/{table}")
    else:
        assert item.passes(pages), _describe(item, pages)


def test_at_least_90_percent_of_queries_find_their_page(search_run: SearchRun) -> None:
    passing = [q for q in QUERIES if q.passes(search_run.results[q.query])]
    needed = math.ceil(REQUIRED_SHARE * len(QUERIES))
    failing = [_describe(q, search_run.results[q.query]) for q in QUERIES
               if q not in passing]
    assert len(passing) >= needed, "\n".join(failing)


def test_search_sends_nothing_elsewhere_and_keeps_no_trace(search_run: SearchRun) -> None:
    host = urlsplit(search_run.start_url).netloc
    elsewhere = [url for url in search_run.requests
                 if urlsplit(url).scheme not in ("data", "blob")
                 and urlsplit(url).netloc != host]
    assert not elsewhere
    # The search runs in the page: typing sends no request, so no query leaves the browser,
    # and no query lands in the address (Material's highlight feature would add "?h=").
    assert not search_run.requests_while_typing
    assert set(search_run.urls_seen) == {search_run.start_url}
    assert search_run.storage == {"local": 0, "session": 0, "cookies": 0}



def test_welsh_query_table_is_well_formed(page_paths: list[str]) -> None:
    assert len(WELSH_QUERIES) >= 10
    assert all(q.expect.startswith("cy/") for q in WELSH_QUERIES)
    assert not sorted({q.expect for q in WELSH_QUERIES} - set(page_paths))


@pytest.mark.parametrize("item", WELSH_QUERIES, ids=[q.query for q in WELSH_QUERIES])
def test_welsh_query_finds_its_welsh_page(welsh_search_run: SearchRun, item: SearchQuery
                                          ) -> None:
    """lunr has no Welsh: the Welsh index keeps words as they are (no English stemming or
    stop words), and a Welsh word must still find its page."""
    assert_finds_its_page(welsh_search_run, item, "search_queries_cy.yml")
    pages = welsh_search_run.results[item.query]
    assert all(p.startswith("cy/") for p in pages), "Welsh search finds Welsh pages only"


def test_welsh_search_sends_nothing_elsewhere(welsh_search_run: SearchRun) -> None:
    assert not welsh_search_run.requests_while_typing
    assert set(welsh_search_run.urls_seen) == {welsh_search_run.start_url}


def test_the_browser_splits_words_as_the_checks_do(page: object) -> None:
    """validate uses Python's re to tell which words search keeps; the browser must read
    the same separator the same way."""
    samples = ["Do I have to see him in court?", "Women\u2019s Aid & Refuge",
               "No further action (NFA).", "I don't want to report it",
               "Rape Crisis England &amp; Wales", "The CPS\u2019s letter \u2013 24/7"]
    split = page.evaluate(  # type: ignore[attr-defined]
        """([separator, samples]) => samples.map(text => text
             .split(new RegExp(separator, "g")).filter(Boolean)
             .map(word => word.toLowerCase()))""", [SEPARATOR, samples])
    assert split == [search_words_in(text) for text in samples]
