"""Accessibility in a real browser (Playwright on the system Chromium): keyboard only,
320 CSS pixels wide, JavaScript off, reduced motion, and no one-key shortcuts."""

from __future__ import annotations

from typing import Any

import pytest

from victim_journey.site_check.axe import AXE_RUN_SCRIPT, AXE_TAGS
from victim_journey.site_check.tools import find_tools

STAGE = "stages/the-trial/"
NOT_FOUND = "404.html"

# Every element a keyboard user should reach: focusable and drawn on screen. What is inside
# a closed <details> is reached by opening it, from its <summary>, which is reached itself.
_MARK_FOCUSABLE = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), [tabindex], details > summary';
  const marked = [];
  document.querySelectorAll(selector).forEach((element, index) => {
    const style = getComputedStyle(element);
    const folded = element.tagName !== 'SUMMARY'
      && element.closest('details:not([open])') !== null;
    if (element.tabIndex < 0 || folded || !element.getClientRects().length
        || style.visibility !== 'visible') return;
    element.dataset.vjTab = String(index);
    marked.push(String(index));
  });
  return marked;
}"""

# What the focused element looks like, and whether it can be seen: inside the window and
# not covered by anything else.
_FOCUSED = """() => {
  // Covered means something a reader can see lies on top: an element with a background,
  // a picture or words. A transparent, empty box on top hides nothing.
  const seeThrough = other => {
    const style = getComputedStyle(other);
    return /rgba\\(.*, 0\\)|transparent/.test(style.backgroundColor)
      && style.backgroundImage === 'none' && !/^(IMG|SVG|VIDEO|CANVAS|INPUT)$/i.test(other.tagName)
      && ![...other.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
  };
  const uncovered = (element, x, y) => {
    for (const other of document.elementsFromPoint(x, y)) {
      if (other === element || element.contains(other) || other.contains(element)) return true;
      if (!seeThrough(other)) return false;
    }
    return false;
  };
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  // The first line of the element: a link that wraps has words on two lines, and the
  // middle of its whole box can fall between them.
  const line = element.getClientRects()[0] || box;
  const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(line.top + line.height / 2, 0), innerHeight - 1);
  return {
    id: element.dataset.vjTab || null,
    name: (element.getAttribute('aria-label') || element.textContent || element.tagName)
      .trim().replace(/\\s+/g, ' ').slice(0, 60),
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
      && box.left < innerWidth && box.top < innerHeight,
    uncovered: uncovered(element, x, y),
    look: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
           style.backgroundColor],
  };
}"""

_LOOK_OF = """ids => ids.map(id => {
  const style = getComputedStyle(document.querySelector(`[data-vj-tab="${id}"]`));
  return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
          style.backgroundColor];
})"""


def _transparent(colour: str) -> bool:
    return colour == "transparent" or colour.replace(" ", "").endswith(",0)")


def _focus_is_visible(focused: list[str], unfocused: list[str]) -> bool:
    """A change a reader can see: a drawn outline, a shadow, or a new background."""
    outline_style, outline_width, outline_colour, shadow, background = focused
    outline = (outline_style != "none" and outline_width not in ("0px", "")
               and not _transparent(outline_colour) and focused[:3] != unfocused[:3])
    return outline or (shadow != "none" and shadow != unfocused[3]) \
        or background != unfocused[4]


def _tab_through(page: Any) -> tuple[list[str], list[dict[str, Any]]]:
    """Press Tab until focus leaves the page; return what should be reached and what was."""
    expected = page.evaluate(_MARK_FOCUSABLE)
    reached: list[dict[str, Any]] = []
    for _ in range(len(expected) * 2 + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None or (reached and focused["id"] == reached[0]["id"]):
            break
        reached.append(focused)
    return expected, reached


_AFTER_SKIP_TARGET = """() => {
  const target = document.getElementById('main-content'), focused = document.activeElement;
  return !!(target.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING)
    && !focused.closest('.md-header, .md-sidebar');
}"""


def test_first_tab_reaches_the_skip_link_and_it_works(page: Any, site_url: str) -> None:
    for path in (STAGE, NOT_FOUND):
        page.goto(site_url + path)
        page.keyboard.press("Tab")
        skip = page.evaluate(_FOCUSED)
        assert skip is not None and skip["name"] == "Skip to main content", path
        assert skip["onScreen"] and skip["uncovered"], path
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#main-content", path
        assert page.evaluate("document.activeElement.id") == "main-content", path
        page.keyboard.press("Tab")
        # The next stop comes after the target: past the header and the navigation.
        assert page.evaluate(_AFTER_SKIP_TARGET), path


@pytest.mark.parametrize("width", [1280, 400])
def test_every_control_on_a_stage_page_is_reached_with_visible_focus(
        page: Any, site_url: str, width: int) -> None:
    # Reduced motion: no sliding menus, so positions are final when measured.
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + STAGE)
    expected, reached = _tab_through(page)
    reached_ids = [r["id"] for r in reached]
    assert len(expected) > 20
    assert set(expected) - set(reached_ids) == set(), "not reachable with Tab"
    hidden = [r["name"] for r in reached if not (r["onScreen"] and r["uncovered"])]
    assert hidden == [], "focused but out of sight"
    page.evaluate("document.activeElement && document.activeElement.blur()")
    unfocused = page.evaluate(_LOOK_OF, reached_ids)
    invisible = [r["name"] for r, before in zip(reached, unfocused, strict=True)
                 if not _focus_is_visible(r["look"], before)]
    assert invisible == [], "no visible focus indicator"


@pytest.mark.parametrize("material", ["not loaded", "loaded"])
def test_controls_work_from_the_keyboard(page: Any, site_url: str, material: str) -> None:
    page.goto(site_url + STAGE)
    if material == "loaded":
        _with_material_loaded(page)
    # A menu section opens and closes with Enter and with Space, once per press.
    section = page.locator(".md-nav--primary label.md-nav__link[tabindex='0']").first
    toggle = page.locator("#" + section.get_attribute("for"))
    was_open = toggle.is_checked()
    section.focus()
    page.keyboard.press("Enter")
    assert toggle.is_checked() is not was_open
    page.keyboard.press(" ")
    assert toggle.is_checked() is was_open
    # A link follows with Enter.
    next_link = page.locator("#what-happens-next ~ ul a").first
    target = next_link.get_attribute("href")
    next_link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site_url + "stages/" + target.removeprefix("../")


def _with_material_loaded(page: Any) -> None:
    """Material's script loads when search starts (vj-material-on-demand.js): start it,
    then close search, so the page is as a reader has it after a search."""
    page.locator(".md-search__input").focus()
    page.locator("html[data-vj-material=ready]").wait_for(state="attached")
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement && document.activeElement.blur()")


def test_one_key_shortcuts_are_turned_off(page: Any, site_url: str) -> None:
    """WCAG 2.1.4: Material's "n" (next page) must not fire; in a text box it is a letter."""
    page.goto(site_url + STAGE)
    _with_material_loaded(page)
    assert page.locator("link[rel=next]").count() == 1
    for key in ("n", ".", "p", ","):
        page.keyboard.press(key)
    page.wait_for_timeout(500)
    assert page.url == site_url + STAGE
    page.locator(".md-search__input").focus()
    page.keyboard.type("no")
    assert page.locator(".md-search__input").input_value() == "no"


