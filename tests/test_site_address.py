"""Without SITE_URL the build names no address: no made-up host anywhere in the site, no
canonical links or hreflang, printouts with each page's path. A build for publishing
refuses to run without the site's real address."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from victim_journey.cli.build import build_all
from victim_journey.cli.main import main
from victim_journey.content.languages import ENGLISH, WELSH
from victim_journey.mkdocs_plugin.language_links import LanguageLinks
from victim_journey.publish.address import publish_address_problem

ROOT = Path(__file__).resolve().parent.parent
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Any address naming a host: what a site built without SITE_URL must not have for its own
# pages. Links to other sites (sources, services, the quick exit) are allowed.
CANONICAL = re.compile(r'<link rel="canonical"')
HREFLANG = re.compile(r'<link rel="alternate" hreflang=')


@pytest.fixture(scope="module")
def site_without_address(tmp_path_factory: pytest.TempPathFactory) -> Path:
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    site = tmp_path_factory.mktemp("no-address") / "site"
    build_all(ROOT, site, env=environment)
    return site


def _site_files(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.is_file()
            and path.suffix in {".html", ".xml", ".json", ".txt", ".js"}]


def test_no_made_up_host_anywhere(site_without_address: Path) -> None:
    files = _site_files(site_without_address)
    assert len(files) > 50
    for path in files:
        assert "victim-journey.example" not in path.read_text(encoding="utf-8"), path


def test_pages_have_no_canonical_link_or_hreflang(site_without_address: Path) -> None:
    pages = list(site_without_address.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not CANONICAL.search(html), path
        assert not HREFLANG.search(html), path
        assert 'property="og:url"' not in html, path


def test_printouts_give_the_page_s_path(site_without_address: Path) -> None:
    english = (site_without_address / "stages/the-trial/index.html").read_text("utf-8")
    welsh = (site_without_address / "cy/stages/the-trial/index.html").read_text("utf-8")
    assert re.search(r'<div class="vj-print-info">\s*<p>[^<]*</p>\s*<p>[^<]* '
                     r'/stages/the-trial/</p>', english)
    assert re.search(r'<div class="vj-print-info">\s*<p>[^<]*</p>\s*<p>[^<]* '
                     r'/cy/stages/the-trial/</p>', welsh)


def test_sitemap_lists_paths_and_says_the_address_is_unknown(
        site_without_address: Path) -> None:
    text = (site_without_address / "sitemap.xml").read_text(encoding="utf-8")
    assert "address is unknown" in text
    locations = [loc.text for loc in ET.fromstring(text).iter(f"{SITEMAP}loc")]
    assert "/stages/the-trial/" in locations
    assert "/cy/stages/the-trial/" in locations
    assert all(loc and loc.startswith("/") for loc in locations)


def test_open_data_says_the_address_is_unknown(site_without_address: Path) -> None:
    data = json.loads((site_without_address / "data/journey.json").read_text("utf-8"))
    assert data["site"]["url"] is None
    assert all(stage["absolute_url"] is None for stage in data["stages"])


def test_welsh_404_links_stay_in_the_welsh_site(site_without_address: Path) -> None:
    welsh = (site_without_address / "cy/404.html").read_text(encoding="utf-8")
    # Every link of the Welsh page is to the Welsh site, but the switcher's "English".
    links = re.findall(r'<a [^>]*href="(/[^"]*)"', welsh)
    assert len(links) > 10
    assert [link for link in links if not link.startswith("/cy/")] == ["/"]
    assert '<a class="vj-language__link" href="/"' in welsh
    english = (site_without_address / "404.html").read_text(encoding="utf-8")
    assert '<a class="vj-language__link" href="/cy/"' in english


def test_links_with_an_address_give_full_addresses() -> None:
    links = LanguageLinks.for_site("https://www.example.org/victims/", WELSH)
    current, english = links.alternates("stages/the-trial/")
    assert current.url == "https://www.example.org/victims/cy/stages/the-trial/"
    assert english.address == english.url == "https://www.example.org/victims/stages/the-trial/"
    assert english.href == "../../../stages/the-trial/"
    # The 404 page links each language's home by its path on the same host.
    assert [a.href for a in links.alternates(None)] == ["/victims/cy/", "/victims/"]


def test_links_without_an_address_give_paths() -> None:
    links = LanguageLinks.for_site(None, ENGLISH)
    assert not links.address_known
    assert [(a.url, a.address) for a in links.alternates("glossary/")] == \
        [(None, "/glossary/"), (None, "/cy/glossary/")]
    assert links.page_address("") == "/"


@pytest.mark.parametrize(("site_url", "why"), [
    (None, "needs SITE_URL"),
    ("", "needs SITE_URL"),
    ("http://www.example.org/", "https://"),
    ("www.example.org", "https://"),
    ("https://victim-journey.example/", "kept for examples"),
    ("https://example.org/", "kept for examples"),
    ("https://site.test/", "kept for examples"),
])
def test_publishing_refuses_a_missing_or_made_up_address(site_url: str | None,
                                                        why: str) -> None:
    problem = publish_address_problem(site_url)
    assert problem is not None and why in problem


def test_publishing_accepts_a_real_address() -> None:
    assert publish_address_problem("https://www.victimsupport.org.uk/guide/") is None


def test_build_for_publishing_stops_before_building_without_site_url(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    site = tmp_path / "site"
    status = main(["build", "--publish", "--site-dir", str(site)])
    assert status == 2
    assert "needs SITE_URL" in capsys.readouterr().err
    assert not site.exists()
