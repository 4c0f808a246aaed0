"""Key figures on stage pages, each tied to its source (the `facts:` list of a stage).

A time limit such as "within 10 working days" is the fact a reader acts on, and the one
that goes stale when a source changes. Each stage lists its key figures with the source
that gives them; this check keeps the text and that list in step:

- a figure in the page's text that the list does not declare is an error
  (`undeclared-figure`): a new or edited figure must name its source;
- a declared figure that the text no longer states is an error (`unused-fact`): the text
  drifted away from its source, or the list is out of date;
- a fact's source must be one of the stage's own `sources` (`unknown-source`).

Figures are a number followed by a unit of time, in the English text only; the Welsh
pages are held to the same numbers by tests/test_key_facts.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from victim_journey.content.journey import Journey, stage_key
from victim_journey.content.loader import KeyPath
from victim_journey.content.model import Stage
from victim_journey.content.text_fields import iter_text_fields
from victim_journey.problems import Problem, error

# A number, then a unit of time. Dates ("19 May 2022") and ages ("under 18") have no unit
# after the number, so they are not figures here.
_FIGURE = re.compile(r"\b(\d+)\s+(working\s+days?|days?|weeks?|months?|years?|hours?)\b",
                     re.IGNORECASE)


def figure_key(text: str) -> str:
    """'10 Working  Days' and '10 working days' are the same figure."""
    return " ".join(text.lower().split())


def figures_in(text: str) -> Iterator[tuple[int, str]]:
    """(line index, figure) for each figure in `text`, as written."""
    for index, line in enumerate(text.split("\n")):
        for match in _FIGURE.finditer(line):
            yield index, match.group(0)


# The parts of a stage that state facts to readers. Not branch conditions or search words
# (not statements of fact), nor review notes and source titles (not for readers).
STATED_FIELDS = ("title", "summary", "what_happens", "who_contacts_you", "what_you_can_do",
                 "how_long")


def _stage_figures(stage: Stage) -> Iterator[tuple[KeyPath, int, str]]:
    for key_path, text, _kind in iter_text_fields(stage):
        if key_path[0] not in STATED_FIELDS:
            continue
        for line_index, figure in figures_in(text):
            yield key_path, line_index, figure


def key_fact_problems(journey: Journey) -> list[Problem]:
    """Every mismatch between a stage's text, its `facts` and its `sources`."""
    problems: list[Problem] = []
    for sid, stage in journey.stages.items():
        loaded = journey.files[stage_key(sid)]
        declared = {figure_key(fact.figure) for fact in stage.facts}
        stated: set[str] = set()
        for key_path, line_index, figure in _stage_figures(stage):
            stated.add(figure_key(figure))
            if figure_key(figure) not in declared:
                line, column = loaded.text_line(key_path, line_index)
                problems.append(error(
                    loaded.path, line, column,
                    f"'{figure}' in '{key_path[0]}' is a key figure that 'facts' does not "
                    "list; add it to 'facts' with the source that gives it, or correct it",
                    "undeclared-figure"))
        source_urls = {source.url for source in stage.sources}
        for index, fact in enumerate(stage.facts):
            if figure_key(fact.figure) not in stated:
                line, column = loaded.locate(("facts", index, "figure"))
                problems.append(error(
                    loaded.path, line, column,
                    f"the page no longer says '{fact.figure}'; correct the text from the "
                    "source, or remove this fact", "unused-fact"))
            if fact.source not in source_urls:
                line, column = loaded.locate(("facts", index, "source"))
                problems.append(error(
                    loaded.path, line, column,
                    f"the source of '{fact.figure}' is not in this file's 'sources'; add it "
                    "there with its title", "unknown-source"))
    return problems
