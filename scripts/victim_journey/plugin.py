"""The MkDocs plugin: the only module that imports mkdocs. A thin adapter over the core."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .check import check_content, hand_written_pages
from .journey import Journey
from .problems import Severity
from .render import RenderedPage, long_date
from .site_nav import site_nav

log = logging.getLogger("mkdocs.plugins.victim_journey")

# Front-matter values that Material prints into pages without escaping them.
PRINTED_META = ("title", "description", "author", "owner")


class VictimJourneyConfig(Config):
    content_dir = config_options.Type(str, default="journey")


class VictimJourneyPlugin(BasePlugin[VictimJourneyConfig]):
    journey: Journey | None = None
    pages: list[RenderedPage]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        checked = check_content(root / self.config.content_dir, root=root,
                                docs_dir=Path(config.docs_dir))
        journey, problems = checked.journey, checked.problems
        for problem in problems:
            if problem.severity is Severity.WARNING:
                log.warning(problem.format_text())
        errors = [p.format_text() for p in problems if p.severity is Severity.ERROR]
        if errors or journey is None:
            # Raised before MkDocs writes anything, so the previous site/ stays as it was.
            raise PluginError("content has errors:\n" + "\n".join(errors))
        self.journey = journey
        self.pages = checked.pages
        config.site_name = escape(journey.site.title)
        config.site_description = escape(journey.site.description)
        if not config.nav:
            config.nav = site_nav(journey, hand_written_pages(Path(config.docs_dir)))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} clashes with a generated page; "
                                  "rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.journey is not None
        env.filters["vj_long_date"] = lambda iso: long_date(_parse_date(iso))
        env.globals["vj_site"] = self.journey.site
        return env

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        # MkDocs' theme environment does not autoescape, and Material prints titles and
        # descriptions as they are. Markup(escape()) prints safely whether or not a
        # template adds |e, and runs before any page's template is rendered.
        if page.title is not None and not isinstance(page.title, Markup):
            page.title = escape(page.title)
        for key in PRINTED_META:
            value = page.meta.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                page.meta[key] = escape(value)
        return html


def _parse_date(value: Any) -> Any:
    import datetime as dt

    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
