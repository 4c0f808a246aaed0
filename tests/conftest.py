"""Shared fixtures: the real site is built once per test run, served on loopback, and
opened in the system Chromium through Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from days import CONTENT_DAY
from sitecheck import TEST_SITE_URL
from victim_journey.cli.build import build_all
from victim_journey.clock import environment_for_child
from victim_journey.content.journey import Journey, load_journey
from victim_journey.content_handoff import check_for_build
from victim_journey.site_check.browser import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from victim_journey.site_check.serve import not_found_pages, serve_directory, site_pages

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "journey"


@pytest.fixture(scope="session")
def real_journey() -> Journey:
    """The real content in journey/, loaded once for every test that reads it."""
    journey, problems = load_journey(CONTENT, ROOT)
    assert journey is not None, problems
    return journey


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real journey/ built with --strict, in every language, into a temporary folder
    (never site/): English at the top, Welsh under cy/. Built as `victim-journey build`
    builds it: the content checked once and handed to each language's build."""
    site = tmp_path_factory.mktemp("built") / "site"
    # On the day the content was last reviewed, never the real day: see tests/days.py.
    build_all(ROOT, site, env={**environment_for_child(CONTENT_DAY), "SITE_URL": TEST_SITE_URL,
                               "NO_MKDOCS_2_WARNING": "1"},
              checked=check_for_build(CONTENT, root=ROOT, docs_dir=ROOT / "docs",
                                      today=CONTENT_DAY))
    return site


@pytest.fixture(scope="session")
def page_paths(built_site: Path) -> list[str]:
    pages = site_pages(built_site)
    assert pages, "the built site has no pages"
    return pages


@pytest.fixture(scope="session")
def reader_pages(built_site: Path, page_paths: list[str]) -> list[str]:
    """Every page a reader can land on, in both languages, with the 404 pages; redirects
    from old addresses only send readers on."""
    def is_redirect(path: str) -> bool:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        return 'http-equiv="refresh"' in html

    return [p for p in page_paths if not is_redirect(p)] + not_found_pages(built_site)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        # A missing browser is a failure, never a skip: these are real tests.
        pytest.fail(f"Chromium not found: {INSTALL_HINT}")
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path,
                                             args=list(CHROMIUM_FLAGS))
        yield browser
        browser.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the project (content, docs, config) for tests that edit content."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("journey", "docs"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, project / name)
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, project / config.name)
    return project


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
