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
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from victim_journey.content.interface_text import Interface
from victim_journey.content.journey import Journey
from victim_journey.content.languages import EnglishText, Fallback
from victim_journey.content.markup import internal_link_targets
from victim_journey.content.model import Service, Stage, Term
from victim_journey.content.situations import (
    situation_page,
    situations_for_stage,
    situations_in_order,
)
from victim_journey.pages import page_url, relative_url
from victim_journey.render.deadline_helper import deadline_helper
from victim_journey.render.glossary_links import link_terms
from victim_journey.render.journey_map import journey_map_figure
from victim_journey.render.service_areas import LOCAL_SERVICES_ANCHOR, areas, local, national
from victim_journey.render.stage_place import stage_place
from victim_journey.search.config import page_search_meta

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
    return _relative_link(posixpath.dirname(from_page) or ".", target)


@cache  # every page of a folder links to the same few pages: work each out once
def _relative_link(folder: str, target: str) -> str:
    page, _, anchor = target.partition("#")
    if not page:
        return target
    rel = posixpath.relpath(page, folder)
    return f"{rel}#{anchor}" if anchor else rel


_LINK_TARGET = re.compile(r"(\]\()([a-z0-9][a-z0-9/._-]*\.md(?:#[a-z0-9-]+)?)(\))")


def relink_markdown(text: str, from_page: str) -> str:
    """Content writes internal links from the top of the site; make them relative."""
    if not any(True for _ in internal_link_targets(text)):
        return text
    return _LINK_TARGET.sub(
        lambda m: m.group(1) + relative_link(from_page, m.group(2)) + m.group(3), text)


# English fallback text printed by the page being rendered. A context variable, not the
# template context, because imported macros do not see the page's context.
_fallbacks: ContextVar[list[str]] = ContextVar("fallbacks")


def _mark_fallback(value: Any) -> Any:
    """Every printed value passes here. English in a translated page is marked
    lang="en"; English shown because a translation is missing is also noted, so the page
    gets a notice."""
    if isinstance(value, EnglishText):
        if isinstance(value, Fallback):
            _fallbacks.get().append(value)
        return Markup('<span lang="en">{}</span>').format(value)
    return value


@jinja2.pass_context
def _long_date(context: jinja2.runtime.Context, day: dt.date) -> str:
    interface: Interface = context["t"]
    return interface.long_date(day)


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("victim_journey.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_mark_fallback,
        # The package's templates do not change while it runs: do not check the files
        # again for every page.
        auto_reload=False,
    )
    env.filters["long_date"] = _long_date
    env.filters["tel"] = lambda number: "tel:" + number.replace(" ", "")
    env.filters["sms"] = lambda number: "sms:" + number.replace(" ", "")
    return env


def _front_matter(title: str, meta: dict[str, Any]) -> str:
    lines = ["---", f"title: {json.dumps(title)}"]
    lines += [f"{key}: {json.dumps(value)}" for key, value in meta.items()]
    return "\n".join([*lines, "---", "", ""])


def _page(journey: Journey, path: str, template: str, title: str, meta: dict[str, Any], *,
          glossary_terms: Sequence[Term] = (), **context: Any) -> RenderedPage:
    env = _environment()
    linked_terms: set[str] = set()  # each glossary term is linked once per page
    fallbacks: list[str] = []

    def link(target: str) -> str:
        return relative_link(path, target)

    def md(text: str) -> Markup:
        # Safe: validation refuses raw HTML, entities and unsafe links in Markdown fields.
        html = Markup(link_terms(relink_markdown(text.strip(), path), glossary_terms,
                                 linked_terms, lambda t: link(f"{GLOSSARY_PAGE}#{t}"),
                                 lambda term: journey.t("glossary-link-title", term=term)))
        if isinstance(text, Fallback):
            fallbacks.append(text)
            return Markup('<div lang="en" markdown="block">\n\n{}\n\n</div>').format(html)
        return html

    token = _fallbacks.set(fallbacks)
    try:
        body = env.get_template(template).render(
            link=link, md=md, page_path=path, journey=journey, t=journey.t, **context)
    finally:
        _fallbacks.reset(token)
    if fallbacks or isinstance(title, Fallback):
        body = not_translated_notice(journey.t("not-yet-translated")) + body
    meta = {**page_search_meta(path), **meta}  # search ranking: see search_config.py
    return RenderedPage(path, title, _front_matter(title, meta) + body, meta)


def not_translated_notice(text: str) -> str:
    """Said at the top of a translated page that still shows some English (a generated
    page here, a hand-written one in translated_docs.fallback_page)."""
    return f'<p class="vj-not-translated">{escape(text)}</p>\n\n'



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
    return _page(journey, HOME_PAGE, "home.md.j2", site.title, meta,
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
    at_stage = [(sid, s) for sid, s in journey.services.items() if stage_id in s.stages]
    return _page(
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
    return _page(
        journey, service_page(service_id), "service.md.j2", service.name,
        _review_meta(service, service.summary),
        service=service, stages=journey.stages,
        stage_ids=[sid for sid in journey.route_stage_ids() if sid in service.stages],
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
    return _page(journey, SERVICES_INDEX, "services-index.md.j2", journey.t("find-support"),
                 meta,
                 groups=groups, services=sorted(everywhere, key=lambda item: item[1].name.lower()),
                 areas=areas(journey.services.items()),
                 LOCAL_SERVICES_ANCHOR=LOCAL_SERVICES_ANCHOR,
                 stage_page=stage_page, service_page=service_page)


def render_rights(journey: Journey) -> RenderedPage:
    rights = journey.rights
    return _page(
        journey, RIGHTS_PAGE, "rights.md.j2", journey.t("your-rights"),
        _review_meta(rights, journey.t("rights-description", count=len(rights.rights),
                                       code=rights.code.title)),
        rights=rights, stages=journey.stages, stage_page=stage_page,
        glossary_terms=journey.glossary.terms,
    )


def render_glossary(journey: Journey) -> RenderedPage:
    glossary = journey.glossary
    terms = sorted(glossary.terms, key=lambda t: t.term.lower())
    return _page(
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
    from victim_journey.render.print_guide import (
        render_print,  # here: render_print builds on this module
    )

    pages.append(render_print(journey))
    from victim_journey.render.questions import render_question_pages  # builds on this module too

    pages += render_question_pages(journey)
    from victim_journey.render.a_to_z import render_a_to_z  # builds on this module too

    pages.append(render_a_to_z(journey))
    from victim_journey.render.situations import render_situation_pages  # builds on this module too

    pages += render_situation_pages(journey)
    return pages
