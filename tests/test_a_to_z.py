"""The A to Z page: every stage, service, right and glossary term with the words people
use for them, as plain links that work without JavaScript. It is also where the search
form goes when scripts do not run. (Its accessibility is checked with every other page
in test_accessibility.py.)"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from victim_journey.content.journey import load_journey
from victim_journey.render.a_to_z import (
    a_to_z_entries,
    letter_groups,
    render_a_to_z,
    sort_key,
)
from victim_journey.search.terms import ItemKind, SearchItem, search_items

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).parent / "golden" / "base"


def meaning_of(term: str) -> str:
    return f"Meaning of {term}"


def item(kind: ItemKind, item_id: str, title: str, *words: str) -> SearchItem:
    page = "glossary.md" if kind is ItemKind.TERM else f"stages/{item_id}.md"
    anchor = item_id if kind is ItemKind.TERM else None
    return SearchItem(kind, item_id, title, words, page, anchor, "x", ("also_known_as",))


def test_a_word_used_twice_is_one_entry_with_both_pages() -> None:
    entries = a_to_z_entries([
        item(ItemKind.STAGE, "no-charge-police", "No charge: the police", "dropped", "NFA"),
        item(ItemKind.STAGE, "no-charge-cps", "No charge: the CPS", "Dropped"),
        item(ItemKind.TERM, "no-further-action", "No further action (NFA)", "nfa"),
    ], meaning_of)
    by_label = {entry.label: entry for entry in entries}
    assert [d.target for d in by_label["Dropped"].destinations] == [
        "stages/no-charge-cps.md", "stages/no-charge-police.md"]
    assert [d.text for d in by_label["NFA"].destinations] == [
        "No charge: the police", "Meaning of No further action (NFA)"]
    assert by_label["No charge: the police"].is_plain_link
    assert not by_label["No further action (NFA)"].is_plain_link  # it leads to the meaning


def test_order_skips_the_and_counts_numbers() -> None:
    assert sort_key("The trial") == sort_key("trial")
    assert sort_key("Y treial") == sort_key("treial")
    assert sort_key("Yr heddlu") == sort_key("heddlu")
    assert sort_key("Right 2: To have the crime recorded") < sort_key("Right 10: Expenses")
    entries = a_to_z_entries([item(ItemKind.STAGE, "the-trial", "The trial", "24/7 line"),
                              item(ItemKind.STAGE, "outcome", "The outcome", "appeal")],
                             meaning_of)
    groups = letter_groups(entries, "0 to 9")
    assert [g.heading for g in groups] == ["0 to 9", "A", "O", "T"]
    assert [g.id for g in groups] == ["letter-other", "letter-a", "letter-o", "letter-t"]


def test_words_are_escaped(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    stage = project / "journey" / "stages" / "first-step.yml"
    stage.write_text(stage.read_text() + "also_known_as:\n  - "
                     + json.dumps("<b onclick=x>bold</b> & co") + "\n")
    journey, _ = load_journey(project / "journey", project)
    assert journey is not None
    markdown = render_a_to_z(journey).markdown
    assert "&lt;b onclick=x&gt;bold&lt;/b&gt; &amp; co" in markdown
    assert "<b" not in markdown


@pytest.fixture
def no_script_page(browser: object) -> Iterator[object]:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


READ_PAGE = r"""() => {
  const article = document.querySelector("article");
  return {
    headings: [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")].map(
      h => [h.tagName, h.id, h.textContent.trim()]),
    links: [...article.querySelectorAll("a[href]")].map(
      a => [a.textContent.trim(), new URL(a.href).pathname + new URL(a.href).hash]),
    ids: [...document.querySelectorAll("[id]")].map(e => e.id),
    letters: [...document.querySelectorAll("nav.vj-a-to-z__letters a")].map(
      a => a.getAttribute("href")),
    // An entry is "label: links", or just a link when it names its own page.
    labels: [...article.querySelectorAll("li")].filter(li => !li.closest("nav")).map(
      li => li.firstChild.nodeType === Node.TEXT_NODE
        ? li.firstChild.textContent.replace(/:\s*$/, "").trim()
        : li.firstChild.textContent.trim()),
  };
}"""


def test_the_page_lists_every_item_and_word_as_plain_links(
        no_script_page: object, site_url: str) -> None:
    page = no_script_page
    page.goto(site_url + "a-to-z/")  # type: ignore[attr-defined]
    seen = page.evaluate(READ_PAGE)  # type: ignore[attr-defined]
    # One h1, then a h2 for each letter: no level is skipped.
    levels = [tag for tag, _, _ in seen["headings"]]
    assert levels[0] == "H1" and set(levels[1:]) == {"H2"}
    letter_ids = [hid for tag, hid, _ in seen["headings"] if tag == "H2"]
    assert seen["letters"] == [f"#{hid}" for hid in letter_ids]
    # The same link text always leads to the same place.
    targets: dict[str, set[str]] = {}
    for text, target in seen["links"]:
        targets.setdefault(text, set()).add(target)
    assert {text: t for text, t in targets.items() if len(t) > 1} == {}
    # Every item is linked, and every word is listed (words that sort the same, such as
    # "the accused" and "accused", share an entry).
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    linked = {target for _, target in seen["links"]}
    for entry in search_items(journey):
        url = "/" + entry.page.removesuffix(".md") + "/"
        assert url + (f"#{entry.anchor}" if entry.anchor else "") in linked, entry.id
        labels = {sort_key(label) for label in seen["labels"]}
        for word in [entry.title, *entry.words()]:
            assert sort_key(word) in labels, word


def test_a_word_leads_to_its_page_without_javascript(no_script_page: object,
                                                     site_url: str) -> None:
    page = no_script_page
    page.goto(site_url + "a-to-z/")  # type: ignore[attr-defined]
    entry = page.locator("article li", has_text="NFA:")  # type: ignore[attr-defined]
    entry.get_by_role("link", name="No charge: the police").click()
    page.wait_for_url("**/stages/no-charge-police/")  # type: ignore[attr-defined]


def test_the_search_form_falls_back_to_the_a_to_z(page: object, site_url: str) -> None:
    """Sending the search form (its button, if the search itself cannot run) opens the
    A to Z, with nothing typed in the address: the text box has no name, so the browser
    sends nothing. Material hides the box when JavaScript is off; then the home page's
    link to the A to Z is the way in."""
    page.goto(site_url + "stages/the-trial/")  # type: ignore[attr-defined]
    box = page.locator(".md-search__input")  # type: ignore[attr-defined]
    box.focus()
    box.press_sequentially("court date")
    page.locator("form[name=search] [type=submit]").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/a-to-z/**")  # type: ignore[attr-defined]
    assert urlsplit(page.url).path == "/a-to-z/"  # type: ignore[attr-defined]
    assert "court" not in page.url  # type: ignore[attr-defined]


def test_the_home_page_links_to_the_a_to_z(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="a-to-z/"' in home
