"""What automated checkers cannot see, tried in a real browser (Playwright, Chromium):
the keyboard, large text, 400% zoom, dark mode, and the "Exit this page" dots.

One page of each type, in both languages, stands for the rest: every page of a type
comes from the same template. Each test opens one browser context and reuses its tab.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterator
from typing import Any

import pytest

from victim_journey.site_check.axe import AXE_RUN_SCRIPT, AXE_TAGS
from victim_journey.site_check.browser import CHROMIUM_FLAGS
from victim_journey.site_check.tools import find_tools

# One page of each type: home, stage, "no charge" stage (with the date helper), service,
# rights, glossary, A to Z, a question, the whole guide, a hand-written page, not found.
PAGE_TYPES = ("", "stages/the-trial/", "stages/no-charge-police/", "services/refuge/",
              "rights/", "glossary/", "a-to-z/", "where-am-i/", "print/", "accessibility/",
              "404.html")
LANGUAGES = ("", "cy/")
SAMPLE_PAGES = [language + path for language in LANGUAGES for path in PAGE_TYPES]

# A phone, and a 1280 by 800 screen at 200% zoom (640 by 400 CSS pixels).
SIZES = {"phone 375": ({"width": 375, "height": 740}, 1),
         "1280 at 200%": ({"width": 640, "height": 400}, 2)}
# 400% zoom of a 1280 by 800 screen.
ZOOM_400 = ({"width": 320, "height": 200}, 4)
TAB_STOPS = 40
# Every page has more than this many (the exit bar, the 999 line, the header, the menu and
# the page's own links): fewer means the walk saw nothing.
MIN_STOPS = 20
# The first link or control of the page's own content comes within this many Tabs: skip
# link, exit, staying safe, the 999 link and its "more" summary, language, menu, search,
# and a spare.
CONTENT_WITHIN = 10

_DOUBLE_TEXT = """() => {
  const root = document.documentElement;
  root.style.fontSize = 2 * parseFloat(getComputedStyle(root).fontSize) + 'px';
}"""

# The focused element: can a sighted keyboard user see it? It must be drawn, inside the
# window, not covered at its middle or its left-hand corners (where reading starts; the
# search box's button sits over its right-hand end), and not inside a closed drawer or a
# folded search box (a place that is shown only because it has focus).
_FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const seeThrough = other => {
    const style = getComputedStyle(other);
    return /rgba\\(.*, 0\\)|transparent/.test(style.backgroundColor)
      && style.backgroundImage === 'none'
      && !/^(IMG|SVG|VIDEO|CANVAS|INPUT)$/i.test(other.tagName)
      && ![...other.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
  };
  const uncoveredAt = (x, y) => {
    for (const other of document.elementsFromPoint(x, y)) {
      if (other === element || element.contains(other) || other.contains(element)) return true;
      if (!seeThrough(other)) return false;
    }
    return false;
  };
  const box = element.getBoundingClientRect();
  const line = element.getClientRects()[0] || box;
  const inset = Math.min(3, line.width / 4, line.height / 4);
  const points = [[line.left + line.width / 2, line.top + line.height / 2],
                  [line.left + inset, line.top + inset],
                  [line.left + inset, line.bottom - inset]];
  const onScreen = box.width > 0 && box.height > 0 && box.left >= -1 && box.top >= -1
    && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1;
  const toggled = id => { const box = document.getElementById(id); return !!box && box.checked; };
  const hiddenPlace = (element.closest('.md-sidebar--primary') && innerWidth < 1220
                       && !toggled('__drawer'))
    || (element.closest('.md-search__inner') && innerWidth < 960 && !toggled('__search'));
  return {
    name: (element.getAttribute('aria-label') || element.textContent || element.tagName)
      .trim().replace(/\\s+/g, ' ').slice(0, 50),
    visible: onScreen && points.every(([x, y]) => uncoveredAt(x, y))
      && getComputedStyle(element).visibility === 'visible',
    hiddenPlace: !!hiddenPlace,
    inContent: !!element.closest('.md-content'),
  };
}"""