def _all_pages(page_paths: list[str]) -> list[str]:
    return [*page_paths, NOT_FOUND, "cy/" + NOT_FOUND]


def test_no_page_scrolls_sideways_at_320_css_pixels(browser: Any, site_url: str,
                                                    page_paths: list[str]) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    too_wide = {}
    for path in _all_pages(page_paths):
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path or "(home)"] = width
    context.close()
    assert too_wide == {}


# Text a reader sees: (tag, words) of each rendered block and link in the content, the
# navigation and the footer. A part the page sends with the `hidden` attribute is a tool
# that only works with JavaScript, which shows it; such parts are left out of `all`.
_SEEN = """() => {
  const parts = document.querySelectorAll(
    '.md-content :is(h1,h2,h3,h4,p,li,dt,dd,td,th,a[href]), .md-nav--primary a[href],'
    + ' .md-footer a[href]');
  const all = [], rendered = [];
  for (const element of parts) {
    const key = element.tagName + ' ' + element.textContent.trim().replace(/\\s+/g, ' ');
    if (!element.closest('[hidden]')) all.push(key);
    const style = getComputedStyle(element);
    if (element.getClientRects().length && style.visibility === 'visible') rendered.push(key);
  }
  return {all, rendered};
}"""


def test_every_page_shows_its_content_and_navigation_without_javascript(
        browser: Any, site_url: str, page_paths: list[str]) -> None:
    with_js = browser.new_context(viewport={"width": 1280, "height": 800})
    without_js = browser.new_context(viewport={"width": 1280, "height": 800},
                                     java_script_enabled=False)
    on_page, off_page = with_js.new_page(), without_js.new_page()
    problems = {}
    for path in _all_pages(page_paths):
        on_page.goto(site_url + path)
        off_page.goto(site_url + path)
        on, off = on_page.evaluate(_SEEN), off_page.evaluate(_SEEN)
        # What scripts add is an extra; what is in the page must show without them.
        lost = sorted(set(on["rendered"]) & set(off["all"]) - set(off["rendered"]))
        nav_links = off_page.locator(".md-nav--primary a[href]:visible").count()
        has_heading = any(key.startswith("H1 ") for key in off["rendered"])
        if lost or nav_links < 5 or not has_heading:
            problems[path or "(home)"] = {"hidden without JavaScript": lost[:5],
                                          "navigation links": nav_links,
                                          "main heading": has_heading}
    with_js.close()
    without_js.close()
    assert problems == {}


_MOTION = """() => {
  const seconds = value => value.split(',').map(part => parseFloat(part) || 0);
  const moving = [];
  for (const element of document.querySelectorAll('*')) {
    const style = getComputedStyle(element);
    const times = [...seconds(style.transitionDuration), ...seconds(style.animationDuration)];
    if (times.some(time => time > 0.01)) {
      moving.push(element.className.toString() || element.tagName);
    }
  }
  return {moving, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""


def test_reduced_motion_is_honoured(page: Any, site_url: str) -> None:
    page.goto(site_url + STAGE)
    # Without the setting Material does animate, so the check below measures something.
    assert page.evaluate(_MOTION)["moving"] != []
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + STAGE)
    motion = page.evaluate(_MOTION)
    assert motion["moving"] == []
    assert motion["scroll"] != "smooth"


def test_open_search_with_results_has_no_violations(browser: Any, site_url: str) -> None:
    """The whole-site check sees search closed: open it, with results, and check again."""
    # bypass_csp: the site's policy rightly refuses inline scripts, and axe-core is one.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + STAGE)
    page.locator(".md-search__input").focus()
    page.keyboard.type("review")
    page.locator(".md-search-result__item").first.wait_for()
    page.add_script_tag(path=str(find_tools().axe_script))
    violations = page.evaluate(AXE_RUN_SCRIPT, list(AXE_TAGS))
    context.close()
    assert violations == []
