"""The way out is drawn first (issue #21): the exit bar and the 999 line are painted,
styled, before any stylesheet has arrived, and the rest of the page waits for its styles
rather than showing unstyled. Nothing here measures speed (that is the benchmark's job,
cli/bench/first_paint.py): the browser tests hold every stylesheet back with a route, so what
they see does not depend on the machine.

Also: the inline first-paint style is the only one a page may hold, and it is allowed by
its hash in the page's Content-Security-Policy, known before the build.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from victim_journey.cli.bench.first_paint import (
    EXIT_TIMING_NAME,
    PaintTimes,
    _median,
    paint_times,
    serve_gzip,
)
from victim_journey.mkdocs_plugin.csp import (
    SCRIPTS,
    STYLES,
    UnknownInlineScript,
    UnknownInlineStyle,
    add_csp_meta,
    allowed_hashes_in,
)
from victim_journey.mkdocs_plugin.theme_dir import (
    CRITICAL_STYLESHEET,
    SITE_STYLESHEETS,
    STYLESHEETS_FOLDER,
    THEME_DIR,
    critical_stylesheet,
    joined_stylesheet,
)
from victim_journey.publish.host_headers import HEADERS_FILE, page_policy

EXIT_LINK = "[data-vj-exit-link]"
NUMBER_999 = ".vj-danger__line a[href='tel:999']"
HEADING = ".md-content h1"
EXIT_RED = "rgb(148, 37, 20)"      # #942514, vj-exit.css
WHITE = "rgb(255, 255, 255)"
DANGER_GREY = "rgb(243, 242, 241)"  # #f3f2f1, vj-in-danger.css
HEADER_BLUE = "rgb(20, 78, 129)"    # #144e81, vj-theme.css
# Home and a stage page, in English and in Welsh.
PAGES = ["", "stages/the-trial/", "cy/", "cy/stages/the-trial/"]

# Marks the Exit link for the Element Timing API as the parser adds it, as the benchmark
# does (cli/bench/first_paint.py), so a test can ask whether its words were really painted.
MARK_EXIT = (
    "new MutationObserver((_, o) => { const l = document.querySelector('[data-vj-exit-link]');"
    f" if (l) {{ l.setAttribute('elementtiming', '{EXIT_TIMING_NAME}'); o.disconnect(); }} }})"
    ".observe(document, {childList: true, subtree: true});"
    "window.vjPainted = [];"
    "new PerformanceObserver(l => l.getEntries().forEach(e => vjPainted.push(e.identifier)))"
    ".observe({type: 'element', buffered: true});")

# Every element of the skip link, the exit bar and the 999 line, by its place in the
# page, with its box and the styles a reader sees.
SNAPSHOT = """() => {
  const props = ["color", "background-color", "border-bottom-color", "font-size",
                 "font-weight", "line-height", "text-decoration-line", "display",
                 "position", "box-shadow"];
  const out = {};
  for (const el of document.querySelectorAll(
      ".vj-skip-link, .vj-exit, .vj-exit *, .vj-danger, .vj-danger *")) {
    let key = "";
    for (let e = el; e !== document.body; e = e.parentElement) {
      const same = [...e.parentElement.children].filter(s => s.tagName === e.tagName);
      key = `${e.tagName}.${e.className}:${same.indexOf(e)}/${key}`;
    }
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    out[key] = [box.x, box.y, box.width, box.height].map(v => Math.round(v * 10) / 10)
      .concat(props.map(p => style.getPropertyValue(p)));
  }
  return out;
}"""


class HeldPage:
    """A page whose stylesheets are held back until release() is called."""

    def __init__(self, browser: object, *, javascript: bool = True,
                 scheme: str = "light", width: int = 375) -> None:
        self.context = browser.new_context(  # type: ignore[attr-defined]
            viewport={"width": width, "height": 667}, color_scheme=scheme,
            java_script_enabled=javascript)
        self.context.add_init_script(MARK_EXIT)
        self.page = self.context.new_page()
        self.holding = True
        self.held: list[object] = []
        self.page.route("**/*.css", self._stylesheet)

    def _stylesheet(self, route: object) -> None:
        if self.holding:
            self.held.append(route)
        else:
            route.continue_()  # type: ignore[attr-defined]

    def open(self, url: str) -> object:
        page = self.page
        page.goto(url, wait_until="commit")
        # The parser has reached the end of the 999 line, and the first stylesheet has
        # been asked for (and held).
        page.wait_for_selector("[data-vj-in-danger]", state="attached")
        page.wait_for_function("() => true")  # one more task
        return page

    def release(self) -> None:
        """Let every stylesheet through, those held and any asked for later."""
        self.holding = False
        for route in self.held:
            route.continue_()  # type: ignore[attr-defined]
        self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def held_page(browser: object) -> Iterator[Callable[..., HeldPage]]:
    pages: list[HeldPage] = []

    def opener(**options: object) -> HeldPage:
        pages.append(HeldPage(browser, **options))  # type: ignore[arg-type]
        return pages[-1]

    yield opener
    for held in pages:
        held.close()


def _style(page: object, selector: str, prop: str) -> str:
    return page.eval_on_selector(  # type: ignore[attr-defined]
        selector, f"e => getComputedStyle(e).getPropertyValue('{prop}')")


def _in_viewport(page: object, selector: str) -> bool:
    box = page.locator(selector).bounding_box()  # type: ignore[attr-defined]
    return box is not None and box["width"] > 0 and box["height"] > 0 and \
        box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 375 and \
        box["y"] + box["height"] <= 667


# --- in the browser: the way out first, the rest never unstyled -----------------------

@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_exit_and_999_are_painted_styled_while_every_stylesheet_is_held(
        held_page: Callable[..., HeldPage], site_url: str, path: str,
        javascript: bool) -> None:
    held = held_page(javascript=javascript)
    page = held.open(site_url + path)
    assert held.held, "no stylesheet was asked for before the exit bar"
    assert all(urlsplit(r.request.url).path.endswith(".css")  # type: ignore[attr-defined]
               for r in held.held)
    # Styled: the button's own red and white, not a link's default blue, inside a
    # phone's first screen; the 999 line on its grey.
    assert page.locator(EXIT_LINK).is_visible()  # type: ignore[attr-defined]
    assert _in_viewport(page, EXIT_LINK)
    assert _style(page, EXIT_LINK, "background-color") == EXIT_RED
    assert _style(page, EXIT_LINK, "color") == WHITE
    assert page.locator(NUMBER_999).is_visible()  # type: ignore[attr-defined]
    assert _in_viewport(page, NUMBER_999)
    assert _style(page, ".vj-danger", "background-color") == DANGER_GREY
    # Hidden things stay hidden: Material's checkboxes, the words for screen readers.
    for selector in ("#__drawer", "#__search"):
        assert not page.locator(selector).is_visible(), selector  # type: ignore[attr-defined]
    assert page.locator(".vj-exit .vj-visually-hidden").first.bounding_box()[  # type: ignore[attr-defined]
        "width"] <= 1
    # The rest of the page waits for its styles: not even parsed yet, so it cannot be
    # painted unstyled.
    assert page.locator(HEADING).count() == 0  # type: ignore[attr-defined]
    assert page.locator(".md-header").count() == 0  # type: ignore[attr-defined]
    if javascript:
        # Really painted, not just laid out: the browser reports the Exit link's words.
        page.wait_for_function(  # type: ignore[attr-defined]
            f"() => vjPainted.includes('{EXIT_TIMING_NAME}')", timeout=10_000)
        assert page.evaluate(  # type: ignore[attr-defined]
            "performance.getEntriesByName('first-contentful-paint').length") == 1
    held.release()
    heading = page.locator(HEADING)  # type: ignore[attr-defined]
    assert heading.is_visible()
    assert _style(page, HEADING, "font-weight") == "700"
    assert _style(page, ".md-header", "background-color") == HEADER_BLUE
    assert _style(page, EXIT_LINK, "background-color") == EXIT_RED


@pytest.mark.parametrize(("path", "scheme", "width"), [
    ("", "light", 375), ("cy/", "light", 375), ("stages/the-trial/", "dark", 375),
    ("cy/", "dark", 1280), ("", "light", 2200)])
def test_nothing_in_the_first_paint_moves_or_changes_when_the_styles_arrive(
        held_page: Callable[..., HeldPage], site_url: str, path: str, scheme: str,
        width: int) -> None:
    """vj-critical.css copies rules from Material's and our stylesheets: this is what
    keeps the copies true (boxes, colours, type, in both colour schemes)."""
    held = held_page(scheme=scheme, width=width)
    page = held.open(site_url + path)
    before = page.evaluate(SNAPSHOT)  # type: ignore[attr-defined]
    held.release()
    after = page.evaluate(SNAPSHOT)  # type: ignore[attr-defined]
    assert len(before) >= 15
    changed = {key: (value, after.get(key)) for key, value in before.items()
               if after.get(key) != value}
    assert changed == {}


def test_the_keyboard_reaches_the_skip_link_then_exit_before_the_styles_arrive(
        held_page: Callable[..., HeldPage], site_url: str) -> None:
    page = held_page().open(site_url)
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.className") == "vj-skip-link"  # type: ignore[attr-defined]
    assert _in_viewport(page, ".vj-skip-link")
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate(  # type: ignore[attr-defined]
        "document.activeElement.hasAttribute('data-vj-exit-link')")
    # GOV.UK's yellow focus, from the inline rules.
    assert _style(page, EXIT_LINK, "background-color") == "rgb(255, 221, 0)"


INDICATOR = "[data-vj-exit-indicator]"
NEUTRAL_PAGE = "<!doctype html><title>Neutral page</title><p>Weather</p>"
# The count, each dot, and the words said after one press of Shift.
SHIFT_COUNT = """() => {
  const box = e => { const b = e.getBoundingClientRect();
    return [b.x, b.y, b.width, b.height].map(v => Math.round(v * 10) / 10); };
  const indicator = document.querySelector('[data-vj-exit-indicator]');
  return {indicator: box(indicator),
          lights: [...indicator.children].map(d => box(d).concat(
            getComputedStyle(d).backgroundColor, getComputedStyle(d).borderTopColor)),
          status: document.querySelector('[data-vj-exit-status]').textContent};
}"""


def _exit_script_ran_before_the_styles(held: HeldPage) -> object:
    """vj-exit.js has run (it adds the Shift count to the button) while the stylesheets
    are held, so the rest of the page is not even parsed yet."""
    page = held.page
    page.wait_for_selector(INDICATOR, state="attached")  # type: ignore[attr-defined]
    assert held.held and page.locator(HEADING).count() == 0  # type: ignore[attr-defined]
    return page


@pytest.mark.parametrize(("path", "how"), [("stages/the-trial/", "shift"), ("cy/", "button")])
def test_the_exit_control_leaves_for_good_before_the_styles_arrive(
        held_page: Callable[..., HeldPage], site_url: str, real_journey: object,
        path: str, how: str) -> None:
    """vj-exit.js comes before the stylesheets (main.html): on a slow connection, Shift
    pressed 3 times leaves, and the Exit link leaves this page out of the browser's
    history, while the rest of the page is still loading."""
    exit_url = real_journey.site.quick_exit_url  # type: ignore[attr-defined]
    held = held_page()
    held.context.route(  # type: ignore[attr-defined]
        lambda url: urlsplit(url).netloc == urlsplit(exit_url).netloc,
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE))
    held.open(site_url + path)
    page = _exit_script_ran_before_the_styles(held)
    if how == "button":
        page.click(EXIT_LINK)  # type: ignore[attr-defined]
    else:
        for _ in range(3):
            page.keyboard.press("Shift")  # type: ignore[attr-defined]
    page.wait_for_url(exit_url)  # type: ignore[attr-defined]
    assert page.title() == "Neutral page"  # type: ignore[attr-defined]
    page.go_back(wait_until="load")  # type: ignore[attr-defined]
    assert not page.url.startswith(site_url)  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_shift_count_looks_the_same_before_and_after_the_styles_arrive(
        held_page: Callable[..., HeldPage], site_url: str, scheme: str) -> None:
    """The count's rules are in the inline first-paint rules only (vj-critical.css), so
    the dots show before the stylesheets arrive, and nothing in those changes them."""
    held = held_page(scheme=scheme)
    held.open(site_url + "stages/the-trial/")
    page = _exit_script_ran_before_the_styles(held)
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    before = page.evaluate(SHIFT_COUNT)  # type: ignore[attr-defined]
    assert before["status"] == "Shift, press 2 more times to exit."
    assert before["indicator"][2] > 0 and len(before["lights"]) == 3
    assert all(light[2] > 0 for light in before["lights"])
    held.release()
    assert page.evaluate(SHIFT_COUNT) == before  # type: ignore[attr-defined]


def test_before_focus_the_skip_link_is_off_the_screen(
        held_page: Callable[..., HeldPage], site_url: str) -> None:
    page = held_page().open(site_url)
    box = page.locator(".vj-skip-link").bounding_box()  # type: ignore[attr-defined]
    assert box is not None and box["y"] + box["height"] <= 0


# --- the built pages: where things are, and the policy ----------------------------------

def _page_file(site: Path, path: str) -> Path:
    return site / path if path.endswith(".html") else site / path / "index.html"


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _style_src(policy: str) -> list[str]:
    (directive,) = [d.strip() for d in policy.split(";") if d.strip().startswith("style-src")]
    return directive.split()[1:]


def test_every_page_holds_the_first_paint_style_and_its_policy_allows_only_that(
        built_site: Path, reader_pages: list[str]) -> None:
    critical = critical_stylesheet([str(THEME_DIR)])
    for path in reader_pages:
        html = _page_file(built_site, path).read_text(encoding="utf-8")
        head, body = html.split("<body", 1)
        styles = re.findall(r"<style\b[^>]*>(.*?)</style", html, re.DOTALL | re.IGNORECASE)
        assert styles == [critical], path
        assert "<style>" in head, path
        policy = page_policy(html)
        assert policy is not None, path
        # Hashed here, independently of csp.py.
        assert _style_src(policy) == ["'self'", _sha(critical)], path
        assert "unsafe" not in policy, path
        # Every stylesheet is linked in <body>, after the exit bar and the 999 line and
        # before Material's header, with the script that makes parsers wait for them.
        assert 'rel="stylesheet"' not in head, path
        links = list(re.finditer(r'<link rel="stylesheet" href="([^"]+)"', body))
        assert len(links) == 2, path
        assert body.index("data-vj-exit-link") < body.index("data-vj-in-danger") \
            < links[0].start()
        assert links[-1].start() < body.index("<script> </script>") \
            < body.index('class="md-header')
        # ... and preloaded from <head>, so that they load side by side, not in turn.
        preloads = re.findall(r'<link rel="preload" as="style" href="([^"]+)"', head)
        assert preloads == [link.group(1) for link in links], path


def test_hosts_send_the_same_style_policy(built_site: Path) -> None:
    headers = (built_site / HEADERS_FILE).read_text(encoding="utf-8")
    critical_hash = _sha(critical_stylesheet([str(THEME_DIR)]))
    for path, file in (("/", "index.html"), ("/cy/stages/the-trial/",
                                              "cy/stages/the-trial/index.html")):
        rule = headers.split(f"\n{path}\n", 1)[1].split("\n/", 1)[0]
        (policy,) = [line.split(": ", 1)[1] for line in rule.splitlines()
                     if line.strip().startswith("Content-Security-Policy:")]
        assert _style_src(policy) == ["'self'", critical_hash]
        assert page_policy((built_site / file).read_text(encoding="utf-8")) in policy


def test_the_first_paint_style_is_small() -> None:
    critical = critical_stylesheet([str(THEME_DIR)]).encode()
    # Carried by every page: about 1 KB of each first visit, compressed.
    assert len(gzip.compress(critical, 9)) < 1300
    assert len(critical) < 4000


def test_the_first_paint_rules_are_not_in_the_joined_stylesheet() -> None:
    assert CRITICAL_STYLESHEET not in SITE_STYLESHEETS
    assert "vj-critical.css" not in joined_stylesheet([str(THEME_DIR)])
    assert (THEME_DIR / STYLESHEETS_FOLDER / CRITICAL_STYLESHEET).is_file()


# --- the allow-list: known before the build, and a page with another style fails -------

PAGE = ('<!doctype html><html><head><meta charset="utf-8"><style>a{b:c}</style>'
        '<script>go()</script></head><body><p>x</p></body></html>')


def test_an_allowed_style_is_hashed_into_the_policy() -> None:
    page = add_csp_meta(PAGE, frozenset({_sha("go()")}), frozenset({_sha("a{b:c}")}))
    policy = page_policy(page)
    assert policy is not None and _style_src(policy) == ["'self'", _sha("a{b:c}")]
    assert add_csp_meta(page, frozenset({_sha("go()")}), frozenset({_sha("a{b:c}")})) == page


@pytest.mark.parametrize("injected", [
    "<style>body{display:none}</style>",
    "<STYLE media='print'>p{b:c}</STYLE>",
    "<style>a{b:c}",  # never closed: the rest of the page is its text
    '<svg><style>a{b:c} </style></svg>',
])
def test_a_page_with_another_inline_style_fails(injected: str) -> None:
    page = PAGE.replace("<p>x</p>", f"<p>{injected}</p>")
    with pytest.raises(UnknownInlineStyle, match="an inline style that is not one of"):
        add_csp_meta(page, frozenset({_sha("go()")}), frozenset({_sha("a{b:c}")}))


def test_scripts_and_styles_are_allowed_separately() -> None:
    # A script's hash never allows a style with the same text, nor the other way round.
    with pytest.raises(UnknownInlineStyle):
        add_csp_meta(PAGE, frozenset({_sha("go()"), _sha("a{b:c}")}))
    with pytest.raises(UnknownInlineScript):
        add_csp_meta(PAGE, frozenset(), frozenset({_sha("a{b:c}"), _sha("go()")}))
    assert allowed_hashes_in(PAGE, STYLES, frozenset({_sha("a{b:c}")})) == [_sha("a{b:c}")]
    assert allowed_hashes_in(PAGE, SCRIPTS, frozenset({_sha("go()")})) == [_sha("go()")]


def test_the_style_allow_list_comes_from_the_templates_and_the_plugin_s_values(
        tmp_path: Path) -> None:
    from victim_journey.mkdocs_plugin.script_allow_list import allowed_style_hashes

    ours, theme = tmp_path / "overrides", tmp_path / "theme"
    ours.mkdir()
    theme.mkdir()
    (ours / "main.html").write_text("<style>{{ vj_critical_css }}</style>")
    (theme / "base.html").write_text("<style>:root{--x:1}</style><style>{{ text }}</style>"
                                     "<style>{% if x %}a{}{% endif %}</style>")
    allowed = allowed_style_hashes([ours, theme], page_globals={"vj_critical_css": "p{q:r}"})
    assert allowed == {_sha("p{q:r}"), _sha(":root{--x:1}")}


def test_the_build_fails_naming_the_page_with_an_unknown_style() -> None:
    import material
    from mkdocs.exceptions import PluginError

    from victim_journey.mkdocs_plugin.plugin import VictimJourneyPlugin

    plugin = VictimJourneyPlugin()
    plugin.theme_dirs = [str(THEME_DIR), str(Path(material.__file__).parent / "templates")]
    plugin.config_extra, plugin.extra_base_urls = {}, ["/"]
    critical = critical_stylesheet(plugin.theme_dirs)
    page = f'<head><meta charset="utf-8"><style>{critical}</style></head><body>'
    secured = plugin._secure(page, "docs/en/privacy.md")
    assert _sha(critical) in (page_policy(secured) or "")
    with pytest.raises(PluginError, match=r"^docs/en/privacy\.md:1:1: error: an inline style "
                                          r"that is not one of the theme's or ours: "
                                          r"'p\{color:red\}'.*\[unknown-style\]$"):
        plugin._secure(page + "<style>p{color:red}</style>", "docs/en/privacy.md")


def test_the_inline_rules_are_minified() -> None:
    # Every page carries them, so no comment or needless blank is paid on each visit.
    critical = critical_stylesheet([str(THEME_DIR)])
    source = (THEME_DIR / STYLESHEETS_FOLDER / CRITICAL_STYLESHEET).read_text(encoding="utf-8")
    assert "/*" not in critical and "\n" not in critical
    assert len(critical) < len(source) * 0.6
    assert ".vj-exit__button{" in critical


def test_a_first_paint_style_that_could_end_its_element_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / STYLESHEETS_FOLDER
    folder.mkdir(parents=True)
    (folder / CRITICAL_STYLESHEET).write_text("a{content:'</style><script>x()</script>'}")
    with pytest.raises(ValueError, match="</"):
        critical_stylesheet([str(tmp_path), str(THEME_DIR)])


# --- the benchmark's pieces, without timing anything ------------------------------------

def test_the_benchmark_server_sends_text_gzipped_over_http_1_1(tmp_path: Path) -> None:
    (tmp_path / "stages").mkdir()
    page = "<!doctype html><title>x</title>" + "<p>words</p>" * 200
    (tmp_path / "stages" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG not really")
    with serve_gzip(tmp_path) as base:
        address = urlsplit(base)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        connection.request("GET", "/stages/")
        response = connection.getresponse()
        body = response.read()
        assert response.version == 11
        assert response.getheader("Content-Encoding") == "gzip"
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert int(response.getheader("Content-Length") or 0) == len(body) < len(page)
        assert gzip.decompress(body).decode() == page
        # Kept alive: the same connection serves the next request.
        connection.request("GET", "/logo.png")
        response = connection.getresponse()
        assert response.read() == b"\x89PNG not really"
        assert response.getheader("Content-Encoding") is None
        connection.request("GET", "/../../etc/passwd")
        response = connection.getresponse()
        response.read()
        assert response.status == 404
        connection.close()


def test_medians_leave_out_what_the_browser_did_not_report() -> None:
    assert _median([300.0, None, 100.0, 200.0]) == 200.0
    assert _median([None, None]) is None


def test_the_benchmark_sees_the_exit_link_painted(browser: object, tmp_path: Path) -> None:
    """The Element Timing mark works on a page that has the Exit link (no time is
    checked: only that the browser reported both paints). Text is reported for the
    block or flex box it is painted in, so the link is inline-flex, as on the site."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>x</title>'
        "<style>[data-vj-exit-link]{display:inline-flex}</style><body><div class=\"vj-exit\">"
        '<a data-vj-exit-link href="https://example.org/">Exit this page</a></div>'
        "<p>Text</p></body></html>", encoding="utf-8")
    with serve_gzip(tmp_path) as base:
        times = paint_times(browser, base)
    assert isinstance(times, PaintTimes)
    assert times.first_contentful_paint is not None and times.exit_painted is not None
