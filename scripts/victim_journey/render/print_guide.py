"""The printable whole guide (print.md, published at /print/): every stage in route order,
then the rights, the services and the glossary, for people who read on paper."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from victim_journey.content.journey import Journey
from victim_journey.content.model import Branch, Right, Service, Stage
from victim_journey.pages import PRINT_PAGE, SERVICES_INDEX
from victim_journey.render.environment import RenderedPage, render_page
from victim_journey.render.service_areas import LOCAL_SERVICES_ANCHOR, local, national


@dataclass(frozen=True)
class PrintPart:
    """One stage as a part of the printed guide."""

    id: str
    heading: str
    stage: Stage
    step: int | None
    alternatives: int
    rights: list[Right]
    services: list[tuple[str, Service]]  # national services (see service_areas.py)
    local_services: int  # how many local services help: the guide links to them by area
    next: list[Branch]


def printed_stages(journey: Journey) -> Iterator[tuple[str, Stage, int | None, str]]:
    """Each stage of the route in order, with its step number (None for a stage that can
    happen at any time) and its heading in a printed guide ("Step 3: ...")."""
    t = journey.t
    steps = journey.step_numbers()
    for sid in journey.route_stage_ids():
        stage = journey.stages.get(sid)
        if stage is None:
            continue
        step = steps.get(sid)
        yield sid, stage, step, (t("print-step-heading", number=step, title=stage.title)
                                 if step is not None
                                 else t("print-any-time-heading", title=stage.title))


def _parts(journey: Journey) -> list[PrintPart]:
    alternatives = {sid: len(step.stages) for step in journey.site.route for sid in step.stages}
    parts = []
    for sid, stage, step, heading in printed_stages(journey):
        at_stage = journey.services_for_stage(sid)
        parts.append(PrintPart(
            id=sid, heading=heading, stage=stage, step=step,
            alternatives=alternatives.get(sid, 1),
            rights=journey.rights_for_stage(sid),
            services=national(at_stage),
            local_services=len(local(at_stage)),
            next=[b for b in stage.next if b.stage in journey.stages],
        ))
    return parts


def render_print(journey: Journey) -> RenderedPage:
    # The oldest review date: the whole guide is only as fresh as its stalest part, and
    # each part shows its own date as well.
    meta = {
        "description": journey.t("print-description"),
        "last_reviewed": journey.oldest_review().isoformat(),
        "owner": journey.site.owner,
        # Every sentence here is also on its own page; indexing it twice would double
        # the search index and send searches to this long page.
        "search": {"exclude": True},
    }
    return render_page(
        journey, PRINT_PAGE, "print.md.j2", journey.t("print-title", site=journey.site.title),
        meta,
        site=journey.site, parts=_parts(journey), stages=journey.stages,
        rights=journey.rights,
        services=sorted(national(journey.services.items()),
                        key=lambda item: item[1].name.lower()),
        SERVICES_INDEX=SERVICES_INDEX, LOCAL_SERVICES_ANCHOR=LOCAL_SERVICES_ANCHOR,
        terms=sorted(journey.glossary.terms, key=lambda t: t.term.lower()),
    )
