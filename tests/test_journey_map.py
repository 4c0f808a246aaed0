"""The journey map: an inline SVG on the home page, with a keyboard-reachable link to every
stage, escaped text, and a layout that fits 320 CSS pixels and prints in black and white."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from sitecheck import resolve
from victim_journey.render.journey_map import journey_map_svg

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"
FOCUS_YELLOW = "rgb(255, 221, 0)"


@pytest.fixture(scope="module")
def journey(real_journey: Any) -> Any:
    return real_journey


def _published_stage_ids(journey: Any) -> list[str]:
    return [sid for sid in journey.route_stage_ids()
            if sid in journey.stages and not journey.stages[sid].draft]


def _svg_links(svg: str) -> dict[str, str]:
    """href -> text of each link in the SVG (which must be well-formed XML). The links
    are HTML, each in its own foreignObject."""
    root = ET.fromstring(svg)
    links = {}
    for holder in root.iter(f"{SVG}foreignObject"):
        for a in holder.iter(f"{XHTML}a"):
            links[a.get("href")] = " ".join("".join(a.itertext()).split())
    return links


def test_every_stage_is_a_named_link(journey: Any) -> None:
    svg = journey_map_svg(journey, lambda sid: f"stages/{sid}/")
    root = ET.fromstring(svg)
    assert root.get("role") == "group"  # not "img", which would hide the links
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert "viewBox" in root.attrib and root.get("width") == "100%"
    links = _svg_links(svg)
    for sid in _published_stage_ids(journey):
        name = links.get(f"stages/{sid}/")
        assert name and name.endswith(journey.stages[sid].title), sid
    assert len(links) == len(_published_stage_ids(journey))
    assert "style=" not in svg and "<script" not in svg and "<style" not in svg


def test_branches_are_described_in_words(journey: Any) -> None:
    desc = ET.fromstring(journey_map_svg(journey, str)).find(f"{SVG}desc")
    assert desc is not None and desc.text
    for sid in _published_stage_ids(journey):
        stage = journey.stages[sid]
        if stage.next:
            assert f"{stage.title} can lead to " in desc.text


def test_text_from_content_is_escaped(journey: Any) -> None:
    sid = journey.start_stage_id()
    hostile = 'Reporting <script>alert("x")</script> & "more"'
    stages = {**journey.stages, sid: journey.stages[sid].model_copy(update={"title": hostile})}
    changed = dataclasses.replace(journey, stages=stages)
    svg = journey_map_svg(changed, lambda s: f'stages/{s}/?"><x')
    assert "<script" not in svg and '"><x' not in svg
    links = _svg_links(svg)  # still well-formed XML, and the text survives as text
    assert f"Step 1 {hostile}" in links.values()
    assert f'stages/{sid}/?"><x' in links


def test_home_page_carries_the_map_with_working_links(built_site: Path, journey: Any
                                                      ) -> None:
    home = built_site / "index.html"
    html = home.read_text(encoding="utf-8")
    start = html.rindex("<svg", 0, html.index('class="vj-map__svg"'))  # not an icon
    end = html.index("</svg>", start) + len("</svg>")
    assert html.index('id="step-by-step"') < start < html.index('class="vj-step-by-step"'), \
        "the map should sit with the step-by-step list that is its text version"
    links = _svg_links(html[start:end])
    targets = {}
    for href in links:
        resolved = resolve(built_site, home, href)
        assert resolved is not None and resolved[0].is_file(), href
        targets[resolved[0].parent.name] = href
    assert set(_published_stage_ids(journey)) <= set(targets)


def test_map_links_take_keyboard_focus_with_a_visible_style(page: Any, site_url: str,
                                                            journey: Any) -> None:
    page.goto(site_url)
    focused_stages: set[str] = set()
    for _ in range(80):  # more presses than the page has links; focus may wrap round
        page.keyboard.press("Tab")
        state = page.evaluate("""() => {
            const a = document.activeElement;
            if (!a || !a.closest('.vj-map')) return null;
            const style = getComputedStyle(a);
            return {href: a.getAttribute('href'), background: style.backgroundColor,
                    border: style.borderTopColor};
        }""")
        if state:
            assert state["background"] == FOCUS_YELLOW, state
            assert state["border"] == "rgb(11, 12, 12)", state
            focused_stages.add(state["href"])
    assert focused_stages == {f"stages/{sid}/" for sid in _published_stage_ids(journey)}


def test_map_fits_320_pixels_and_prints_in_black_and_white(browser: Any, site_url: str
                                                          ) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        box = page.locator(".vj-map__svg").bounding_box()
        # On a phone the map takes the screen's whole width, and no more.
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
        # Big enough to read: the titles and the "Step 3" labels are at least 13 CSS
        # pixels tall at this width.
        label_size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.vj-map__label')).fontSize)")
        assert box["width"] / 340 * min(14, label_size) >= 13
        page.emulate_media(media="print")
        # Material fades link colours over 125 ms; wait for it (or fail after 2 s).
        page.wait_for_function("() => getComputedStyle(document.querySelector("
                               "'.vj-map__link')).color === 'rgb(0, 0, 0)'", timeout=2000)
        colours = page.evaluate("""() => {
            const q = (s) => getComputedStyle(document.querySelector(s));
            return [q('.vj-map__link').backgroundColor, q('.vj-map__link').borderTopColor,
                    q('.vj-map__title').color, q('.vj-map__label').color,
                    q('.vj-map__line').stroke];
        }""")
        white, black = "rgb(255, 255, 255)", "rgb(0, 0, 0)"
        assert colours == [white, black, black, black, black]
    finally:
        context.close()


def test_a_word_longer_than_its_box_is_given_the_lines_it_takes() -> None:
    """The browser breaks a long word (overflow-wrap); the box must grow to hold it, or
    the text spills out over the arrows (seen with Welsh 'Y penderfyniad i gyhuddo')."""
    from victim_journey.render.journey_map import _wrap

    narrow = 93.3  # a box in a step of two or three stages
    assert len(_wrap("Y penderfyniad i gyhuddo", narrow)) == 4
    assert _wrap("After the sentence", narrow) == ["After the", "sentence"]
