"""The Welsh edition of the built site: every page in both languages, linked to each other,
with Welsh text wherever the site writes its own words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from sitecheck import TEST_SITE_URL as SITE_URL
from sitecheck import resolve

ROOT = Path(__file__).resolve().parent.parent
WELSH = "cy/"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "circle", "rect", "line", "polygon", "polyline", "ellipse"}


class LanguageParser(HTMLParser):
    """The page's <html lang>, its language switcher and alternates, and its visible text
    outside elements marked lang="en"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_lang: str | None = None
        self.switchers: list[dict[str, str | None]] = []
        self.switch_links: list[dict[str, str | None]] = []
        self.switch_current: list[dict[str, str | None]] = []
        self.alternates: dict[str, str] = {}
        self.text_not_english: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []  # tag, is English, in switcher

    def _english(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def _in_switcher(self) -> bool:
        return bool(self._stack) and self._stack[-1][2]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[str(a["hreflang"])] = str(a.get("href"))
        in_switcher = self._in_switcher() or "vj-language" in (a.get("class") or "").split()
        if tag == "nav" and "vj-language" in (a.get("class") or "").split():
            self.switchers.append(a)
        if in_switcher and tag == "a":
            self.switch_links.append(a)
        if in_switcher and a.get("aria-current"):
            self.switch_current.append(a)
        if tag in VOID:
            return
        english = a.get("lang") == "en" if "lang" in a else self._english()
        hidden = tag in ("script", "style", "svg", "title")
        self._stack.append((tag, english or hidden, in_switcher))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not self._english() and data.strip():
            self.text_not_english.append(" ".join(data.split()))


def parse(path: Path) -> LanguageParser:
    parser = LanguageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_file(site: Path, page_path: str) -> Path:
    return site / page_path / "index.html"


@pytest.fixture(scope="module")
def languages(page_paths: list[str]) -> tuple[list[str], list[str]]:
    english = [p for p in page_paths if not p.startswith(WELSH)]
    welsh = [p.removeprefix(WELSH) for p in page_paths if p.startswith(WELSH)]
    return english, welsh


def test_every_page_exists_in_both_languages(languages: tuple[list[str], list[str]]
                                             ) -> None:
    english, welsh = languages
    assert len(english) > 25
    assert sorted(english) == sorted(welsh)


def test_welsh_pages_say_they_are_welsh(built_site: Path, page_paths: list[str]) -> None:
    for page_path in page_paths:
        expected = "cy" if page_path.startswith(WELSH) else "en"
        assert parse(html_file(built_site, page_path)).html_lang == expected, page_path


def test_every_page_links_to_itself_in_the_other_language(
        built_site: Path, page_paths: list[str]) -> None:
    for page_path in page_paths:
        is_welsh = page_path.startswith(WELSH)
        other = page_path.removeprefix(WELSH) if is_welsh else WELSH + page_path
        page = parse(html_file(built_site, page_path))
        assert len(page.switchers) == 1, page_path
        assert page.switchers[0].get("aria-label"), "the switcher nav needs a name"
        [current] = page.switch_current
        assert current["lang"] == ("cy" if is_welsh else "en")
        [link] = page.switch_links
        assert link["lang"] == link["hreflang"] == ("en" if is_welsh else "cy")
        target = resolve(built_site, html_file(built_site, page_path), str(link["href"]))
        assert target is not None
        assert target[0] == html_file(built_site, other).resolve(), page_path


def test_the_head_names_every_language_version(built_site: Path, page_paths: list[str]
                                               ) -> None:
    for page_path in page_paths:
        english_path = page_path.removeprefix(WELSH)
        alternates = parse(html_file(built_site, page_path)).alternates
        assert alternates == {"en": SITE_URL + english_path,
                              "cy": SITE_URL + WELSH + english_path,
                              "x-default": SITE_URL + english_path}, page_path


def test_the_sitemap_lists_both_languages(built_site: Path, page_paths: list[str]) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                  "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    urls = root.findall("s:url", namespaces)
    locations = {url.findtext("s:loc", namespaces=namespaces) for url in urls}
    assert {SITE_URL + p for p in page_paths} <= locations
    for url in urls:
        links = {link.get("hreflang"): link.get("href")
                 for link in url.findall("x:link", namespaces)}
        assert set(links) == {"en", "cy"}
        assert url.findtext("s:loc", namespaces=namespaces) in links.values()


def _interface_english() -> dict[str, str]:
    """The English of every interface text that has a different Welsh, long enough not to
    be a Welsh word too ("A to Z" and "Cymraeg" are the same in both)."""
    table = yaml.safe_load((ROOT / "journey/interface-text.yml").read_text())["text"]
    return {key: entry["en"] for key, entry in table.items()
            if entry.get("cy") and entry["cy"] != entry["en"]
            and len(re.sub(r"\{[a-z_]+\}", "", entry["en"]).split()) >= 2}


def test_welsh_pages_have_no_english_interface_text(built_site: Path,
                                                    languages: tuple[list[str], list[str]]
                                                    ) -> None:
    english_strings = _interface_english()
    assert len(english_strings) > 40, "the table should hold the site's own text"
    leftovers = {}
    for page_path in languages[1]:
        text = " ".join(parse(html_file(built_site, WELSH + page_path)).text_not_english)
        found = [en for en in english_strings.values()
                 if "{" not in en and en in text]
        if found:
            leftovers[page_path] = found
    assert leftovers == {}


def test_welsh_pages_are_fully_translated(built_site: Path,
                                          languages: tuple[list[str], list[str]]) -> None:
    """While every translation is there, no page shows the 'not yet translated' notice
    (the tests in test_translations.py show that it appears when one is missing). An
    editor may add a service before its Welsh: then the notice is where it is needed."""
    from days import CONTENT_DAY
    from victim_journey.cli.translation import translation_gaps
    from victim_journey.pipeline import check_content

    checked = check_content(ROOT / "journey", root=ROOT, today=CONTENT_DAY,
                            docs_dir=ROOT / "docs")
    missing = [gap for gap in translation_gaps(checked) if gap.kind == "missing"]
    noticed = [page_path for page_path in languages[1]
               if "vj-not-translated" in html_file(built_site, WELSH + page_path).read_text(
                   encoding="utf-8")]
    assert bool(noticed) is bool(missing), (noticed, missing)


def test_the_open_data_is_published_in_welsh_too(built_site: Path) -> None:
    """Support organisations in Wales can reuse the Welsh text: same schema, same ids."""
    import json

    english = json.loads((built_site / "data" / "journey.json").read_text(encoding="utf-8"))
    welsh = json.loads((built_site / "cy" / "data" / "journey.json").read_text(
        encoding="utf-8"))
    assert welsh.keys() == english.keys()
    english_stages = {s["id"]: s for s in english["stages"]}
    welsh_stages = {s["id"]: s for s in welsh["stages"]}
    assert welsh_stages.keys() == english_stages.keys()
    assert welsh_stages["the-trial"]["title"] == "Y treial"
    assert english_stages["the-trial"]["title"] == "The trial"
