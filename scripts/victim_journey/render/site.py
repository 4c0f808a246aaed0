"""Turn the model into Markdown pages: pure functions, no MkDocs.

Journey text goes into the page body so that search indexes it and `mkdocs build
--strict` checks its links. Our Jinja environment escapes every value by default;
Markdown fields are marked safe only after validation has refused raw HTML in them.
"""

from __future__ import annotations

from typing import Any

from victim_journey.content.journey import Journey
from victim_journey.content.model import Service, Stage
from victim_journey.content.situations import (
    situation_page,
    situations_for_stage,
    situations_in_order,
)
from victim_journey.pages import (
    GLOSSARY_PAGE,
    HOME_PAGE,
    RIGHTS_PAGE,
    SERVICES_INDEX,
    WHERE_AM_I_INDEX,
    page_url,
    relative_url,
    service_page,
    stage_page,
)
from victim_journey.render.a_to_z import render_a_to_z
from victim_journey.render.deadline_helper import deadline_helper
from victim_journey.render.environment import RenderedPage, render_page
from victim_journey.render.journey_map import journey_map_figure
from victim_journey.render.print_guide import render_print
from victim_journey.render.questions import render_question_pages
from victim_journey.render.service_areas import LOCAL_SERVICES_ANCHOR, areas, local, national
from victim_journey.render.situations import render_situation_pages
from victim_journey.render.stage_place import stage_place


def _review_meta(item: Any, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "last_reviewed": item.last_reviewed.isoformat(),
        "owner": item.owner,
    }


def render_home(journey: Journey) -> RenderedPage:
    site = journey.site
    newest = max((s.last_reviewed for s in journey.stages.values()),
                 default=journey.rights.last_reviewed)
    meta = {"description": site.description, "last_reviewed": newest.isoformat(),
            "owner": site.owner}
    return render_page(journey, HOME_PAGE, "home.md.j2", site.title, meta,
                 site=site, stages=journey.stages, stage_page=stage_page,
                 RIGHTS_PAGE=RIGHTS_PAGE, GLOSSARY_PAGE=GLOSSARY_PAGE,
                 SERVICES_INDEX=SERVICES_INDEX,
                 where_am_i=WHERE_AM_I_INDEX if journey.questions else None,
                situation_links=[(s.title, situation_page(s))
                                 for _, s in situations_in_order(journey)],
                 journey_map=journey_map_figure(journey, lambda sid: relative_url(
                     page_url(HOME_PAGE), page_url(stage_page(sid)))))


def render_stage(journey: Journey, stage_id: str) -> RenderedPage:
    stage: Stage = journey.stages[stage_id]
    terms = journey.term_by_id()
    at_stage = journey.services_for_stage(stage_id)
    return render_page(
        journey, stage_page(stage_id), "stage.md.j2", stage.title,
        _review_meta(stage, stage.summary),
        stage=stage, stage_id=stage_id,
        place=stage_place(journey, stage_id),
        rights=journey.rights_for_stage(stage_id),
        # National services by name; local ones are listed by area in the directory.
        services=national(at_stage), local_services=len(local(at_stage)),
        SERVICES_INDEX=SERVICES_INDEX, LOCAL_SERVICES_ANCHOR=LOCAL_SERVICES_ANCHOR,
        terms=[terms[t] for t in stage.terms if t in terms],
        stages=journey.stages, route=journey.route_stage_ids(),
        stage_page=stage_page, service_page=service_page,
        RIGHTS_PAGE=RIGHTS_PAGE, GLOSSARY_PAGE=GLOSSARY_PAGE,
        glossary_terms=journey.glossary.terms,
        deadline_helper=deadline_helper(journey, stage_id, stage_page(stage_id)),
        help_now=[(sid, journey.services[sid])
                  for sid in dict.fromkeys([*journey.site.help_now, *stage.help_now])
                  if sid in journey.services],
        situation_links=_situation_links(journey, stage_id),
    )


def _situation_links(journey: Journey, stage_id: str) -> list[tuple[str, str]]:
    """(title, target) of each situation's note on this stage."""
    return [(s.title, f"{situation_page(s)}#{stage_id}")
            for _, s in situations_for_stage(journey, stage_id)]


def render_service(journey: Journey, service_id: str) -> RenderedPage:
    service: Service = journey.services[service_id]
    return render_page(
        journey, service_page(service_id), "service.md.j2", service.name,
        _review_meta(service, service.summary),
        service=service, stages=journey.stages,
        stage_ids=journey.stages_for_service(service),
        stage_page=stage_page, SERVICES_INDEX=SERVICES_INDEX,
        glossary_terms=journey.glossary.terms,
    )


def render_services_index(journey: Journey) -> RenderedPage:
    """The services directory: national services by name and by stage, then local
    services by area (see service_areas.py)."""
    everywhere = national(journey.services.items())
    groups = [(sid, journey.stages[sid], [(vid, v) for vid, v in everywhere if sid in v.stages])
              for sid in journey.route_stage_ids() if sid in journey.stages]
    newest = max((s.last_reviewed for s in journey.services.values()),
                 default=journey.rights.last_reviewed)
    meta = {"description": journey.t("services-description"),
            "last_reviewed": newest.isoformat(), "owner": journey.site.owner}
    return render_page(journey, SERVICES_INDEX, "services-index.md.j2", journey.t("find-support"),
                 meta,
                 groups=groups, services=sorted(everywhere, key=lambda item: item[1].name.lower()),
                 areas=areas(journey.services.items()),
                 LOCAL_SERVICES_ANCHOR=LOCAL_SERVICES_ANCHOR,
                 stage_page=stage_page, service_page=service_page)


def render_rights(journey: Journey) -> RenderedPage:
    rights = journey.rights
    return render_page(
        journey, RIGHTS_PAGE, "rights.md.j2", journey.t("rights-page-title"),
        _review_meta(rights, journey.t("rights-description", count=len(rights.rights),
                                       code=rights.code.title)),
        rights=rights, stages=journey.stages, stage_page=stage_page,
        glossary_terms=journey.glossary.terms,
    )


def render_glossary(journey: Journey) -> RenderedPage:
    glossary = journey.glossary
    terms = sorted(glossary.terms, key=lambda t: t.term.lower())
    return render_page(
        journey, GLOSSARY_PAGE, "glossary.md.j2", journey.t("words-explained"),
        _review_meta(glossary, journey.t("glossary-description")),
        terms=terms, term_by_id=journey.term_by_id(),
    )


def render_site(journey: Journey) -> list[RenderedPage]:
    """Every generated page, in a stable order."""
    pages = [render_home(journey)]
    pages += [render_stage(journey, sid) for sid in journey.route_stage_ids()
              if sid in journey.stages]
    pages.append(render_services_index(journey))
    pages += [render_service(journey, sid) for sid in sorted(journey.services)]
    pages.append(render_rights(journey))
    pages.append(render_glossary(journey))
    pages.append(render_print(journey))
    pages += render_question_pages(journey)
    pages.append(render_a_to_z(journey))
    pages += render_situation_pages(journey)
    return pages
