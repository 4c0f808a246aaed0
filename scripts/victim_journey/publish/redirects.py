"""Redirect pages for old URLs, so a link in a letter or leaflet never leads to a 404.

When an editor renames a stage or a service, the old id stays in its `previous_ids`,
and the build writes a small page at each old URL that sends the reader on.

Why not mkdocs-redirects: its page relies on an inline script (which a strict Content
Security Policy blocks), has no heading, and says only "Redirecting...". These pages use a
meta refresh, a canonical link and a plain link, so they work without JavaScript, and
they have a language, a title and a heading for screen reader users.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup, escape

from victim_journey.content.interface_text import Interface
from victim_journey.content.journey import Journey
from victim_journey.content.situations import situation_page, situation_print_page
from victim_journey.pages import absolute_url, page_url, relative_url, service_page, stage_page
from victim_journey.render.questions import what_happened_page, what_happened_stage_ids

# The page loads nothing and runs nothing: the meta refresh and the link are all it needs.
REDIRECT_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True)
class Move:
    old_url: str
    new_url: str
    new_title: str


def moves(journey: Journey) -> Iterator[Move]:
    """Every old URL and where it now goes, stages first, in a stable order."""
    asked = set(what_happened_stage_ids(journey))
    for sid, stage in sorted(journey.stages.items()):
        for old in stage.previous_ids:
            yield Move(page_url(stage_page(old)), page_url(stage_page(sid)), stage.title)
            if sid in asked:  # its "What happened?" page moved with it
                assert journey.questions is not None
                yield Move(page_url(what_happened_page(journey.questions, old)),
                           page_url(what_happened_page(journey.questions, sid)),
                           journey.questions.what_happened.text)  # type: ignore[union-attr]
    for sid, service in sorted(journey.services.items()):
        for old in service.previous_ids:
            yield Move(page_url(service_page(old)), page_url(service_page(sid)), service.name)
    for _, situation in sorted(journey.situations.items()):
        for old in situation.previous_slugs:
            # The neutral title, as on the page itself: a redirect stays in history too.
            title = journey.t("situation-browser-title")
            for page in (situation_page, situation_print_page):
                yield Move(page_url(page(situation.model_copy(update={"page_slug": old}))),
                           page_url(page(situation)), title)


def redirect_map(journey: Journey) -> dict[str, str]:
    """{old URL: new URL}, both from the top of the site."""
    return {move.old_url: move.new_url for move in moves(journey)}


def redirect_html(move: Move, *, site_url: str | None, quick_exit_url: str,
                  text: Interface) -> str:
    """A redirect page that needs no JavaScript and runs no script at all, in the
    language of `text` (the site's own words)."""

    def words(key: str, **values: str) -> Markup:
        return escape(text(key, **values))

    target = relative_url(move.old_url, move.new_url)
    canonical = absolute_url(site_url, move.new_url) or target
    link = Markup('<a href="{}">{}</a>').format(target, move.new_title)
    moved_to = words("page-moved-to", link="{link}").replace("{link}", link)
    return f"""<!doctype html>
<html lang="{escape(text.language.code)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{REDIRECT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>{words("page-moved-title", title=move.new_title)}</title>
<link rel="canonical" href="{escape(canonical)}">
<meta http-equiv="refresh" content="0; url={escape(target)}">
</head>
<body>
<p><a href="{escape(quick_exit_url)}" rel="nofollow noreferrer">{words("exit-this-page")}</a></p>
<main>
<h1>{words("page-moved")}</h1>
<p>{moved_to}</p>
</main>
</body>
</html>
"""


def url_file(url: str) -> str:
    """The file in the site folder that serves a directory URL."""
    return url.lstrip("/") + "index.html"


def redirect_files(journey: Journey, site_url: str | None) -> dict[str, str]:
    """{file path in the site folder: HTML} for every old URL."""
    return {url_file(move.old_url): redirect_html(move, site_url=site_url,
                                                 quick_exit_url=journey.site.quick_exit_url,
                                                 text=journey.t)
            for move in moves(journey)}
