"""Situations (journey/situations/): their pages, the links to them from the route, the
"What happened?" question, search, open data, redirects and `new situation`. Pure: the
real content is loaded and rendered, nothing is built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from markupsafe import escape

from victim_journey.checks.situations import situation_problems
from victim_journey.cli.main import main as cli_main
from victim_journey.content.journey import Journey, load_journey
from victim_journey.content.languages import WELSH
from victim_journey.content.model import SkippedStage
from victim_journey.content.situations import situation_page
from victim_journey.pipeline import check_content
from victim_journey.publish.open_data import open_data
from victim_journey.publish.redirects import redirect_map
from victim_journey.render.questions import render_question_pages
from victim_journey.render.site import render_home, render_site, render_stage
from victim_journey.render.situations import render_situation, render_situation_print
from victim_journey.search.index import name_situation_pages
from victim_journey.search.terms import ItemKind, search_items

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 3)
SEVEN = {"domestic-abuse", "rape-and-sexual-violence", "stalking-and-harassment",
         "hate-crime", "fraud-and-scams", "bereaved-by-crime", "under-18"}


@pytest.fixture(scope="module")
def journey() -> Journey:
    loaded, problems = load_journey(ROOT / "journey", ROOT)
    assert loaded is not None and problems == []
    return loaded


def _front_matter_title(markdown: str) -> str:
    return json.loads(re.search(r"^title: (.*)$", markdown, re.MULTILINE).group(1))


def test_the_seven_situations_exist_each_with_a_specialist_service(journey: Journey) -> None:
    assert set(journey.situations) >= SEVEN
    assert situation_problems(journey) == []
    for situation in journey.situations.values():
        assert situation.services and situation.crisis_contacts and situation.sources
        assert all(service in journey.services for service in situation.services)


def test_every_situation_page_has_the_same_neutral_title_and_a_neutral_address(
        journey: Journey) -> None:
    titles = set()
    for sid, situation in journey.situations.items():
        page = render_situation(journey, situation)
        titles.add(_front_matter_title(page.markdown))
        # The browser title and the description say nothing of what happened...
        assert situation.title not in _front_matter_title(page.markdown)
        assert page.meta["description"] == journey.t("situation-description")
        # ...nor does the address: no word of the id or title is in it.
        assert re.fullmatch(r"support/guide-[0-9]+\.md", page.path)
        words = set(re.split(r"[^a-z0-9]+", f"{sid} {situation.title}".lower()))
        assert not words & set(re.split(r"[^a-z0-9]+", page.path))
        # Only the heading on the page names it.
        assert f"\n# {situation.title}\n" in page.markdown
    assert titles == {journey.t("situation-browser-title")}


def test_a_situation_page_walks_the_whole_route_with_its_notes(journey: Journey) -> None:
    situation = journey.situations["domestic-abuse"]
    markdown = render_situation(journey, situation).markdown
    step_ids = re.findall(r'<h3 class="vj-step__title" id="([a-z0-9-]+)"', markdown)
    assert step_ids == journey.route_stage_ids()
    # Each step holds a note exactly when the situation has one for its stage.
    starts = [markdown.index(f'id="{sid}"') for sid in step_ids]
    ends = [*starts[1:], markdown.index("vj-print-whole")]
    noted = {note.stage for note in situation.stage_notes}
    for sid, start, end in zip(step_ids, starts, ends, strict=True):
        assert ('class="vj-situation-note"' in markdown[start:end]) is (sid in noted), sid
    assert noted and noted < set(step_ids)
    for sid in situation.services + situation.crisis_contacts:
        assert str(escape(journey.services[sid].name)) in markdown
    assert "call 999" in markdown and "print/guide-1.md" in markdown


def test_a_skipped_stage_shows_why_instead_of_a_note(journey: Journey) -> None:
    situation = journey.situations["fraud-and-scams"].model_copy(update={"skips": [
        SkippedStage(stage="the-trial", why="most fraud cases end before a trial")]})
    markdown = render_situation(journey, situation).markdown
    assert journey.t("situation-skipped", why="most fraud cases end before a trial") \
        in markdown


def test_the_printable_guide_has_every_stage_in_full(journey: Journey) -> None:
    situation = journey.situations["bereaved-by-crime"]
    page = render_situation_print(journey, situation)
    assert page.path == "print/guide-6.md"
    assert _front_matter_title(page.markdown) == journey.t("situation-print-title")
    assert page.meta["search"] == {"exclude": True}
    # The words as a reader sees them: glossary links added on the page are left out.
    words = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", page.markdown)
    for sid in journey.route_stage_ids():
        assert f'id="{sid}--what-happens"' in page.markdown
        assert journey.stages[sid].what_happens.strip().splitlines()[0][:50] in words


def test_stage_pages_link_to_the_notes_that_apply_and_only_those(journey: Journey) -> None:
    trial = render_stage(journey, "the-trial").markdown
    assert journey.t("if-this-is-about") in trial
    for sid, situation in journey.situations.items():
        link = f"](../support/{situation.page_slug}.md#the-trial)"
        has_note = any(note.stage == "the-trial" for note in situation.stage_notes)
        assert (link in trial) is has_note, sid
    # A stage no situation has a note for does not get the list at all.
    noted = {note.stage for s in journey.situations.values() for note in s.stage_notes}
    for sid in set(journey.route_stage_ids()) - noted:
        assert journey.t("if-this-is-about") not in render_stage(journey, sid).markdown


def test_the_home_page_lists_every_situation_in_order(journey: Journey) -> None:
    markdown = render_home(journey).markdown
    places = [markdown.index(f"[{journey.situations[sid].title}]")
              for sid in journey.site.situations]
    assert places == sorted(places) and len(places) == len(journey.situations)


def test_what_happened_leads_to_the_situation_at_the_readers_stage(journey: Journey) -> None:
    pages = {page.path: page.markdown for page in render_question_pages(journey)}
    trial = pages["where-am-i/what-happened/the-trial.md"]
    for answer in journey.questions.what_happened.answers:
        slug = journey.situations[answer.situation].page_slug
        assert f"[{answer.text}](../../support/{slug}.md#the-trial)" in trial
    assert f"[{journey.questions.what_happened.skip}](../../stages/the-trial.md)" in trial
    # The other questions' answers that found a stage now lead to this question first.
    assert "(what-happened/the-trial.md)" in pages["where-am-i/trial-finished.md"]
    assert "stages/the-trial.md" not in pages["where-am-i/trial-finished.md"]


def test_without_the_question_answers_lead_straight_to_the_stage(journey: Journey) -> None:
    questions = journey.questions.model_copy(update={"what_happened": None})
    plain = dataclasses.replace(journey, questions=questions)
    pages = {page.path: page.markdown for page in render_question_pages(plain)}
    assert not any("what-happened" in path for path in pages)
    assert "(../stages/the-trial.md)" in pages["where-am-i/trial-finished.md"]


def test_search_and_the_a_to_z_find_each_situation_by_its_words(journey: Journey) -> None:
    items = {item.id: item for item in search_items(journey)
             if item.kind is ItemKind.SITUATION}
    assert set(items) == set(journey.situations)
    assert "my partner hits me" in items["domestic-abuse"].words()
    assert items["fraud-and-scams"].page == "support/guide-5.md"
    a_to_z = next(p for p in render_site(journey) if p.path == "a-to-z.md").markdown
    assert "[Domestic abuse](support/guide-1.md)" in a_to_z
    assert re.search(r"^- I&#39;m 15: \[Under 18[^]]*\]\(support/guide-7\.md\)$", a_to_z,
                     re.MULTILINE)


def test_the_search_index_shows_each_situation_by_its_name(journey: Journey) -> None:
    neutral = journey.t("situation-browser-title")
    index = {"docs": [{"location": "support/guide-1/", "title": neutral, "text": ""},
                      {"location": "support/guide-1/#the-trial", "title": "The trial"},
                      {"location": "stages/the-trial/", "title": "The trial"}]}
    name_situation_pages(index, search_items(journey))
    assert [doc["title"] for doc in index["docs"]] == ["Domestic abuse", "The trial",
                                                      "The trial"]


def test_open_data_lists_situations_with_their_notes_in_route_order(journey: Journey
                                                                    ) -> None:
    data = open_data(journey, site_url="https://example.org", generated=TODAY)
    by_id = {s.id: s for s in data.situations}
    assert [s.id for s in data.situations] == journey.site.situations
    abuse = by_id["domestic-abuse"]
    assert abuse.url == "/support/guide-1/" and abuse.enhanced_rights is True
    assert by_id["fraud-and-scams"].enhanced_rights is False
    route = journey.route_stage_ids()
    positions = [route.index(note.stage) for note in abuse.stage_notes]
    assert positions == sorted(positions) and "**" not in abuse.stage_notes[3].text


def test_an_old_address_redirects_to_the_page_and_its_printable_guide(journey: Journey
                                                                     ) -> None:
    moved = journey.situations["hate-crime"].model_copy(update={"previous_slugs": ["old-4"]})
    changed = dataclasses.replace(journey,
                                  situations={**journey.situations, "hate-crime": moved})
    redirects = redirect_map(changed)
    assert redirects["/support/old-4/"] == "/support/guide-4/"
    assert redirects["/print/old-4/"] == "/print/guide-4/"


def test_the_welsh_pages_are_translated_and_as_neutral(journey: Journey) -> None:
    checked = check_content(ROOT / "journey", root=ROOT, today=TODAY,
                            languages=(WELSH,), check_english_pages=False)
    welsh = checked.editions["cy"].journey
    page = render_situation(welsh, welsh.situations["domestic-abuse"])
    assert _front_matter_title(page.markdown) == "Cymorth a'ch hawliau"
    assert "\n# Cam-drin domestig\n" in page.markdown
    assert page.path == situation_page(journey.situations["domestic-abuse"])


def test_new_situation_is_a_draft_with_the_next_free_neutral_address(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    for folder in ("journey", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    assert cli_main(["--root", str(project), "new", "situation", "money-worries",
                     "--today", TODAY.isoformat()]) == 0
    text = (project / "journey" / "situations" / "money-worries.yml").read_text()
    assert "draft: true" in text and "page_slug: guide-8" in text
    assert cli_main(["--root", str(project), "validate", "--today", TODAY.isoformat()]) == 0
    _, err = capsys.readouterr()
    assert "[placeholder]" in err and "money-worries" in err
    # A draft has no page, so it is not listed anywhere yet.
    loaded, _ = load_journey(project / "journey", project)
    assert not any("guide-8" in page.path for page in render_site(loaded))


def test_a_renamed_stage_takes_its_what_happened_page_with_it(journey: Journey) -> None:
    trial = journey.stages["the-trial"].model_copy(update={"previous_ids": ["the-court"]})
    changed = dataclasses.replace(journey, stages={**journey.stages, "the-trial": trial})
    redirects = redirect_map(changed)
    assert redirects["/where-am-i/what-happened/the-court/"] == \
        "/where-am-i/what-happened/the-trial/"
    assert redirects["/stages/the-court/"] == "/stages/the-trial/"
