"""Turn the model into Markdown pages: pure functions, no MkDocs.

Journey text goes into the page body so that search indexes it and `mkdocs build
--strict` checks its links. Our Jinja environment escapes every value by default;
Markdown fields are marked safe only after validation has refused raw HTML in them.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from .glossary_links import link_terms
from .journey import Journey
from .journey_map import journey_map_figure
from .markup import internal_link_targets
from .model import Service, Stage, Term
from .render_deadlines import deadline_helper
from .search_config import page_search_meta
from .site_urls import page_url, relative_url

HOME_PAGE = "index.md"
RIGHTS_PAGE = "rights.md"
GLOSSARY_PAGE = "glossary.md"
SERVICES_INDEX = "services/index.md"
WHERE_AM_I_INDEX = "where-am-i/index.md"  # the "Where am I?" questions (render_questions)


def stage_page(stage_id: str) -> str:
    return f"stages/{stage_id}.md"


def service_page(service_id: str) -> str:
    return f"services/{service_id}.md"


@dataclass(frozen=True)
class RenderedPage:
    """A generated page: where it goes and the Markdown (with front matter) it holds."""

    path: str
    title: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)


def relative_link(from_page: str, target: str) -> str:
    """A link from one page to another, both given from the top of the site."""
    page, _, anchor = target.partition("#")
    if not page:
        return target
    rel = posixpath.relpath(page, posixpath.dirname(from_page) or ".")
    return f"{rel}#{anchor}" if anchor else rel


_LINK_TARGET = re.compile(r"(\]\()([a-z0-9][a-z0-9/._-]*\.md(?:#[a-z0-9-]+)?)(\))")


def relink_markdown(text: str, from_page: str) -> str:
    """Content writes internal links from the top of the site; make them relative."""
    if not any(True for _ in internal_link_targets(text)):
        return text
    return _LINK_TARGET.sub(
        lambda m: m.group(1) + relative_link(from_page, m.group(2)) + m.group(3), text)


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("victim_journey", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["long_date"] = long_date
    env.filters["tel"] = lambda number: "tel:" + number.replace(" ", "")
    return env


def _front_matter(title: str, meta: dict[str, Any]) -> str:
    lines = ["---", f"title: {json.dumps(title)}"]
    lines += [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return "\n".join([*lines, "---", "", ""])


def _page(path: str, template: str, title: str, meta: dict[str, Any], *,
          glossary_terms: Sequence[Term] = (), **context: Any) -> RenderedPage:
    env = _environment()
    linked_terms: set[str] = set()  # each glossary term is linked once per page

    def link(target: str) -> str:
        return relative_link(path, target)

    def md(text: str) -> Markup:
        # Safe: validation refuses raw HTML, entities and unsafe links in Markdown fields.
        return Markup(link_terms(relink_markdown(text.strip(), path), glossary_terms,
                                 linked_terms, lambda t: link(f"{GLOSSARY_PAGE}#{t}")))

    body = env.get_template(template).render(link=link, md=md, page_path=path, **context)
    meta = {**page_search_meta(path), **meta}  # search ranking: see search_config.py
    return RenderedPage(path, title, _front_matter(title, meta) + body, meta)


def _review_meta(item: Any, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "last_reviewed": item.last_reviewed.isoformat(),
        "owner": item.owner,
    }


def _step_numbers(journey: Journey) -> dict[str, int]:
    return {sid: number for number, step in enumerate(journey.site.route, start=1)
            for sid in step.stages}


def render_home(journey: Journey) -> RenderedPage:
    site = journey.site
    newest = max((s.last_reviewed for s in journey.stages.values()),
                 default=journey.rights.last_reviewed)
    meta = {"description": site.description, "last_reviewed": newest.isoformat(),
            "owner": site.owner}
    return _page(HOME_PAGE, "home.md.j2", site.title, meta, journey=journey,
                 site=site, stages=journey.stages, stage_page=stage_page,
                 RIGHTS_PAGE=RIGHTS_PAGE, GLOSSARY_PAGE=GLOSSARY_PAGE,
                 SERVICES_INDEX=SERVICES_INDEX,
                 where_am_i=WHERE_AM_I_INDEX if journey.questions else None,
                 journey_map=journey_map_figure(journey, lambda sid: relative_url(
                     page_url(HOME_PAGE), page_url(stage_page(sid)))))


def render_stage(journey: Journey, stage_id: str) -> RenderedPage:
    stage: Stage = journey.stages[stage_id]
    terms = journey.term_by_id()
    return _page(
        stage_page(stage_id), "stage.md.j2", stage.title,
        _review_meta(stage, stage.summary),
        journey=journey, stage=stage, stage_id=stage_id,
        step_number=_step_numbers(journey).get(stage_id),
        step_count=len(journey.site.route),
        rights=journey.rights_for_stage(stage_id),
        services=[(sid, s) for sid, s in journey.services.items() if stage_id in s.stages],
        terms=[terms[t] for t in stage.terms if t in terms],
        stages=journey.stages, route=journey.route_stage_ids(),
        stage_page=stage_page, service_page=service_page,
        RIGHTS_PAGE=RIGHTS_PAGE, GLOSSARY_PAGE=GLOSSARY_PAGE,
        glossary_terms=journey.glossary.terms,
        deadline_helper=deadline_helper(journey, stage_id, stage_page(stage_id)),
        help_now=[(sid, journey.services[sid]) for sid in journey.site.help_now
                  if sid in journey.services],
    )


def render_service(journey: Journey, service_id: str) -> RenderedPage:
    service: Service = journey.services[service_id]
    return _page(
        service_page(service_id), "service.md.j2", service.name,
        _review_meta(service, service.summary),
        service=service, stages=journey.stages,
        stage_ids=[sid for sid in journey.route_stage_ids() if sid in service.stages],
        stage_page=stage_page, SERVICES_INDEX=SERVICES_INDEX,
        glossary_terms=journey.glossary.terms,
    )


def render_services_index(journey: Journey) -> RenderedPage:
    groups = [(sid, journey.stages[sid],
               [(vid, v) for vid, v in journey.services.items() if sid in v.stages])
              for sid in journey.route_stage_ids() if sid in journey.stages]
    newest = max((s.last_reviewed for s in journey.services.values()),
                 default=journey.rights.last_reviewed)
    meta = {"description": "Free organisations that can help you at each stage.",
            "last_reviewed": newest.isoformat(), "owner": journey.site.owner}
    return _page(SERVICES_INDEX, "services-index.md.j2", "Find support", meta,
                 groups=groups, services=sorted(journey.services.items(),
                                                key=lambda item: item[1].name.lower()),
                 stage_page=stage_page, service_page=service_page)


def render_rights(journey: Journey) -> RenderedPage:
    rights = journey.rights
    return _page(
        RIGHTS_PAGE, "rights.md.j2", "Your rights",
        _review_meta(rights, f"Your {len(rights.rights)} rights under the "
                             f"{rights.code.title}."),
        rights=rights, stages=journey.stages, stage_page=stage_page,
        glossary_terms=journey.glossary.terms,
    )


def render_glossary(journey: Journey) -> RenderedPage:
    glossary = journey.glossary
    terms = sorted(glossary.terms, key=lambda t: t.term.lower())
    return _page(
        GLOSSARY_PAGE, "glossary.md.j2", "Words explained",
        _review_meta(glossary, "What the legal and official words on this site mean."),
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
    from .render_print import render_print  # here: render_print builds on this module

    pages.append(render_print(journey))
    from .render_questions import render_question_pages  # builds on this module too

    pages += render_question_pages(journey)
    from .render_a_to_z import render_a_to_z  # builds on this module too

    pages.append(render_a_to_z(journey))
    return pages
