"""Render: model in, Markdown out. No MkDocs involved."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from victim_journey.content.journey import Journey, load_journey
from victim_journey.render.environment import relative_link, relink_markdown
from victim_journey.render.site import render_site

BASE = Path(__file__).parent / "golden" / "base"


@pytest.fixture
def journey(tmp_path: Path) -> Journey:
    project = tmp_path / "p"
    shutil.copytree(BASE, project)
    loaded, problems = load_journey(project / "journey", project)
    assert problems == [] and loaded is not None
    return loaded


def pages_by_path(journey: Journey) -> dict[str, str]:
    return {page.path: page.markdown for page in render_site(journey)}


def test_every_page_is_generated(journey: Journey) -> None:
    assert set(pages_by_path(journey)) >= {
        "index.md", "stages/first-step.md", "stages/second-step.md", "stages/other-step.md",
        "stages/help.md", "services/index.md", "services/helpers.md", "rights.md",
        "glossary.md"}


def test_stage_sections_come_in_the_agreed_order(journey: Journey) -> None:
    markdown = pages_by_path(journey)["stages/first-step.md"]
    ids = re.findall(r'<h2 id="([a-z-]+)"', markdown)
    assert ids[:7] == ["what-happens", "who-contacts-you", "what-you-can-do", "how-long",
                       "your-rights", "support", "what-happens-next"]
    assert markdown.index("<p class=\"vj-lead\">This is the First step stage.</p>") < \
        markdown.index('id="what-happens"')


def test_stage_links_rights_services_branches_and_terms(journey: Journey) -> None:
    markdown = pages_by_path(journey)["stages/first-step.md"]
    assert "[Right 1: To understand and be understood](../rights.md#be-understood)" in markdown
    assert "[Helpers](../services/helpers.md)" in markdown
    assert "- If something happens: [Second step](second-step.md)" in markdown
    assert "[Suspect](../glossary.md#suspect)" in markdown


def test_journey_list_marks_the_current_stage(journey: Journey) -> None:
    markdown = pages_by_path(journey)["stages/second-step.md"]
    current = [line for line in markdown.splitlines() if 'aria-current="step"' in line]
    assert len(current) == 1 and "Second step" in current[0]
    assert "[First step](first-step.md)" in markdown


def test_home_shows_alternatives_as_or_steps(journey: Journey) -> None:
    markdown = pages_by_path(journey)["index.md"]
    labels = re.findall(r'<span class="vj-step__label">'
                        r'(?:<span class="vj-visually-hidden">(Step) </span>)?([^<]+)</span>',
                        markdown)
    assert [" ".join(filter(None, label)) for label in labels] == [
        "Step 1", "Step 2", "or", "Any time"]
    assert "[Second step](stages/second-step.md)" in markdown
    assert "[Other step](stages/other-step.md)" in markdown


def test_plain_text_is_escaped(journey: Journey) -> None:
    stage = journey.stages["first-step"].model_copy(
        update={"title": 'Tom & "Jerry"', "summary": "Use <b>this</b>"})
    changed = Journey(**{**journey.__dict__, "stages": {**journey.stages, "first-step": stage}})
    markdown = pages_by_path(changed)["stages/first-step.md"].split("\n---\n", 1)[1]
    assert "# Tom &amp; &#34;Jerry&#34;" in markdown
    assert "Use &lt;b&gt;this&lt;/b&gt;" in markdown
    assert "<b>" not in markdown


def test_internal_content_links_become_relative() -> None:
    assert relative_link("stages/a.md", "rights.md#x") == "../rights.md#x"
    assert relative_link("index.md", "stages/a.md") == "stages/a.md"
    assert relative_link("stages/a.md", "stages/b.md") == "b.md"
    text = "See [the trial](stages/the-trial.md) and [GOV.UK](https://www.gov.uk/x)."
    assert relink_markdown(text, "services/x.md") == (
        "See [the trial](../stages/the-trial.md) and [GOV.UK](https://www.gov.uk/x).")


def test_front_matter_carries_review_data(journey: Journey) -> None:
    page = next(p for p in render_site(journey) if p.path == "stages/help.md")
    assert page.markdown.startswith('---\ntitle: "Help"\n')
    assert page.meta["last_reviewed"] == "2026-11-01"
    assert page.meta["owner"] == "Test team"