_OVERLAP = """([first, second]) => {
  const a = document.querySelector(first).getBoundingClientRect();
  const b = document.querySelector(second).getBoundingClientRect();
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}"""


@pytest.fixture(scope="module")
def contexts(browser: Any) -> Iterator[dict[str, Any]]:
    """One tab per screen size, with motion reduced so positions are final at once."""
    opened = {}
    for name, (viewport, scale) in {**SIZES, "400%": ZOOM_400}.items():
        context = browser.new_context(viewport=viewport, device_scale_factor=scale,
                                      reduced_motion="reduce")
        opened[name] = context
    yield {name: context.new_page() for name, context in opened.items()}
    for context in opened.values():
        context.close()


# Every page's walk records each Tab stop in the page, when the next Tab is pressed: focus
# has moved and the page has scrolled to it by then. The key presses are then sent to the
# browser one after another without waiting for each answer (Chrome DevTools Protocol,
# in order), which makes walking every page about five times quicker than pressing and
# asking in turn. Playwright's sync API waits for each answer, so the walk uses its async
# API, in a thread of its own with its own Chromium.
_RECORD_TAB_STOPS = f"""() => {{
  const measure = {_FOCUSED};
  window.__vjStops = [];
  window.__vjMeasure = measure;
  document.addEventListener('keydown', event => {{
    if (event.key !== 'Tab') return;
    const stop = measure();
    if (stop) window.__vjStops.push(stop);
  }}, true);
}}"""
_RECORDED_STOPS = """() => {
  const last = window.__vjMeasure();
  return last ? [...window.__vjStops, last] : window.__vjStops;
}"""
_TAB_KEY = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}


def _walk_every_page(chromium: str, site_url: str, paths: list[str], size: str
                     ) -> dict[str, list[dict[str, Any]]]:
    """{page: its first TAB_STOPS stops}, pressing Tab as a keyboard user does."""
    viewport, scale = SIZES[size]

    async def walk() -> dict[str, list[dict[str, Any]]]:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium,
                                                       args=list(CHROMIUM_FLAGS))
            context = await browser.new_context(viewport=viewport, device_scale_factor=scale,
                                                reduced_motion="reduce")
            page = await context.new_page()
            keys = await context.new_cdp_session(page)
            stops = {}
            for path in paths:
                await page.goto(site_url + path)
                await page.evaluate(_RECORD_TAB_STOPS)
                await asyncio.gather(*(
                    keys.send("Input.dispatchKeyEvent", {"type": kind, **_TAB_KEY})
                    for _ in range(TAB_STOPS) for kind in ("rawKeyDown", "keyUp")))
                stops[path] = await page.evaluate(_RECORDED_STOPS)
            await browser.close()
            return stops

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, walk()).result()


def _tab_through(page: Any) -> list[dict[str, Any]]:
    """The first TAB_STOPS stops, asking the browser after each Tab: the page's own
    listeners do not run without JavaScript, so the recorder above cannot be used."""
    stops = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            break
        stops.append(focused)
    return stops


@pytest.mark.parametrize("size", list(SIZES))
def test_every_tab_stop_is_visible_and_the_content_comes_soon(
        chromium_path: str, site_url: str, reader_pages: list[str], size: str) -> None:
    """Every page, in both languages: the first 40 Tab stops."""
    problems: dict[str, object] = {}
    walked = _walk_every_page(chromium_path, site_url, reader_pages, size)
    assert list(walked) == reader_pages
    too_few = {path: len(stops) for path, stops in walked.items() if len(stops) < MIN_STOPS}
    assert too_few == {}, "the walk did not see the Tab stops"
    for path, stops in walked.items():
        out_of_sight = [stop["name"] for stop in stops
                        if not stop["visible"] or stop["hiddenPlace"]]
        first_in_content = next((number for number, stop in enumerate(stops, start=1)
                                 if stop["inContent"]), None)
        if out_of_sight or first_in_content is None or first_in_content > CONTENT_WITHIN:
            problems[path or "(home)"] = {"out of sight": out_of_sight[:6],
                                          "first Tab in the content": first_in_content}
    assert problems == {}


