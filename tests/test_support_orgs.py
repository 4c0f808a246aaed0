"""For support organisations: URLs that never break, the printable guide, open data and
sharing. Unit tests use the small golden project; the rest read the real site built once
(built_site), except the rename test, which builds a changed copy of the content."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

import jsonschema
import pytest

from deadline_table import long_date
from sitecheck import parse, resolve
from victim_journey.cli.build import run_mkdocs_build
from victim_journey.cli.main import main as cli_main
from victim_journey.content.journey import Journey, load_journey
from victim_journey.pages import absolute_url, page_url, relative_url
from victim_journey.pipeline import check_content
from victim_journey.publish.open_data import open_data, plain_summary, schema
from victim_journey.publish.redirects import Move, redirect_files, redirect_html, redirect_map
from victim_journey.publish.urls import (
    REGISTRY_FILE,
    read_registry,
    registry_problems,
    update_registry,
)
from victim_journey.site_check.serve import serve_directory

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "golden" / "base"
REAL_JOURNEY, _ = load_journey(ROOT / "journey", ROOT)


@pytest.fixture
def base_project(tmp_path: Path) -> Path:
    project = tmp_path / "p"
    shutil.copytree(BASE, project)
    return project


def _journey(project: Path) -> Journey:
    journey, problems = load_journey(project / "journey", project)
    assert journey is not None and problems == []
    return journey


def _with_previous_ids(journey: Journey) -> Journey:
    stage = journey.stages["second-step"].model_copy(update={"previous_ids": ["old-step"]})
    service = journey.services["helpers"].model_copy(
        update={"previous_ids": ["old-helpers", "older-helpers"]})
    return Journey(**{**journey.__dict__,
                      "stages": {**journey.stages, "second-step": stage},
                      "services": {**journey.services, "helpers": service}})


# --- URLs ------------------------------------------------------------------------------

@pytest.mark.parametrize(("source", "url"), [
    ("index.md", "/"), ("stages/the-trial.md", "/stages/the-trial/"),
    ("services/index.md", "/services/"), ("print.md", "/print/"),
    ("open-data.md", "/open-data/")])
def test_page_url_matches_directory_urls(source: str, url: str) -> None:
    assert page_url(source) == url


def test_relative_and_absolute_urls() -> None:
    assert relative_url("/stages/old/", "/stages/new/") == "../new/"
    assert relative_url("/services/old/", "/") == "../../"
    assert relative_url("/stages/a/", "/stages/a/") == "./"
    assert absolute_url("https://example.org/", "/print/") == "https://example.org/print/"
    assert absolute_url("", "/print/") is None


def test_redirect_map_comes_from_previous_ids(base_project: Path) -> None:
    journey = _with_previous_ids(_journey(base_project))
    assert redirect_map(journey) == {
        "/stages/old-step/": "/stages/second-step/",
        "/services/old-helpers/": "/services/helpers/",
        "/services/older-helpers/": "/services/helpers/",
    }
    assert set(redirect_files(journey, None)) == {
        "stages/old-step/index.html", "services/old-helpers/index.html",
        "services/older-helpers/index.html"}


def test_redirect_page_needs_no_javascript_and_is_accessible() -> None:
    move = Move("/stages/old/", "/stages/new/", 'Court & "you"')
    html = redirect_html(move, site_url="https://example.org/",
                         quick_exit_url="https://www.bbc.co.uk/weather", text=REAL_JOURNEY.t)
    assert '<html lang="en">' in html
    assert '<meta http-equiv="refresh" content="0; url=../new/">' in html
    assert '<link rel="canonical" href="https://example.org/stages/new/">' in html
    assert "<h1>This page has moved</h1>" in html
    assert '<a href="../new/">Court &amp; &#34;you&#34;</a>' in html
    assert "<title>This page has moved: Court &amp; &#34;you&#34;</title>" in html
    assert "<script" not in html and "default-src 'none'" in html


# --- the registry of published URLs ----------------------------------------------------

def test_update_adds_new_urls_and_never_removes_one(tmp_path: Path) -> None:
    registry = tmp_path / REGISTRY_FILE
    registry.write_text("# a comment\n/gone/\n/kept/\n")
    added = update_registry(registry, {"/kept/", "/new/", "/"})
    assert added == ["/", "/new/"]
    entries, problems = read_registry(registry, "r.txt")
    assert problems == []
    assert [e.url for e in entries] == ["/", "/gone/", "/kept/", "/new/"]
    assert registry.read_text().startswith("# Every URL this site has published")


def test_update_refuses_a_registry_line_it_cannot_read(
        base_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = base_project / "journey" / REGISTRY_FILE
    registry.write_text("/stages/first-step/\nstages/typed-without-a-slash/\n")
    assert cli_main(["--root", str(base_project), "urls", "--update"]) == 1
    assert "journey/published-urls.txt:2:1: error: 'stages/typed-without-a-slash/' is not " \
        "a URL from the top of the site" in capsys.readouterr().err
    assert registry.read_text() == "/stages/first-step/\nstages/typed-without-a-slash/\n"


def test_lost_url_points_at_the_registry_line_and_names_previous_ids(
        base_project: Path) -> None:
    registry = base_project / "journey" / REGISTRY_FILE
    registry.write_text("# header\n/stages/first-step/\n/stages/renamed-step/\n"
                        "/services/old-helpers/\nnot a url\n")
    journey = _journey(base_project)
    pages = {page.path for page in check_content(base_project / "journey",
                                                 root=base_project).pages}
    problems = registry_problems(base_project / "journey", base_project, journey, pages)
    assert [p.format_text() for p in problems] == [
        "journey/published-urls.txt:5:1: error: 'not a url' is not a URL from the top of "
        "the site, such as '/stages/the-trial/' [bad-url]",
        "journey/published-urls.txt:3:1: error: published URL '/stages/renamed-step/' no "
        "longer goes to a page or a redirect; if you renamed it, add 'previous_ids: "
        "[renamed-step]' to the file in journey/stages/ that replaced it (to stop "
        "publishing it on purpose, delete this line) [lost-url]",
        "journey/published-urls.txt:4:1: error: published URL '/services/old-helpers/' no "
        "longer goes to a page or a redirect; if you renamed it, add 'previous_ids: "
        "[old-helpers]' to the file in journey/services/ that replaced it (to stop "
        "publishing it on purpose, delete this line) [lost-url]",
    ]
    # An old id in previous_ids keeps the URL alive, through its redirect.
    assert registry_problems(base_project / "journey", base_project,
                             _with_previous_ids(journey), pages) == problems[:2]


def test_committed_registry_lists_every_url_and_each_still_works(
        capsys: pytest.CaptureFixture[str]) -> None:
    status = cli_main(["--root", str(ROOT), "urls", "--check"])
    assert status == 0, capsys.readouterr().err


def test_urls_update_registers_a_renamed_page_and_keeps_the_old_url(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rename_the_trial(content_copy, previous_ids=True)
    assert cli_main(["--root", str(content_copy), "urls", "--check"]) == 1
    assert "'/stages/the-court-case/' is published but not in the registry" \
        in capsys.readouterr().err
    assert cli_main(["--root", str(content_copy), "urls", "--update"]) == 0
    urls = (content_copy / "journey" / REGISTRY_FILE).read_text().splitlines()
    assert "/stages/the-trial/" in urls and "/stages/the-court-case/" in urls
    assert cli_main(["--root", str(content_copy), "urls", "--check"]) == 0


# --- renaming a stage --------------------------------------------------------------------

_THE_TRIAL = re.compile(r"(?<![a-z0-9-])the-trial(?![a-z0-9-])")
NEW_TITLE = 'The court case: "you" & the trial'


def _rename_the_trial(project: Path, *, previous_ids: bool) -> None:
    """Rename the-trial to the-court-case, with every reference to it, as an editor would."""
    journey = project / "journey"
    for path in journey.rglob("*.yml"):
        path.write_text(_THE_TRIAL.sub("the-court-case", path.read_text()))
    old = journey / "stages" / "the-trial.yml"
    text = old.read_text()
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    text = text.replace(title, f"title: '{NEW_TITLE}'", 1)
    if previous_ids:
        text += "previous_ids: [the-trial]\n"
    (journey / "stages" / "the-court-case.yml").write_text(text)
    old.unlink()


def test_renaming_a_stage_without_previous_ids_fails_naming_the_old_url(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rename_the_trial(content_copy, previous_ids=False)
    line = next(number for number, url in enumerate(
        (content_copy / "journey" / REGISTRY_FILE).read_text().splitlines(), start=1)
        if url == "/stages/the-trial/")
    expected = (f"journey/published-urls.txt:{line}:1: error: published URL "
                "'/stages/the-trial/' no longer goes to a page or a redirect; if you renamed "
                "it, add 'previous_ids: [the-trial]' to the file in journey/stages/ that "
                "replaced it")
    assert cli_main(["--root", str(content_copy), "validate"]) == 1
    assert expected in capsys.readouterr().err
    result = run_mkdocs_build(content_copy / "mkdocs.yml", content_copy / "out")
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert not (content_copy / "out").exists()


def test_renaming_a_stage_with_previous_ids_redirects_the_old_url(
        content_copy: Path, browser: object) -> None:
    _rename_the_trial(content_copy, previous_ids=True)
    site = content_copy / "out"
    result = run_mkdocs_build(content_copy / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    redirect = site / "stages" / "the-trial" / "index.html"
    html = redirect.read_text()
    assert '<meta http-equiv="refresh" content="0; url=../the-court-case/">' in html
    assert "<script" not in html
    assert resolve(site, redirect, "../the-court-case/")[0].is_file()  # type: ignore[index]
    # The new title is escaped on the redirect page and in the sharing tags.
    assert "The court case: &#34;you&#34; &amp; the trial" in html
    new_page = (site / "stages" / "the-court-case" / "index.html").read_text()
    assert f'<meta property="og:title" content="{NEW_TITLE}"' not in new_page
    og_title = re.search(r'<meta property="og:title" content="([^"]*)"', new_page)
    assert og_title is not None and unescape(og_title.group(1)) == NEW_TITLE
    data = json.loads((site / "data" / "journey.json").read_text())
    renamed = next(s for s in data["stages"] if s["id"] == "the-court-case")
    assert renamed["previous_urls"] == ["/stages/the-trial/"]

    # A reader following an old link, with JavaScript off, lands on the new page.
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        with serve_directory(site) as url:
            page.goto(url + "stages/the-trial/")
            page.wait_for_url(url + "stages/the-court-case/", timeout=10_000)
            assert page.locator("h1").first.inner_text() == NEW_TITLE
    finally:
        context.close()


# --- open data -----------------------------------------------------------------------------

def test_open_data_summaries_are_plain_text() -> None:
    assert plain_summary("You **can** ask.\n\n- one [link](https://x.example);\n- two") \
        == "You can ask. one link; two"


def test_open_data_validates_against_its_published_schema(built_site: Path) -> None:
    data = json.loads((built_site / "data" / "journey.json").read_text())
    published = json.loads((built_site / "data" / "journey.schema.json").read_text())
    assert published == json.loads(json.dumps(schema()))  # generated, so it cannot drift
    jsonschema.Draft202012Validator.check_schema(published)
    jsonschema.Draft202012Validator(published).validate(data)
    # The schema is strict: a file missing its version, or with an unknown field, fails.
    for broken in ({k: v for k, v in data.items() if k != "version"},
                   {**data, "stages": [{**data["stages"][0], "colour": "red"}]}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(published).validate(broken)


def test_open_data_lists_every_stage_in_order_with_a_url_that_exists(
        built_site: Path) -> None:
    assert REAL_JOURNEY is not None
    data = json.loads((built_site / "data" / "journey.json").read_text())
    assert data["version"] == "1.0"
    assert [s["id"] for s in data["stages"]] == REAL_JOURNEY.route_stage_ids()
    items = data["stages"] + data["services"] + data["rights"]["items"] + data["glossary"]
    for item in items:
        target = resolve(built_site, built_site / "index.html", item["url"].lstrip("/"))
        assert target is not None and target[0].is_file(), item["url"]
        if target[1]:
            assert target[1] in parse(target[0]).ids, item["url"]
        assert item["absolute_url"].endswith(item["url"])
    assert {s["id"] for s in data["services"]} == set(REAL_JOURNEY.services)
    assert len(data["rights"]["items"]) == len(REAL_JOURNEY.rights.rights)
    assert data["rights"]["code"]["version"] == REAL_JOURNEY.rights.code.version
    assert len(data["glossary"]) == len(REAL_JOURNEY.glossary.terms)
    trial = next(s for s in data["stages"] if s["id"] == "the-trial")
    assert trial["next"] == [{"stage": b.stage, "condition": b.when}
                             for b in REAL_JOURNEY.stages["the-trial"].next]


def test_open_data_without_a_site_address_has_no_absolute_urls(base_project: Path) -> None:
    data = open_data(_journey(base_project), site_url=None, generated=dt.date(2026, 1, 2))
    assert data.site.url is None and data.generated == dt.date(2026, 1, 2)
    assert all(s.absolute_url is None and s.url.startswith("/stages/") for s in data.stages)


# --- the printable guide --------------------------------------------------------------------

def _article(path: Path) -> str:
    html = path.read_text()
    return html.split('<article class="md-content__inner md-typeset">', 1)[1] \
        .split("</article>", 1)[0]


def test_printable_guide_holds_every_stage_in_order(built_site: Path) -> None:
    assert REAL_JOURNEY is not None
    page = built_site / "print" / "index.html"
    html = page.read_text()
    all_ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(all_ids) == len(set(all_ids)), "ids on the print page must be unique"
    article = _article(page)
    positions = []
    for sid in REAL_JOURNEY.route_stage_ids():
        stage = REAL_JOURNEY.stages[sid]
        match = re.search(rf'<h2 id="{sid}">[^<]*</h2>', article)
        assert match is not None, sid
        positions.append(match.start())
        for section in ("what-happens", "who-contacts-you", "what-you-can-do", "how-long",
                        "your-rights", "support", "what-happens-next", "sources"):
            assert f'<h3 id="{sid}--{section}">' in article, (sid, section)
        assert unescape(stage.summary) in unescape(article)
    assert positions == sorted(positions)
    for right in REAL_JOURNEY.rights.rights:
        assert f'id="rights--{right.id}"' in article
    for vid in REAL_JOURNEY.services:
        assert f'id="services--{vid}"' in article
    # Headings never skip a level, so the outline makes sense to screen reader users.
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", article)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_every_stage_page_links_to_the_printable_guide(built_site: Path) -> None:
    assert REAL_JOURNEY is not None
    for sid in REAL_JOURNEY.stages:
        page = built_site / "stages" / sid / "index.html"
        targets = [resolve(built_site, page, href) for href in parse(page).links]
        assert (built_site / "print" / "index.html").resolve() in \
            {t[0] for t in targets if t is not None}, sid


def test_printing_a_stage_hides_controls_and_shows_where_it_came_from(
        site_url: str, page: object, built_site: Path) -> None:
    assert REAL_JOURNEY is not None
    html = (built_site / "stages" / "the-trial" / "index.html").read_text()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical is not None
    page_address = canonical.group(1)
    site_address = page_address.removesuffix("stages/the-trial/")
    reviewed = long_date(REAL_JOURNEY.stages["the-trial"].last_reviewed)

    page.goto(site_url + "stages/the-trial/")  # type: ignore[attr-defined]
    hidden_in_print = [".vj-exit", ".md-header", ".md-sidebar--primary", ".vj-journey-nav",
                       ".md-search", "[data-vj-noprint]"]
    for selector in hidden_in_print:
        assert page.locator(selector).count() > 0, selector  # type: ignore[attr-defined]
    assert page.locator(".vj-exit").first.is_visible()  # type: ignore[attr-defined]
    assert not page.locator(".vj-print-info").is_visible()  # type: ignore[attr-defined]

    page.emulate_media(media="print")  # type: ignore[attr-defined]
    for selector in hidden_in_print:
        locator = page.locator(selector)  # type: ignore[attr-defined]
        for index in range(locator.count()):
            assert not locator.nth(index).is_visible(), selector
    # The content itself still prints.
    for selector in (".md-content h1", "#what-happens", "#help-now"):
        assert page.locator(selector).first.is_visible(), selector  # type: ignore[attr-defined]
    info = page.locator(".vj-print-info")  # type: ignore[attr-defined]
    assert info.is_visible()
    text = info.inner_text()
    assert site_address in text and page_address in text and reviewed in text
    # A link to another site shows its address after its words.
    href, after = page.evaluate(  # type: ignore[attr-defined]
        """() => { const a = document.querySelector('.md-content a[href^="https://"]');
                   return [a.getAttribute('href'), getComputedStyle(a, '::after').content]; }""")
    assert after == f'" ({href})"'


# --- sharing and the sitemap ------------------------------------------------------------------

def test_every_page_has_a_description_and_open_graph_tags(
        built_site: Path, page_paths: list[str]) -> None:
    for path in page_paths:
        html = (built_site / path / "index.html").read_text()
        for tag in ('<meta name="description" content="', '<meta property="og:title"',
                    '<meta property="og:description"', '<meta property="og:url"',
                    '<meta property="og:type"', '<meta property="og:site_name"'):
            assert tag in html, (path, tag)
        assert "og:image" not in html, path
    assert REAL_JOURNEY is not None
    for sid, stage in REAL_JOURNEY.stages.items():
        html = (built_site / "stages" / sid / "index.html").read_text()
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert description is not None and unescape(description.group(1)) == stage.summary


def test_sitemap_lastmod_is_the_review_date(built_site: Path) -> None:
    assert REAL_JOURNEY is not None
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    lastmod = {url.findtext("s:loc", namespaces=namespace):
               url.findtext("s:lastmod", namespaces=namespace)
               for url in root.findall("s:url", namespace)}
    expected = {f"stages/{sid}/": s.last_reviewed for sid, s in REAL_JOURNEY.stages.items()}
    expected |= {f"services/{sid}/": s.last_reviewed
                 for sid, s in REAL_JOURNEY.services.items()}
    expected["rights/"] = REAL_JOURNEY.rights.last_reviewed
    expected["glossary/"] = REAL_JOURNEY.glossary.last_reviewed
    for path, reviewed in expected.items():
        matches = [mod for loc, mod in lastmod.items() if loc and loc.endswith("/" + path)]
        # Once in English and once in Welsh: the Welsh is the same page, translated.
        assert matches == [reviewed.isoformat()] * 2, path
    # Redirect pages and data files are not pages, so they are not in the sitemap.
    assert not any(loc and "/data/" in loc for loc in lastmod)

