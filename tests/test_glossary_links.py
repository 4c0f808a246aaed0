"""Glossary in context: the first use of a glossary word on a page links to its meaning,
as a plain link that works with a screen reader, on a touch screen and without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitecheck import parse, resolve
from victim_journey.content.journey import load_journey
from victim_journey.content.model import Term
from victim_journey.render.glossary_links import link_terms, term_words
from victim_journey.render.site import render_glossary, render_site

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def term(term_id: str, words: str, *aliases: str) -> Term:
    return Term(id=term_id, term=words, definition="A meaning.", also_known_as=list(aliases))


TERMS = [
    term("charge", "Charge", "prosecuted"),
    term("cps", "CPS (Crown Prosecution Service)"),
    term("witness", "Witness"),
    term("witness-care-unit", "Witness Care Unit"),
    term("victim", "Victim"),
    term("acquittal", "Acquittal (not guilty)"),
    term("verdict", "Verdict", "decision"),
]


def link(text: str, linked: set[str] | None = None) -> str:
    return link_terms(text, TERMS, set() if linked is None else linked,
                      lambda term_id: f"../glossary.md#{term_id}",
                      lambda term: f"Words explained: {term}")


def linked_ids(markdown: str) -> list[str]:
    return re.findall(r"\]\(\.\./glossary\.md#([a-z-]+) \"", markdown)


def test_first_use_on_a_page_is_linked_once_across_fields() -> None:
    page_terms: set[str] = set()
    first = link("The police may charge the suspect. A charge is serious.", page_terms)
    second = link("If they charge someone, you will be told.", page_terms)
    assert first == ("The police may [charge](../glossary.md#charge \"Words explained: "
                     "Charge\") the suspect. A charge is serious.")
    assert second == "If they charge someone, you will be told."
    assert page_terms == {"charge"}


def test_simple_forms_and_abbreviations_count_as_uses() -> None:
    assert linked_ids(link("They were charged.")) == ["charge"]
    assert linked_ids(link("Ask the Crown Prosecution Service.")) == ["cps"]
    assert linked_ids(link("Ask the CPS.")) == ["cps"]
    assert "[CPS (Crown Prosecution Service)](" in link("The CPS (Crown Prosecution Service).")


def test_search_words_and_explanations_do_not_link() -> None:
    # also_known_as holds search words such as 'decision'; '(not guilty)' explains
    # 'Acquittal' and is no acquittal in 'plead not guilty'.
    assert linked_ids(link("The decision was prosecuted. They may plead not guilty.")) == []


def test_longest_term_wins_and_names_are_left_alone() -> None:
    assert linked_ids(link("The Witness Care Unit will call.")) == ["witness-care-unit"]
    # 'Victim' in the service name 'Victim Support' is not the glossary word.
    assert linked_ids(link("Call Victim Support. Every victim can.")) == ["victim"]
    assert "[victim](" in link("Call Victim Support. Every victim can.")


def test_existing_links_code_and_part_words_are_not_touched() -> None:
    text = ("See [how to charge a phone](https://www.example.org/charge) and `charge` "
            "and recharge and surcharges.")
    assert link(text) == text


def test_a_term_the_text_already_links_counts_as_linked() -> None:
    text = "A [charge](../glossary.md#charge) is made. Then the charge is read out."
    assert link(text) == text


def test_words_are_linked_inside_bold_and_lists() -> None:
    assert link("- **witness**;") == ("- **[witness](../glossary.md#witness \"Words "
                                      "explained: Witness\")**;")


def test_term_words_for_the_real_glossary_are_safe_link_text() -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    for each in journey.glossary.terms:
        for words in term_words(each):
            assert not set("[]`*_<>\\\"") & set(words)


def test_the_glossary_page_does_not_link_to_itself() -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    assert "glossary.md#" not in render_glossary(journey).markdown


def test_every_stage_page_links_terms_once_each() -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    stage_pages = [p for p in render_site(journey) if p.path.startswith("stages/")]
    assert stage_pages
    for page in stage_pages:
        ids = re.findall(r"\]\(\.\./glossary\.md#([a-z0-9-]+) \"Words explained", page.markdown)
        assert ids, f"{page.path} links no glossary word"
        assert len(ids) == len(set(ids)), page.path


# --- the built site ----------------------------------------------------------------------

def in_text_glossary_links(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]*glossary/#[a-z0-9-]+)" title="Words explained: '
                      r'[^"]*">([^<]+)</a>', html)


def test_built_pages_link_terms_to_anchors_that_exist(built_site: Path) -> None:
    page = built_site / "stages" / "no-charge-cps" / "index.html"
    links = in_text_glossary_links(page.read_text(encoding="utf-8"))
    assert ("../../glossary/#cps", "CPS (Crown Prosecution Service)") in links
    for href, _ in links:
        resolved = resolve(built_site, page, href)
        assert resolved is not None
        target, anchor = resolved
        assert anchor in parse(target).ids, href


def test_glossary_link_works_without_javascript(browser: object, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(site_url + "stages/no-charge-cps/")
        # The link in the text (the list of words at the end links the same place).
        term_link = page.get_by_role("link", name="CPS (Crown Prosecution Service)",
                                     exact=True).first
        assert term_link.get_attribute("title") == \
            "Words explained: CPS (Crown Prosecution Service)"
        # A real link: in the tab order, and followed with the keyboard.
        term_link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r".*/glossary/#cps$"))
        assert page.locator("#cps").is_visible()
    finally:
        context.close()


def test_glossary_link_works_with_a_tap_on_a_phone(browser: object, site_url: str) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + "stages/the-trial/")
        term_link = page.locator('a[title^="Words explained:"]').first
        href = term_link.get_attribute("href") or ""
        term_link.scroll_into_view_if_needed()
        term_link.tap()
        anchor = href.split("#", 1)[1]
        page.wait_for_url(re.compile(rf".*/glossary/#{anchor}$"))
        assert page.locator(f"#{anchor}").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["stages/no-charge-cps/", "rights/"])
def test_glossary_links_pass_axe(browser: object, site_url: str, path: str) -> None:
    # bypass_csp: the site's Content-Security-Policy rightly refuses axe-core's script.
    context = browser.new_context(bypass_csp=True)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(site_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => {
                const links = [...document.querySelectorAll('a[title^="Words explained:"]')];
                const r = await axe.run(links, {runOnly: {type: 'tag', values:
                    ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
                return {count: links.length, passes: r.passes.map(v => v.id), violations:
                    r.violations.map(v => v.id + ': ' + v.nodes.map(
                        n => n.target.join(' ')).join(', '))};
            }""")
    finally:
        context.close()
    assert result["count"] > 3
    # A link's name, its contrast, and that it stands out from the text around it.
    assert {"link-name", "color-contrast", "link-in-text-block"} <= set(result["passes"])
    assert result["violations"] == []