def test_without_javascript_nothing_hidden_takes_focus(browser: Any, site_url: str) -> None:
    """The closed drawer and the folded search box are hidden by CSS alone."""
    viewport, scale = SIZES["phone 375"]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale,
                                  reduced_motion="reduce", java_script_enabled=False)
    page = context.new_page()
    problems = {}
    for path in [language + page_type for language in LANGUAGES
                 for page_type in ("", "stages/the-trial/", "rights/")]:
        page.goto(site_url + path)
        stops = _tab_through(page)
        assert len(stops) >= MIN_STOPS, path
        out_of_sight = [stop["name"] for stop in stops
                        if not stop["visible"] or stop["hiddenPlace"]]
        if out_of_sight:
            problems[path or "(home)"] = out_of_sight[:6]
    context.close()
    assert problems == {}


@pytest.mark.parametrize("size", list(SIZES))
def test_the_focused_skip_link_does_not_cover_the_exit_button(
        contexts: dict[str, Any], site_url: str, size: str) -> None:
    page = contexts[size]
    for language in LANGUAGES:
        page.goto(site_url + language + "stages/the-trial/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "vj-skip-link"
        assert not page.evaluate(_OVERLAP, [".vj-skip-link", ".vj-exit__button"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_menu_and_search_buttons_work_from_the_keyboard(
        contexts: dict[str, Any], site_url: str, language: str) -> None:
    page = contexts["phone 375"]
    page.goto(site_url + language + "stages/the-trial/")
    menu = page.locator("button[data-vj-header-button='__drawer']")
    menu.focus()
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    # The next stops are the search button, then the open drawer's links, in sight.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate(_FOCUSED)
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    assert focused["visible"], focused
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.vjHeaderButton") == "__drawer"
    search = page.locator("button[data-vj-header-button='__search']")
    search.focus()
    page.keyboard.press("Enter")
    assert search.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate(_FOCUSED)["visible"]


_CLIPPED = """selector => {
  const element = document.querySelector(selector);
  const box = element.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(element);
  const words = [...range.getClientRects()].filter(rect => rect.width > 1);
  return {
    overflows: element.scrollWidth > element.clientWidth + 1
      || element.scrollHeight > element.clientHeight + 1,
    offScreen: box.left < -1 || box.right > innerWidth + 1,
    wordsOutside: words.some(rect => rect.left < box.left - 1 || rect.right > box.right + 1),
  };
}"""


@pytest.mark.parametrize("setting", ["double text at 375", "400% zoom"])
def test_the_exit_button_never_clips_its_words(contexts: dict[str, Any], site_url: str,
                                               setting: str) -> None:
    page = contexts["phone 375" if setting.startswith("double") else "400%"]
    problems = {}
    for path in [language + page_type for language in LANGUAGES
                 for page_type in ("", "stages/the-trial/")]:
        page.goto(site_url + path)
        if setting.startswith("double"):
            page.evaluate(_DOUBLE_TEXT)
        clipped = page.evaluate(_CLIPPED, ".vj-exit__button")
        if any(clipped.values()):
            problems[path or "(home)"] = clipped
    assert problems == {}


# The height, at the top of the window, of everything fixed or sticky that is drawn there.
_STUCK_HEIGHT = """() => {
  const spans = [];
  for (const element of document.querySelectorAll('body *')) {
    const style = getComputedStyle(element);
    if (!/^(sticky|fixed)$/.test(style.position) || style.visibility !== 'visible'
        || style.opacity === '0') continue;
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.right <= 0 || box.left >= innerWidth) continue;
    const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
    if (bottom > top) spans.push([top, bottom]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0, reach = 0;
  for (const [top, bottom] of spans) {
    if (bottom > reach) { covered += bottom - Math.max(top, reach); reach = bottom; }
  }
  return covered;
}"""


def test_sticky_bars_take_at_most_a_quarter_of_the_screen_at_400_percent(
        contexts: dict[str, Any], site_url: str) -> None:
    page = contexts["400%"]
    heights = {}
    for path in [language + page_type for language in LANGUAGES
                 for page_type in ("", "stages/the-trial/", "rights/")]:
        page.goto(site_url + path)
        page.evaluate("window.scrollTo(0, 800)")
        heights[path or "(home)"] = page.evaluate(_STUCK_HEIGHT)
    assert max(heights.values()) <= 200 / 4, heights


def test_the_reading_column_stays_wide_with_double_text(browser: Any, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    widths = {}
    for language in LANGUAGES:
        page.goto(site_url + language + "stages/the-trial/")
        page.evaluate(_DOUBLE_TEXT)
        widths[language or "en"] = page.evaluate(
            "document.querySelector('.md-content__inner').getBoundingClientRect().width")
    context.close()
    assert min(widths.values()) >= 1280 / 2, widths


@pytest.mark.parametrize("width", [375, 1280])
def test_the_any_time_label_does_not_cover_its_heading(browser: Any, site_url: str,
                                                       width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    covered = {}
    for language in LANGUAGES:
        page.goto(site_url + language)
        covered[language.strip("/") or "en"] = page.evaluate(
            _OVERLAP, [".vj-step--throughout .vj-step__label",
                       ".vj-step--throughout .vj-step__title a"])
    context.close()
    assert covered == {"en": False, "cy": False}


_DOTS = """() => {
  const indicator = document.querySelector('[data-vj-exit-indicator]');
  if (!indicator) return null;
  const shown = element => element.getClientRects().length > 0
    && getComputedStyle(element).visibility === 'visible';
  const lit = [...indicator.children].filter(dot =>
    shown(dot) && getComputedStyle(dot).backgroundColor !== 'rgba(0, 0, 0, 0)');
  return {shown: shown(indicator), dots: indicator.children.length, lit: lit.length,
          hiddenFromScreenReaders: indicator.getAttribute('aria-hidden') === 'true',
          status: document.querySelector('[data-vj-exit-status]').textContent};
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_shift_press_lights_a_dot_and_is_announced(
        contexts: dict[str, Any], site_url: str, language: str) -> None:
    page = contexts["phone 375"]
    page.goto(site_url + language + "stages/the-trial/")
    before = page.evaluate(_DOTS)
    assert before is not None and not before["shown"]
    page.keyboard.press("Shift")
    once = page.evaluate(_DOTS)
    assert (once["shown"], once["dots"], once["lit"]) == (True, 3, 1)
    assert once["hiddenFromScreenReaders"] and once["status"]
    page.keyboard.press("Shift")
    twice = page.evaluate(_DOTS)
    assert (twice["shown"], twice["lit"]) == (True, 2)
    assert twice["status"] and twice["status"] != once["status"]
    # Another key ends the count: the dots go.
    page.keyboard.press("a")
    assert page.evaluate(_DOTS)["shown"] is False


_BACKGROUND_LUMINANCE = """() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor
    .match(/[0-9.]+/g).slice(0, 3).map(Number).map(value => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_colour_schemes_have_aaa_contrast(browser: Any, site_url: str,
                                               scheme: str) -> None:
    # bypass_csp: the site's policy rightly refuses inline scripts, and axe-core is one.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True,
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    axe_script = str(find_tools().axe_script)
    problems, luminance = {}, {}
    for path in [language + page_type for language in LANGUAGES
                 for page_type in ("", "stages/no-charge-police/", "where-am-i/", "a-to-z/",
                                   "404.html")]:
        page.goto(site_url + path)
        page.add_script_tag(path=axe_script)
        # AA rules, and AAA's 7:1 contrast (color-contrast-enhanced, tag wcag2aaa).
        violations = page.evaluate(AXE_RUN_SCRIPT, [*AXE_TAGS, "wcag2aaa"])
        if violations:
            problems[path or "(home)"] = [(v["id"], v["targets"][:3]) for v in violations]
        luminance[path or "(home)"] = page.evaluate(_BACKGROUND_LUMINANCE)
    context.close()
    assert problems == {}
    if scheme == "dark":
        assert max(luminance.values()) < 0.05, "the dark scheme is not dark"
    else:
        assert min(luminance.values()) > 0.9
