"""The inline scripts the site may run, and the inline styles it may apply, worked out
before the build from the templates.

Every inline `<script>` (`<style>`) in the theme's templates (Material's, and ours in
overrides/) is read from the template files themselves. One with no template expression
is allowed as it is written. One with expressions (Material's `__md_scope` holds the page's
depth, as `base_url`; our first-paint style prints `vj_critical_css`, the plugin's
minified vj-critical.css) is rendered for every depth a page can have, with the values
the plugin gives every page, and each result is allowed. One with template logic
({% … %}) is not allowed at all, nor is anything in `redirect.html`, whose target comes
from a page's front matter. Scripts and styles go through the same code (csp.InlineKind).
Nothing here reads a built page: a script or style injected into content can never allow
itself. No MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2

from victim_journey.mkdocs_plugin.csp import SCRIPTS, STYLES, InlineKind, source_hash

# Deeper than any page of the site: /cy/stages/<id>/ is 3 folders down.
MAX_DEPTH = 12
# Templates whose scripts are never allowed: Material's redirect page runs a script built
# from the page's `location`, which content could set; its integrations are analytics,
# which privacy_config.py refuses.
REFUSED_TEMPLATES = ("redirect.html", "partials/integrations/")


def base_urls(max_depth: int = MAX_DEPTH, extra: Iterable[str] = ()) -> list[str]:
    """Every `base_url` MkDocs gives a page: '.', '..', '../..', ..., and any others
    (404.html gets the site's path, such as '/cy/')."""
    return [".", *("/".join([".."] * depth) for depth in range(1, max_depth + 1)), *extra]


def template_inline(template_dirs: Sequence[Path],
                    kind: InlineKind = SCRIPTS) -> list[tuple[str, str]]:
    """(template name, text) for each inline script (or style) in the templates, the
    first folder's template winning where two folders have the same name (as in the
    theme)."""
    seen: dict[str, Path] = {}
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            name = path.relative_to(folder).as_posix()
            seen.setdefault(name, path)
    return [(name, body) for name, path in sorted(seen.items())
            if not name.startswith(REFUSED_TEMPLATES)
            for body in kind.find(path.read_text(encoding="utf-8"))]


def template_scripts(template_dirs: Sequence[Path]) -> list[tuple[str, str]]:
    return template_inline(template_dirs, SCRIPTS)


def allowed_hashes(template_dirs: Sequence[Path], kind: InlineKind, *,
                   config_extra: Mapping[str, Any] | None = None,
                   extra_base_urls: Iterable[str] = (),
                   page_globals: Mapping[str, Any] | None = None) -> frozenset[str]:
    """The hashes of every inline script (or style) a page of this site may hold.
    `page_globals` are the values the plugin gives every page's template (such as
    vj_critical_css): the same for every page, so each is one more value to render with,
    never one read from a page."""
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    context_config = {"extra": dict(config_extra or {})}
    urls = base_urls(extra=extra_base_urls)
    allowed: set[str] = set()
    for _, body in template_inline(template_dirs, kind):
        if "{%" in body or "{#" in body:
            continue
        if "{{" not in body:
            allowed.add(source_hash(body))
            continue
        try:
            template = environment.from_string(body)
            allowed.update(source_hash(template.render(dict(page_globals or {}),
                                                       config=context_config, base_url=url))
                           for url in urls)
        except jinja2.TemplateError:
            continue  # needs more than the page's depth and the plugin's values: not allowed
    return frozenset(allowed)


def allowed_script_hashes(template_dirs: Sequence[Path], *,
                          config_extra: Mapping[str, Any] | None = None,
                          extra_base_urls: Iterable[str] = ()) -> frozenset[str]:
    """The hashes of every inline script a page of this site may hold."""
    return allowed_hashes(template_dirs, SCRIPTS, config_extra=config_extra,
                          extra_base_urls=extra_base_urls)


def allowed_style_hashes(template_dirs: Sequence[Path], *,
                         page_globals: Mapping[str, Any] | None = None) -> frozenset[str]:
    """The hashes of every inline style a page of this site may hold: in this theme, the
    first-paint rules that theme/main.html prints from `vj_critical_css`."""
    return allowed_hashes(template_dirs, STYLES, page_globals=page_globals)
