"""The "Exit this page" control, on the real site in a real browser.

The neutral site is never really visited: a browser route answers for its host with a
small local page, and every other host is refused.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from victim_journey.content.journey import Journey

ROOT = Path(__file__).resolve().parent.parent
NEUTRAL_PAGE = "<!doctype html><title>Neutral page</title><p>Weather</p>"
LOADING = "Loading."
TWO_MORE = "Shift, press 2 more times to exit."
ONE_MORE = "Shift, press 1 more time to exit."
EXPIRED = "Exit this page expired."
STATUS = "[data-vj-exit] [role=status]"
BUTTON = "[data-vj-exit] a.vj-exit__button"


@pytest.fixture(scope="module")
def exit_url(real_journey: Journey) -> str:
    return real_journey.site.quick_exit_url


@pytest.fixture(scope="module")
def deep_page(page_paths: list[str]) -> str:
    """An English page two levels down, so relative asset paths are exercised."""
    return next(path for path in page_paths
                if path.count("/") >= 2 and not path.startswith("cy/"))


@pytest.fixture
def open_page(browser: object, site_url: str, exit_url: str
              ) -> Iterator[Callable[..., object]]:
    """open_page(path, javascript=True): a fresh tab on one of our pages."""
    contexts: list[object] = []
    exit_host = urlsplit(exit_url).netloc
    our_host = urlsplit(site_url).netloc

    def opener(path: str, *, javascript: bool = True) -> object:
        context = browser.new_context(java_script_enabled=javascript)  # type: ignore[attr-defined]
        contexts.append(context)

        def answer(route: object) -> None:
            host = urlsplit(route.request.url).netloc  # type: ignore[attr-defined]
            if host == exit_host:
                route.fulfill(status=200, content_type="text/html",  # type: ignore[attr-defined]
                              body=NEUTRAL_PAGE)
            elif host == our_host:
                route.continue_()  # type: ignore[attr-defined]
            else:
                route.abort()  # type: ignore[attr-defined]

        context.route("**/*", answer)  # type: ignore[attr-defined]
        page = context.new_page()  # type: ignore[attr-defined]
        page.goto(site_url + path, wait_until="load")
        return page

    yield opener
    for context in contexts:
        context.close()  # type: ignore[attr-defined]


def _status(page: object) -> str:
    return page.locator(STATUS).text_content() or ""  # type: ignore[attr-defined]


def _shift(page: object, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press("Shift")  # type: ignore[attr-defined]


def _on_neutral_site(page: object, exit_url: str) -> None:
    page.wait_for_url(exit_url)  # type: ignore[attr-defined]
    assert page.title() == "Neutral page"  # type: ignore[attr-defined]


# Every page, from the built HTML.

class _ExitLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[dict[str, str]] = []
        self.container = False
        self.status_regions: list[dict[str, str]] = []
        self.first_link_in_container: dict[str, str] | None = None
        self.container_links: list[dict[str, str]] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "data-vj-exit" in attributes:
            self.container = True
            self._depth = 1
        elif self._depth and tag == "div":
            self._depth += 1
        if tag == "a" and "href" in attributes:
            self.links.append(attributes)
            if self._depth:
                self.container_links.append(attributes)
        if self._depth and attributes.get("role") == "status":
            self.status_regions.append(attributes)

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "div":
            self._depth -= 1


def _target(site: Path, page: Path, href: str) -> Path:
    # 404.html links from the site's root, as it is served at any address.
    return (site / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve()


def test_every_page_has_the_exit_link(built_site: Path, exit_url: str) -> None:
    files = sorted(built_site.rglob("*.html"))
    assert files
    for path in files:
        parser = _ExitLinks()
        parser.feed(path.read_text(encoding="utf-8"))
        exits = [a for a in parser.links if a["href"] == exit_url]
        assert exits, f"{path}: no link to {exit_url}"
        for link in exits:
            assert {"nofollow", "noreferrer"} <= set(link.get("rel", "").split()), path
        if not parser.container:
            continue  # a plain page, such as a redirect, has the link and no more
        first, *others = parser.container_links
        assert first["href"] == exit_url, f"{path}: the exit link must come first"
        # Each language links to its own "Staying safe online".
        welsh = path.relative_to(built_site).parts[0] == "cy"
        safety = (built_site / ("cy" if welsh else "") / "staying-safe-online").resolve()
        assert any(_target(built_site, path, a["href"]) == safety for a in others), path
        assert [r.get("aria-live") for r in parser.status_regions] == ["polite"], path


def test_the_staying_safe_link_leads_to_the_page(built_site: Path) -> None:
    page = built_site / "stages"
    html = next(page.rglob("index.html"))
    parser = _ExitLinks()
    parser.feed(html.read_text(encoding="utf-8"))
    safety = next(a["href"] for a in parser.container_links if "staying-safe" in a["href"])
    target = (html.parent / safety / "index.html").resolve()
    assert target.is_file(), target
    assert "What the button cannot do" in target.read_text(encoding="utf-8")


# Behaviour in the browser.

# Logs what the reader sees once the exit has started: the observer runs as soon as the
# exit script has finished its work, before the browser moves to the other site.
LEAVING_SNAPSHOT = """
new MutationObserver((changes, observer) => {
  const overlay = document.querySelector(".vj-exit-overlay");
  if (!overlay) return;
  observer.disconnect();
  const others = [...document.body.children].filter((e) => e !== overlay);
  console.log("vj-leaving " + JSON.stringify({
    title: document.title,
    overlay: overlay.textContent,
    allElseHidden: others.every((e) => getComputedStyle(e).display === "none"),
  }));
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("how", ["button", "shift"])
def test_leaving_blanks_the_page_first(open_page: Callable[..., object], deep_page: str,
                                       exit_url: str, how: str) -> None:
    page = open_page(deep_page)
    page.add_init_script(LEAVING_SNAPSHOT)  # type: ignore[attr-defined]
    page.reload(wait_until="load")  # type: ignore[attr-defined]
    logged: list[str] = []
    page.on("console", lambda message: logged.append(message.text))  # type: ignore[attr-defined]
    if how == "button":
        page.click(BUTTON)  # type: ignore[attr-defined]
    else:
        _shift(page, 3)
    _on_neutral_site(page, exit_url)
    snapshots = [json.loads(text.split(" ", 1)[1]) for text in logged
                 if text.startswith("vj-leaving ")]
    assert snapshots == [{"title": LOADING, "overlay": LOADING, "allElseHidden": True}]


def test_shift_three_times_leaves_and_announces_each_step(
        open_page: Callable[..., object], deep_page: str, exit_url: str) -> None:
    page = open_page(deep_page)
    assert _status(page) == ""
    _shift(page)
    assert _status(page) == TWO_MORE
    _shift(page)
    assert _status(page) == ONE_MORE
    _shift(page)
    _on_neutral_site(page, exit_url)


def test_a_welsh_page_announces_each_step_in_welsh(
        open_page: Callable[..., object], exit_url: str) -> None:
    """The words come from journey/interface-text.yml, in the page's language."""
    table = yaml.safe_load((ROOT / "journey" / "interface-text.yml").read_text())["text"]
    page = open_page("cy/stages/the-trial/")
    _shift(page)
    assert _status(page) == table["exit-shift-2"]["cy"] != TWO_MORE
    _shift(page)
    assert _status(page) == table["exit-shift-1"]["cy"]
    _shift(page)
    _on_neutral_site(page, exit_url)


def test_shift_with_another_key_does_not_count(open_page: Callable[..., object],
                                               deep_page: str) -> None:
    page = open_page(deep_page)
    keyboard = page.keyboard  # type: ignore[attr-defined]
    _shift(page)
    # Shift as a modifier: ends the count, adds nothing. S, because another script stops
    # it early to keep it from Material's shortcuts; the count must still see it.
    keyboard.press("Shift+S")
    _shift(page, 2)
    assert _status(page) == ONE_MORE  # counting started again after Shift+A
    # Shift let go before the other key: still a modifier, still not counted.
    keyboard.down("Shift")
    keyboard.down("B")
    keyboard.up("Shift")
    keyboard.up("B")
    _shift(page, 2)
    assert _status(page) == ONE_MORE
    assert page.url.startswith("http://127.0.0.1")  # type: ignore[attr-defined]


def test_count_resets_after_five_seconds_without_a_press(
        open_page: Callable[..., object], deep_page: str, exit_url: str) -> None:
    page = open_page(deep_page)
    clock = page.clock  # type: ignore[attr-defined]
    clock.install()
    page.reload(wait_until="load")  # type: ignore[attr-defined]
    _shift(page, 2)
    clock.run_for(5001)
    assert _status(page) == EXPIRED
    _shift(page)
    assert _status(page) == TWO_MORE  # a fresh count, not the third press
    # The wait is between presses, not for the whole sequence.
    clock.run_for(4000)
    _shift(page)
    clock.run_for(4000)
    _shift(page)
    _on_neutral_site(page, exit_url)


@pytest.mark.parametrize("how", ["button", "shift"])
def test_back_does_not_return_to_our_page(open_page: Callable[..., object], deep_page: str,
                                          exit_url: str, site_url: str, how: str) -> None:
    page = open_page(deep_page)
    if how == "button":
        page.click(BUTTON)  # type: ignore[attr-defined]
    else:
        _shift(page, 3)
    _on_neutral_site(page, exit_url)
    page.go_back(wait_until="load")  # type: ignore[attr-defined]
    assert not page.url.startswith(site_url)  # type: ignore[attr-defined]


def test_a_page_shown_again_from_the_back_forward_cache_counts_afresh(
        open_page: Callable[..., object], deep_page: str) -> None:
    """Browsers fire pageshow on a first load too; only a page restored from the
    back-forward cache (persisted) loses its count and its blank overlay. vj-exit.js
    runs before the page has loaded, so a count under way must outlast the load."""
    page = open_page(deep_page)
    _shift(page, 2)
    assert _status(page) == ONE_MORE
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', "  # type: ignore[attr-defined]
                  "{persisted: false}))")
    assert _status(page) == ONE_MORE
    page.evaluate("""() => {  // as a reader who left and came Back finds the page
      document.documentElement.classList.add('vj-exit-leaving');
      const overlay = document.createElement('div');
      overlay.className = 'vj-exit-overlay';
      document.body.appendChild(overlay);
      window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
    }""")
    assert _status(page) == ""
    assert page.locator(".vj-exit-overlay").count() == 0  # type: ignore[attr-defined]
    assert page.evaluate(  # type: ignore[attr-defined]
        "document.documentElement.classList.contains('vj-exit-leaving')") is False
    assert not page.locator("[data-vj-exit-indicator]").is_visible()  # type: ignore[attr-defined]


def test_exit_link_works_without_javascript(open_page: Callable[..., object],
                                            deep_page: str, exit_url: str) -> None:
    page = open_page(deep_page, javascript=False)
    page.click(BUTTON)  # type: ignore[attr-defined]
    _on_neutral_site(page, exit_url)


def test_exit_bar_stays_in_view_and_above_the_menu(open_page: Callable[..., object],
                                                   deep_page: str) -> None:
    page = open_page(deep_page)
    page.set_viewport_size({"width": 400, "height": 700})  # type: ignore[attr-defined]
    page.mouse.wheel(0, 5000)  # type: ignore[attr-defined]
    page.wait_for_function("window.scrollY > 500")  # type: ignore[attr-defined]
    on_top = """() => {
      const button = document.querySelector(".vj-exit__button");
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return box.top >= 0 && box.top < 20 && button.contains(hit);
    }"""
    assert page.evaluate(on_top)  # type: ignore[attr-defined]
    # The menu button (vj-header-buttons.js puts it in place of Material's label).
    page.click("button[data-vj-header-button=__drawer]")  # type: ignore[attr-defined]
    page.wait_for_timeout(400)  # type: ignore[attr-defined]  # the drawer slides in
    assert page.evaluate(on_top)  # type: ignore[attr-defined]


def test_exit_bar_is_not_printed(open_page: Callable[..., object], deep_page: str) -> None:
    page = open_page(deep_page)
    assert page.locator("[data-vj-exit]").is_visible()  # type: ignore[attr-defined]
    page.emulate_media(media="print")  # type: ignore[attr-defined]
    assert page.locator("[data-vj-exit]").is_hidden()  # type: ignore[attr-defined]


def _contrast(foreground: str, background: str) -> float:
    def luminance(rgb: str) -> float:
        channels = [int(c) / 255 for c in rgb[rgb.index("(") + 1:-1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
                  for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_exit_button_reaches_aaa_contrast_and_a_large_target(
        open_page: Callable[..., object], deep_page: str) -> None:
    page = open_page(deep_page)
    button = page.locator(BUTTON)  # type: ignore[attr-defined]
    colours = button.evaluate(
        "(e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert _contrast(*colours) >= 7
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    for _ in range(5):  # the skip link comes first; the exit link within a few presses
        if button.evaluate("(e) => e === document.activeElement"):
            break
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
    focused = button.evaluate(
        "(e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert button.evaluate("(e) => e === document.activeElement")
    assert focused != colours and _contrast(*focused) >= 7
