"""Reader privacy on every page of the real site, in a real browser.

One walk visits every page, searches, and submits the search form; it records every
request, every Content-Security-Policy violation and what the browser stored. The tests
then check what the walk saw. Requests to other hosts are refused as well as recorded,
so a failing test never sends anything anywhere.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from victim_journey.mkdocs_plugin.theme_dir import THEME_DIR

SEARCH_TERM = "review"  # in the content, so search has results to choose from

# Installed before any page script runs; reads what the browser reports as blocked.
VIOLATION_LISTENER = """
window.__vjViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__vjViolations.push(event.violatedDirective + " blocked " + event.blockedURI);
});
"""
STORED = """async () => ({
  localStorage: Object.keys(localStorage),
  sessionStorage: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
  caches: await caches.keys(),
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


@dataclass
class Walk:
    """What the browser did while a reader went through the whole site."""

    pages_seen: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)
    request_urls: list[str] = field(default_factory=list)
    violations: dict[str, list[str]] = field(default_factory=dict)
    inline_scripts_ran: dict[str, bool] = field(default_factory=dict)
    service_workers: dict[str, int] = field(default_factory=dict)
    url_after_search_enter: str = ""
    url_after_search_submit: str = ""
    cookies: list[object] = field(default_factory=list)
    stored: dict[str, object] = field(default_factory=dict)


def record_violations(page: object, into: list[str]) -> None:
    """Listen for CSP violations two ways: the DOM event, and Chromium's console line."""
    page.add_init_script(VIOLATION_LISTENER)  # type: ignore[attr-defined]
    page.on("console", lambda message: into.append(message.text)  # type: ignore[attr-defined]
            if "Content Security Policy" in message.text else None)


def violations_on(page: object, console: list[str]) -> list[str]:
    return [*page.evaluate("window.__vjViolations || []"), *console]  # type: ignore[attr-defined]


def open_search(page: object) -> object:
    box = page.locator("[data-md-component=search-query]")  # type: ignore[attr-defined]
    box.click()
    box.press_sequentially(SEARCH_TERM)  # Material searches on keyup, which fill() skips
    page.locator(".md-search-result__item").first.wait_for()  # type: ignore[attr-defined]
    return box


@pytest.fixture(scope="module")
def walk(browser: object, site_url: str, page_paths: list[str]) -> Iterator[Walk]:
    seen = Walk()
    our_host = urlsplit(site_url).netloc
    context = browser.new_context()  # type: ignore[attr-defined]

    def only_our_site(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if urlsplit(url).netloc != our_host and not url.startswith(("data:", "blob:")):
            seen.other_hosts.append(url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    context.route("**/*", only_our_site)
    context.on("request", lambda request: seen.request_urls.append(request.url))
    page = context.new_page()
    console: list[str] = []
    record_violations(page, console)

    # The 404 pages are not in page_paths (they are not a folder's index) but readers
    # see them.
    for path in [*page_paths, "404.html", "cy/404.html"]:
        console.clear()
        # networkidle: Material fetches the search index after load; wait for it too.
        page.goto(site_url + path, wait_until="networkidle")
        seen.pages_seen.append(path)
        seen.violations[path] = violations_on(page, console)
        # Material's first inline script defines __md_scope: proof that the hashed
        # inline scripts were allowed to run, not just that nothing complained.
        seen.inline_scripts_ran[path] = page.evaluate("typeof __md_scope") == "object"
        seen.service_workers[path] = page.evaluate(
            "navigator.serviceWorker.getRegistrations().then((r) => r.length)")

    page.goto(site_url, wait_until="networkidle")
    open_search(page).press("Enter")
    page.wait_for_load_state("networkidle")
    seen.url_after_search_enter = page.url

    # The form's own submission, as without Material's keyboard handling.
    page.goto(site_url, wait_until="networkidle")
    open_search(page)
    with page.expect_navigation():
        page.evaluate("document.forms.search.requestSubmit()")
    page.wait_for_load_state("networkidle")
    seen.url_after_search_submit = page.url

    seen.cookies = context.cookies()
    seen.stored = page.evaluate(STORED)
    seen.stored["contextServiceWorkers"] = len(context.service_workers)
    yield seen
    context.close()


def test_the_walk_visited_every_page(walk: Walk, page_paths: list[str]) -> None:
    assert walk.pages_seen == [*page_paths, "404.html", "cy/404.html"]
    assert {"support/guide-1/", "print/guide-1/", "cy/support/guide-1/"} <= set(page_paths)
    assert len(walk.request_urls) > len(page_paths)  # the recorder saw the traffic


def test_no_request_goes_to_another_host(walk: Walk) -> None:
    assert walk.other_hosts == []


def test_pages_log_no_csp_violation(walk: Walk) -> None:
    assert {path: found for path, found in walk.violations.items() if found} == {}


def test_hashed_inline_scripts_still_run(walk: Walk) -> None:
    assert [path for path, ran in walk.inline_scripts_ran.items() if not ran] == []


def test_no_search_term_in_any_address(walk: Walk) -> None:
    # The query string is where a search term would go (?q=, ?h=, ?query=). A result's
    # own path or #anchor may share words with the term; that is the site, not the term.
    assert walk.url_after_search_enter and walk.url_after_search_submit
    for url in (walk.url_after_search_enter, walk.url_after_search_submit):
        assert urlsplit(url).query == "", url
    for url in walk.request_urls:
        assert SEARCH_TERM not in urlsplit(url).query.lower(), url


def test_nothing_is_stored_in_the_browser(walk: Walk) -> None:
    assert walk.cookies == []
    assert walk.stored == {"localStorage": [], "sessionStorage": [], "indexedDB": [],
                           "caches": [], "serviceWorkers": 0, "contextServiceWorkers": 0}


def test_no_page_registers_a_service_worker(walk: Walk) -> None:
    assert {path: n for path, n in walk.service_workers.items() if n} == {}


def test_material_cannot_write_storage_even_if_a_feature_asks(page: object,
                                                               site_url: str) -> None:
    """Material's features all store through __md_set; ours replaces it with a no-op."""
    page.goto(site_url, wait_until="load")  # type: ignore[attr-defined]
    stored = page.evaluate("""() => {
      __md_set("__palette", {color: {scheme: "slate"}});
      __md_set("__outdated", true, sessionStorage);
      return [localStorage.length, sessionStorage.length];
    }""")  # type: ignore[attr-defined]
    assert stored == [0, 0]


def test_the_violation_recorder_catches_an_unhashed_script(
        page: object, site_url: str, built_site: Path) -> None:
    """The walk's silence means something only if the same recorder can hear a fault."""
    home = (built_site / "index.html").read_text(encoding="utf-8")
    injected = home.replace("</head>", "<script>window.__vjInjected = 1</script></head>", 1)
    probe = site_url + "csp-probe/"
    page.route(probe, lambda route: route.fulfill(  # type: ignore[attr-defined]
        status=200, content_type="text/html", body=injected))
    console: list[str] = []
    record_violations(page, console)
    page.goto(probe, wait_until="load")  # type: ignore[attr-defined]
    assert page.evaluate("window.__vjInjected") is None  # type: ignore[attr-defined]
    assert any("script-src" in found for found in violations_on(page, console))


# Static checks of every HTML file, 404.html and any redirect pages included.

# Elements that make the browser fetch something, and the attribute that says what.
LOADERS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src",
           "audio": "src", "embed": "src", "object": "data", "link": "href"}


class _Head(HTMLParser):
    """Collects the page's metas, links, loaded resources and inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.metas: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.loads: list[str] = []
        self.inline_scripts: list[str] = []
        self.first_script_at = -1
        self.policy_at = -1
        self._script: dict[str, str] | None = None
        self._text: list[str] = []
        self._count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count += 1
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self.metas.append(attributes)
            if attributes.get("http-equiv", "").lower() == "content-security-policy":
                self.policy_at = self._count
        if tag == "a" and "href" in attributes:
            self.links.append(attributes)
        loader = LOADERS.get(tag)
        if loader and attributes.get(loader) and not (
                tag == "link" and attributes.get("rel") in ("canonical", "alternate")):
            self.loads.append(attributes[loader])
        if tag == "script":
            if self.first_script_at < 0:
                self.first_script_at = self._count
            self._script, self._text = attributes, []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind = self._script.get("type", "").lower()
            if "src" not in self._script and kind in ("", "text/javascript", "module"):
                self.inline_scripts.append("".join(self._text))
            self._script = None


def _html_files(site: Path) -> list[Path]:
    files = sorted(site.rglob("*.html"))
    assert files
    return files


def _parsed(path: Path) -> _Head:
    parser = _Head()
    # Script text is raw: no character references are decoded inside it, so the text
    # collected is what the browser hashes.
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _policy(parser: _Head) -> dict[str, list[str]]:
    content = next(m["content"] for m in parser.metas
                   if m.get("http-equiv", "").lower() == "content-security-policy")
    directives = (part.split() for part in content.split(";") if part.strip())
    return {words[0]: words[1:] for words in directives}


def _is_other_host(address: str) -> bool:
    return address.strip().lower().startswith(("http:", "https:", "//"))


def test_every_page_has_a_policy_allowing_only_its_own_origin(built_site: Path) -> None:
    for path in _html_files(built_site):
        parser = _parsed(path)
        assert parser.policy_at > 0, f"{path}: no Content-Security-Policy meta"
        # A meta policy governs only what follows it.
        assert parser.first_script_at < 0 or parser.policy_at < parser.first_script_at, path
        policy = _policy(parser)
        sources = {source for values in policy.values() for source in values}
        allowed = {"'self'", "'none'", "data:"}
        assert all(s in allowed or s.startswith("'sha256-") for s in sources), (path, sources)
        assert policy.get("img-src", ["'none'"]) != ["*"]
        for directive in ("base-uri", "form-action"):
            assert directive in policy, (path, directive)
        assert policy.get("object-src") == ["'none'"] or policy.get("default-src") == \
            ["'none'"], path


def test_every_inline_script_is_hashed_in_its_page_policy(built_site: Path) -> None:
    """Checked independently of csp.py: a different parser, and hashes made here."""
    for path in _html_files(built_site):
        parser = _parsed(path)
        script_sources = set(_policy(parser).get("script-src", []))
        for script in parser.inline_scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script_sources, (path, script[:60])


def test_every_page_sends_no_referrer(built_site: Path) -> None:
    for path in _html_files(built_site):
        metas = _parsed(path).metas
        assert {"name": "referrer", "content": "no-referrer"} in metas, path


def test_every_external_link_has_noreferrer(built_site: Path) -> None:
    checked = 0
    for path in _html_files(built_site):
        for link in _parsed(path).links:
            if _is_other_host(link["href"]):
                checked += 1
                assert "noreferrer" in link.get("rel", "").split(), (path, link)
    assert checked > 0  # the content does link to other sites


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    for path in _html_files(built_site):
        assert [a for a in _parsed(path).loads if _is_other_host(a)] == [], path


def test_every_inline_script_is_on_the_allow_list_made_before_the_build(
        built_site: Path) -> None:
    """The review the policy rests on: no page holds an inline script that the templates
    did not declare, whatever the content."""
    import material

    from victim_journey.mkdocs_plugin.script_allow_list import allowed_script_hashes

    allowed = allowed_script_hashes(
        [THEME_DIR, Path(material.__file__).parent / "templates"],
        extra_base_urls=["/", "/cy/"])
    seen = 0
    for path in _html_files(built_site):
        for script in _parsed(path).inline_scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in allowed, (path, script[:60])
            seen += 1
    assert seen > 0
