"""GOV.UK's step-by-step pattern, adapted, and the smaller points a checker cannot see:
page titles, the 404 page, plain search words, the Welsh owner's name, the whole guide's
Print button and glossary links. Read from the built site, and tried in Chromium."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from sitecheck import parse
from victim_journey.content.journey import Journey

LANGUAGES = ("", "cy/")
TAG = re.compile(r"<[^>]+>")


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html" if not path.endswith(".html") else site / path
            ).read_text(encoding="utf-8")


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", TAG.sub(" ", html)).strip())


def _part_of(html: str) -> str:
    found = re.search(r'<div class="vj-part-of">(.*?)</div>', html, re.DOTALL)
    assert found, "no 'Part of' header"
    return found.group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_stage_starts_with_part_of_and_its_place(built_site: Path,
                                                      real_journey: Journey,
                                                      language: str) -> None:
    route = real_journey.site.route
    for number, step in enumerate(route, start=1):
        for stage_id in step.stages:
            html = _html(built_site, f"{language}stages/{stage_id}/")
            header = _part_of(html)
            # A link to the whole route, on the home page.
            assert 'href="../../#step-by-step"' in header, stage_id
            place = _text(re.search(r'<p class="vj-step-of">(.*?)</p>', header).group(1))
            step_of = (f"Cam {number} o {len(route)}" if language
                       else f"Step {number} of {len(route)}")
            # A stage beside the main line of its step (a "no charge" page, "If no one is
            # charged") says when a reader is there, in the words of the branch that leads
            # there: not "Step 3 of 5", which suggests the case goes on.
            conditions = [branch.when for earlier in route[number - 2].stages
                          for branch in real_journey.stages[earlier].next
                          if branch.stage == stage_id and branch.when] if number > 1 else []
            if stage_id != step.stages[0] and conditions:
                assert place != step_of and place[0].isupper(), (stage_id, place)
                if not language:
                    assert place == conditions[0][0].upper() + conditions[0][1:]
            else:
                assert place == step_of, (stage_id, place)
            # The whole journey comes near the top: before the first section, closed.
            journey_at = html.index('<details class="vj-journey-nav"')
            assert journey_at < html.index("<h2"), stage_id
            assert "<details class=\"vj-journey-nav\" open" not in html


def test_stage_outside_the_route_has_no_step_number(built_site: Path,
                                                    real_journey: Journey) -> None:
    for stage_id in real_journey.site.throughout:
        header = _part_of(_html(built_site, f"stages/{stage_id}/"))
        assert "vj-step-of" not in header


_STEPS = """() => [...document.querySelectorAll('.vj-step')].map(step => {
  const button = step.querySelector('button.vj-step__toggle');
  const summary = step.querySelector('.vj-step__summary');
  return {button: button ? button.getAttribute('aria-expanded') : null,
          controls: button ? button.getAttribute('aria-controls') === summary.id : null,
          shown: summary.getClientRects().length > 0};
})"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_step_shows_and_hides_with_a_button(browser: Any, site_url: str,
                                                 language: str) -> None:
    without_js = browser.new_context(java_script_enabled=False)
    page = without_js.new_page()
    page.goto(site_url + language)
    steps = page.evaluate(_STEPS)
    without_js.close()
    # Without JavaScript: every summary shown, no buttons that would do nothing.
    assert steps and all(s["shown"] and s["button"] is None for s in steps)

    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + language)
    steps = page.evaluate(_STEPS)
    assert all(s == {"button": "false", "controls": True, "shown": False} for s in steps)
    first = page.locator("button.vj-step__toggle").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate(_STEPS)[0] == {"button": "true", "controls": True, "shown": True}
    page.keyboard.press(" ")
    assert page.evaluate(_STEPS)[0]["shown"] is False
    show_all = page.locator("button.vj-step-by-step__all")
    assert show_all.get_attribute("aria-expanded") == "false"
    show_all.click()
    assert all(s["shown"] and s["button"] == "true" for s in page.evaluate(_STEPS))
    assert show_all.get_attribute("aria-expanded") == "true"
    # Material's menu sections ("Step by step") are buttons with their state.
    section = page.locator(".md-nav--primary label.md-nav__link[tabindex='0']").first
    assert section.get_attribute("role") == "button"
    assert section.get_attribute("aria-expanded") in ("true", "false")
    context.close()


def test_titles_say_what_the_page_is_once(built_site: Path) -> None:
    for language in LANGUAGES:
        home = parse(built_site / language / "index.html").title
        assert home.count(home.split(" - ")[0]) == 1 and " - " not in home
        not_found = parse(built_site / language / "404.html").title
        assert not_found.startswith("Page not found" if not language
                                    else "Heb ddod o hyd i'r dudalen"), not_found


def test_the_404_page_offers_more_than_the_start(built_site: Path) -> None:
    for language in LANGUAGES:
        html = _html(built_site, language + "404.html")
        content = html[html.index('<article'):html.index('</article>')]
        links = re.findall(r'<a href="([^"]+)"', content)
        assert len(links) >= 4, links
        assert any("a-to-z/" in link for link in links)
        assert any("services/" in link for link in links)


def test_search_says_no_results_in_plain_words(built_site: Path) -> None:
    for language, words in (("", "No pages found"), ("cy/", "Heb ddod o hyd i dudalennau")):
        html = _html(built_site, language)
        config = json.loads(re.search(r'<script id="__config" type="application/json">'
                                      r'(.*?)</script>', html, re.DOTALL).group(1))
        assert config["translations"]["search.result.none"].startswith(words)


def test_welsh_pages_name_their_owner_in_welsh(built_site: Path) -> None:
    for path in ("cy/", "cy/stages/the-trial/", "cy/rights/"):
        reviewed = re.search(r'<p class="vj-reviewed">(.*?)</p>', _html(built_site, path),
                             re.DOTALL)
        assert reviewed, path
        assert "content team" not in reviewed.group(1), path
        assert "gan y tîm cynnwys" in _text(reviewed.group(1)), path


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_guide_has_a_print_button_when_it_can_work(
        browser: Any, site_url: str, language: str) -> None:
    without_js = browser.new_context(java_script_enabled=False)
    page = without_js.new_page()
    page.goto(site_url + language + "print/")
    # Printing needs JavaScript: without it there is no button that would do nothing.
    assert page.locator(".vj-print-button__button").is_hidden()
    without_js.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + language + "print/")
    page.evaluate("window.print = () => { window.vjPrinted = true; }")
    button = page.locator(".vj-print-button__button")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.vjPrinted === true")
    page.emulate_media(media="print")
    assert button.is_hidden()
    context.close()


_GLOSSARY_WEIGHTS = """() => new Set([...document.querySelectorAll(
  '.md-content a[href*="glossary/#"]')].map(link => getComputedStyle(link).fontWeight)).size"""


def test_glossary_links_have_one_weight(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    weights = {}
    for path in ("stages/no-charge-police/", "cy/stages/no-charge-police/",
                 "stages/the-trial/"):
        page.goto(site_url + path)
        weights[path] = page.evaluate(_GLOSSARY_WEIGHTS)
    context.close()
    assert set(weights.values()) == {1}, weights
