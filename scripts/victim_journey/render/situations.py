"""The situation pages: one page per situation (support/<page_slug>.md) that walks the
whole route with the situation's notes, and one printable guide for each
(print/<page_slug>.md). Both have the same neutral browser title: see situations.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from victim_journey.content.journey import Journey
from victim_journey.content.model import Service, Situation, Stage, StageNote
from victim_journey.content.situations import (
    note_for,
    situation_page,
    situation_print_page,
    situations_in_order,
    skipped_reason,
)
from victim_journey.pages import service_page, stage_page
from victim_journey.render.environment import RenderedPage, render_page
from victim_journey.render.print_guide import printed_stages


@dataclass(frozen=True)
class SituationStep:
    """One stage of the route, as a situation's page shows it."""

    id: str
    stage: Stage
    number: int | None  # None for stages that run alongside the whole route
    alternative: bool  # an 'or' to the stage before it at the same step
    heading: str  # for the printable guide, where each stage is a section
    note: StageNote | None
    skipped: str | None


def situation_steps(journey: Journey, situation: Situation) -> list[SituationStep]:
    first_at_step = {step.stages[0] for step in journey.site.route}
    steps = []
    for sid, stage, number, heading in printed_stages(journey):
        steps.append(SituationStep(sid, stage, number, number is not None
                                   and sid not in first_at_step, heading,
                                   note_for(situation, sid), skipped_reason(situation, sid)))
    return steps


def _services(journey: Journey, ids: list[str]) -> list[tuple[str, Service]]:
    return [(vid, journey.services[vid]) for vid in ids if vid in journey.services]


def _context(journey: Journey, situation: Situation) -> dict[str, Any]:
    return {
        "situation": situation, "steps": situation_steps(journey, situation),
        "services": _services(journey, situation.services),
        "crisis": _services(journey, situation.crisis_contacts),
        "stage_page": stage_page, "service_page": service_page,
        "glossary_terms": journey.glossary.terms,
    }


def _meta(journey: Journey, situation: Situation) -> dict[str, Any]:
    # Neutral, like the title: Material prints the description into the page's head.
    return {"description": journey.t("situation-description"),
            "last_reviewed": situation.last_reviewed.isoformat(), "owner": situation.owner}


def render_situation(journey: Journey, situation: Situation) -> RenderedPage:
    return render_page(journey, situation_page(situation), "situation.md.j2",
                 journey.t("situation-browser-title"), _meta(journey, situation),
                 print_page=situation_print_page(situation), **_context(journey, situation))


def render_situation_print(journey: Journey, situation: Situation) -> RenderedPage:
    # Every sentence is also on the situation's page and the stage pages: not searched.
    meta = {**_meta(journey, situation), "search": {"exclude": True}}
    return render_page(journey, situation_print_page(situation), "situation-print.md.j2",
                 journey.t("situation-print-title"), meta,
                 situation_page=situation_page(situation), **_context(journey, situation))


def render_situation_pages(journey: Journey) -> list[RenderedPage]:
    pages = []
    for _, situation in situations_in_order(journey):
        pages.append(render_situation(journey, situation))
        pages.append(render_situation_print(journey, situation))
    return pages
