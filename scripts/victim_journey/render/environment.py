"""The one Jinja environment every generated page is rendered with, and what each page
gets from it: links relative to the page, glossary links, English fallbacks marked, and
front matter. Our environment escapes every value by default; Markdown fields are marked
safe only after validation has refused raw HTML in them.
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
from markupsafe import Markup

from victim_journey.content.interface_text import Interface
from victim_journey.content.journey import Journey
from victim_journey.content.languages import EnglishText, Fallback
from victim_journey.content.markup import internal_link_targets
from victim_journey.content.model import Term
from victim_journey.i18n.docs import not_translated_notice
from victim_journey.pages import GLOSSARY_PAGE
from victim_journey.render.glossary_links import link_terms
from victim_journey.search.config import page_search_meta


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


def render_page(journey: Journey, path: str, template: str, title: str, meta: dict[str, Any], *,
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
