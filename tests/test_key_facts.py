"""Key figures (time limits) on stage pages against the sources named in the YAML.

Each stage lists its key figures under `facts:`, each with the source that gives it. The
validator keeps the text and that list in step (key_facts.py); these tests check that it
does, and that the built pages, English and Welsh, state every declared figure, so a
figure cannot drift between a page and its source unseen.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from victim_journey.checks.key_facts import figure_key, figures_in
from victim_journey.content.journey import Journey
from victim_journey.pipeline import check_content

TODAY = dt.date(2026, 12, 3)
# The Welsh for each English unit, as the Welsh pages write it after a number (with the
# soft mutation 'blynedd' -> 'flynedd' after 2).
WELSH_UNITS = {
    "working day": r"(?:diwrnod|ddiwrnod) gwaith",
    "day": r"(?:diwrnod|ddiwrnod)",
    "week": r"wythnos",
    "month": r"mis",
    "year": r"(?:blynedd|flynedd|mlynedd)",
    "hour": r"awr",
}


class MainText(HTMLParser):
    """The text of a page's main content (Material's <article>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.parts.append(data)


def main_text(page: Path) -> str:
    parser = MainText()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def _unit(figure: str) -> tuple[str, str]:
    number, unit = figure_key(figure).split(" ", 1)
    return number, unit.removesuffix("s")


def test_figures_are_a_number_and_a_unit_of_time() -> None:
    text = "Ask **within 10 working days**.\nUp to 3 months, or 1 working day.\nOn 19 May 2022."
    assert list(figures_in(text)) == [(0, "10 working days"), (1, "3 months"),
                                      (1, "1 working day")]


def test_every_stage_with_a_time_limit_declares_its_figures(real_journey: Journey) -> None:
    """The stages that give time limits carry facts, each with a source of their own."""
    with_facts = {sid for sid, stage in real_journey.stages.items() if stage.facts}
    assert {"no-charge-cps", "no-charge-police", "the-outcome", "after-the-sentence",
            "bail-and-protection", "compensation", "sentence-review"} <= with_facts
    for stage in real_journey.stages.values():
        urls = {source.url for source in stage.sources}
        assert all(fact.source in urls for fact in stage.facts)


@pytest.mark.parametrize(("sid", "figure", "source"), [
    # The key figures, each with the source the facts sheets give for it.
    ("the-outcome", "10 working days",
     "https://bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-"
     "individual-rights-information-right-11-of-12"),
    ("no-charge-police", "3 months",
     "https://www.wiltshire-pcc.gov.uk/Victims-and-Witnesses/victims-right-to-review/"),
    ("no-charge-cps", "10 working days",
     "https://www.cps.gov.uk/legal-guidance/victims-right-review-scheme"),
    ("bail-and-protection", "5 working days",
     "https://bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-"
     "individual-rights-information-right-6-of-12"),
    ("bail-and-protection", "1 working day",
     "https://bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-"
     "individual-rights-information-right-8-of-12"),
    ("compensation", "2 years", "https://www.gov.uk/claim-compensation-criminal-injury/eligibility"),
    ("sentence-review", "28 days", "https://www.gov.uk/ask-crown-court-sentence-review"),
])
def test_key_figures_name_their_sources(real_journey: Journey, sid: str, figure: str,
                                        source: str) -> None:
    facts = real_journey.stages[sid].facts
    assert (figure, source) in {(fact.figure, fact.source) for fact in facts}


def _edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(project: Path) -> list[str]:
    checked = check_content(project / "journey", root=project, today=TODAY,
                            docs_dir=project / "docs")
    return [p.format_text() for p in checked.problems if p.code in
            {"undeclared-figure", "unused-fact", "unknown-source"}]


def test_real_content_has_no_figure_without_its_source(content_copy: Path) -> None:
    assert _problems(content_copy) == []


def test_a_figure_changed_in_the_text_alone_is_caught_at_its_line(content_copy: Path) -> None:
    """The old '5 working days or 7 days' rule creeping back is the drift this prevents."""
    _edit(content_copy, "journey/stages/no-charge-cps.yml",
          "  - Ask **within 10 working days** if you can.",
          "  - Ask **within 7 days** if you can.")
    problems = _problems(content_copy)
    assert any(re.match(r"journey/stages/no-charge-cps\.yml:\d+:\d+: error: '7 days' in "
                        r"'how_long' is a key figure .*\[undeclared-figure\]$", p)
               for p in problems), problems
    # '10 working days' is still said in 'what_you_can_do', so the fact is still used.
    assert not any("unused-fact" in p for p in problems)


def test_a_figure_dropped_from_the_text_is_caught_at_its_fact(content_copy: Path) -> None:
    _edit(content_copy, "journey/stages/compensation.yml",
          "apply **within 2 years** of the crime", "apply soon after the crime")
    problems = _problems(content_copy)
    assert any(p.startswith("journey/stages/compensation.yml:") and "'2 years'" in p
               and p.endswith("[unused-fact]") for p in problems), problems


def test_a_fact_must_cite_one_of_the_stage_sources(content_copy: Path) -> None:
    _edit(content_copy, "journey/stages/sentence-review.yml",
          "    source: https://www.gov.uk/ask-crown-court-sentence-review",
          "    source: https://www.example.org/somewhere-else")
    problems = _problems(content_copy)
    assert any(p.startswith("journey/stages/sentence-review.yml:") and
               p.endswith("[unknown-source]") for p in problems), problems


def test_built_pages_state_every_key_figure_in_english_and_welsh(
        built_site: Path, real_journey: Journey) -> None:
    missing = []
    for sid, stage in real_journey.stages.items():
        english = main_text(built_site / "stages" / sid / "index.html")
        welsh = main_text(built_site / "cy" / "stages" / sid / "index.html")
        for fact in stage.facts:
            if figure_key(fact.figure) not in english.lower():
                missing.append(f"{sid}: '{fact.figure}' (English)")
            number, unit = _unit(fact.figure)
            if not re.search(rf"\b{number} {WELSH_UNITS[unit]}\b", welsh):
                missing.append(f"{sid}: '{fact.figure}' (Welsh)")
    assert missing == []
