"""The MkDocs plugin: the only module that imports mkdocs. A thin adapter over the core."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from victim_journey.content.journey import DOCS_DIR, Journey
from victim_journey.content.languages import LANGUAGES, SOURCE_LANGUAGE, Language
from victim_journey.content_handoff import handed_over_edition
from victim_journey.i18n.docs import fallback_page
from victim_journey.mkdocs_plugin.config import VictimJourneyConfig
from victim_journey.mkdocs_plugin.csp import UnknownInline
from victim_journey.mkdocs_plugin.language_links import LanguageLinks
from victim_journey.mkdocs_plugin.nav_cache import NavCache
from victim_journey.mkdocs_plugin.page_safety import secure_page
from victim_journey.mkdocs_plugin.preview_errors import preview_errors_html, terminal_report
from victim_journey.mkdocs_plugin.privacy import privacy_problems, stylesheet_problems
from victim_journey.mkdocs_plugin.rebuild_cache import (
    ConvertedPages,
    LastBuildResults,
    TemplateCode,
)
from victim_journey.mkdocs_plugin.script_allow_list import (
    allowed_script_hashes,
    allowed_style_hashes,
)
from victim_journey.mkdocs_plugin.theme_dir import (
    JOINED_STYLESHEET,
    critical_stylesheet,
    is_our_script,
    joined_stylesheet,
    minified_js,
    with_package_theme,
)
from victim_journey.mkdocs_plugin.theme_text import ThemeText
from victim_journey.pipeline import (
    Edition,
    check_content,
    hand_written_pages,
    stops_a_build,
    theme_text_problems,
)
from victim_journey.problems import Severity
from victim_journey.publish.files import extra_site_files
from victim_journey.publish.nav import site_nav
from victim_journey.publish.source_date import source_date
from victim_journey.render.environment import RenderedPage
from victim_journey.render.sanitise import sanitise_html
from victim_journey.search.index import add_search_words_to_site

log = logging.getLogger("mkdocs.plugins.victim_journey")

# Front-matter values that Material prints into pages without escaping them.
PRINTED_META = ("title", "subtitle", "description", "author", "owner")


class VictimJourneyPlugin(BasePlugin[VictimJourneyConfig]):
    journey: Journey | None = None
    # `mkdocs serve` keeps this plugin between rebuilds (it has on_startup), so the last
    # content that passed can stand in while the content has errors.
    serving: bool = False
    last_good: Edition | None = None
    # What one rebuild can reuse from the last (rebuild_cache.py); `mkdocs serve` only.
    converted_pages: ConvertedPages | None = None
    template_code: TemplateCode | None = None
    sanitised: LastBuildResults[str, str] | None = None
    preview_errors: tuple[str, ...] = ()
    allowed_scripts: frozenset[str] | None = None
    allowed_styles: frozenset[str] = frozenset()
    theme_dirs: list[str]
    config_extra: dict[str, Any]
    extra_base_urls: list[str]
    pages: list[RenderedPage]
    edition: Edition
    links: LanguageLinks
    source_day: dt.date

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # MkDocs keeps one instance of this plugin per process, so a build after a
        # serve (as in the tests) must not inherit what serving kept.
        self.converted_pages = ConvertedPages() if self.serving else None
        self.template_code = TemplateCode() if self.serving else None
        self.sanitised = LastBuildResults() if self.serving else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path)
        root = config_file.parent
        language = LANGUAGES[self.config.language]
        errors, edition = self._checked_edition(config_file, language)
        journey = edition.journey if edition else None
        errors += [p.format_text() for p in privacy_problems(
            config, config_text=config_file.read_text(encoding="utf-8"),
            config_path=config_file.name)]
        errors += [p.format_text() for p in stylesheet_problems(
            [folder for folder in (config.theme.custom_dir, config.docs_dir) if folder],
            root)]
        self.preview_errors = ()
        if errors or journey is None:
            if not (self.serving and self.last_good is not None):
                # Raised before MkDocs writes anything, so the previous site/ stays as it was.
                raise PluginError("content has errors:\n" + "\n".join(errors))
            # `mkdocs serve`: keep serving the last good content, and say what is wrong.
            self.preview_errors = tuple(errors or ["the content could not be read"])
            print(terminal_report(self.preview_errors), file=sys.stderr)
            edition = self.last_good
            journey = edition.journey
        self.last_good = edition
        assert edition is not None
        self.journey, self.edition, self.pages = journey, edition, edition.pages
        # The content's date, never the build's, wherever the site shows a date of its
        # own (the open data, the sitemap): the same commit builds the same bytes.
        self.source_day = source_date(root, (item.last_reviewed
                                             for _, item in journey.reviewed_items()))
        # One site address for every language: a translation lives under its prefix.
        # Without SITE_URL the address is unknown and stays unset, so MkDocs writes no
        # canonical link and nothing names a made-up host.
        self.links = LanguageLinks.for_site(config.site_url, language,
                                            offered=journey.site.languages)
        if self.links.address_known:
            config.site_url = self.links.root_url(language)
        # Material's own text (search, "Back to top") and <html lang> follow this.
        config.theme["language"] = language.code
        # The theme ships in the package: every site gets it without a custom_dir.
        config.theme.dirs = with_package_theme(config.theme.dirs,
                                               config.theme.custom_dir)
        config.site_name = escape(journey.site.title)
        config.site_description = escape(journey.site.description)
        if not config.nav:
            config.nav = site_nav(journey, hand_written_pages(root / DOCS_DIR /
                                                              SOURCE_LANGUAGE.code))
        return config

    def _checked_edition(self, config_file: Path, language: Language
                         ) -> tuple[list[str], Edition | None]:
        """This language's edition, and the content's errors: as `victim-journey build`
        checked it and handed it over (content_handoff.py), or else checked here."""
        root = config_file.parent
        content_dir, docs_dir = root / self.config.content_dir, root / DOCS_DIR
        if not self.serving:
            handed_over = handed_over_edition(language, content_dir=content_dir,
                                              docs_dir=docs_dir)
            if handed_over is not None:
                # Checked with no problem that stops a build, and every problem printed
                # by the command that checked it.
                return [], handed_over
        checked = check_content(content_dir, root=root, docs_dir=docs_dir,
                                languages=(SOURCE_LANGUAGE, language),
                                # the English build renders and checks the English pages
                                check_english_pages=language is SOURCE_LANGUAGE)
        for problem in checked.problems:
            if problem.severity is Severity.WARNING:
                # Review dates and the end of the bank holidays inform; they never stop
                # a strict build, and so a deploy.
                report = log.warning if stops_a_build(problem) else log.info
                report(problem.format_text())
        errors = [p.format_text() for p in checked.problems if p.severity is Severity.ERROR]
        edition = checked.editions.get(language.code)
        if not errors and checked.journey is not None and edition is None:
            errors.append(f"{config_file.name} builds the '{language.code}' edition, but "
                          f"journey/site.yml does not list '{language.code}' under languages")
        return errors, edition

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(f"docs/{page.path} clashes with a generated page; "
                                  "rename or remove it")
            files.append(File.generated(config, page.path, content=page.markdown))
        # A hand-written page with no translation yet: the English, marked as English.
        english_docs = Path(config.config_file_path).parent / DOCS_DIR / SOURCE_LANGUAGE.code
        for missing in self.edition.docs.missing_pages if self.edition.docs else ():
            english = (english_docs / missing).read_text(encoding="utf-8")
            files.append(File.generated(config, missing, content=fallback_page(
                english, self.journey.t("not-yet-translated") if self.journey else "")))
        # Redirect pages and open data: static files, so pages can link to them under
        # --strict, and `mkdocs serve` has them too; not pages, so not searched or in the nav.
        assert self.journey is not None
        for path, text in extra_site_files(self.journey, site_url=config.site_url,
                                           generated=self.source_day).items():
            files.append(File.generated(config, path, content=text))
        files.append(File.generated(config, JOINED_STYLESHEET,
                                    content=joined_stylesheet(config.theme.dirs)))
        for script in [file for file in files if is_our_script(file.src_uri)]:
            files.remove(script)
            files.append(File.generated(config, script.src_uri,
                                        content=minified_js(script.content_string)))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.converted_pages is not None:
            self.converted_pages.start_build(config, files)
        if self.sanitised is not None:
            self.sanitised.start_build()
        return nav

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        assert self.journey is not None
        self.theme_dirs = list(config.theme.dirs)
        self.config_extra = dict(config.extra)
        # 404.html is served at any depth, so its links start from the site's path (or,
        # with no site address, from the language's own path: see on_template_context).
        self.extra_base_urls = [urlsplit(config.site_url or "/").path or "/",
                                self.links.root_path(self.links.current)]
        self.allowed_scripts = None
        text = self.journey.t
        env.filters["vj_long_date"] = lambda iso: text.long_date(_parse_date(iso))
        env.globals["vj_site"] = self.journey.site
        env.globals["vj_t"] = ThemeText(text)
        env.globals["vj_language"] = self.journey.language
        env.globals["vj_links"] = self.links
        # The first-paint rules that theme/main.html puts inline in <head>.
        env.globals.update(_page_style_globals(self.theme_dirs))
        # Material's navigation, rendered once for the pages it does not list, which would
        # all get the same HTML (theme/main.html): a new cache for each build.
        env.globals["vj_nav_cache"] = NavCache()
        if self.template_code is not None:
            env.bytecode_cache = self.template_code
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page by the build day, and stamps the gzipped sitemap with
        # the latest: the content's date instead keeps the output the same on any day.
        page.update_date = self.source_day.isoformat()
        return page
    def on_template_context(self, context: Any, *, template_name: str,
                            config: MkDocsConfig) -> Any:
        # The 404 page is served at any address, so MkDocs makes its links absolute from
        # the site's path: without a site address it assumes "/", which for a
        # translation is the other language's site. Its own pages start at its prefix.
        if template_name == "404.html" and not self.links.address_known:
            context["base_url"] = self.links.root_path(self.links.current)
        return context

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
        # The safety net under validation: whatever got past the checks cannot run
        # script or fetch from another host.
        html = (sanitise_html(html) if self.sanitised is None
                else self.sanitised.get(html, lambda: sanitise_html(html))[0])
        if self.preview_errors:
            html = str(preview_errors_html(self.preview_errors)) + html
        return html

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.journey is not None
        # The theme's templates ask for interface text as MkDocs renders them: a key or
        # a {value} they did not find is reported here (a warning fails a strict build).
        for problem in theme_text_problems(self.journey):
            log.warning(problem.format_text())
        for location in add_search_words_to_site(Path(config.site_dir), self.journey):
            log.warning(f"search index has no entry '{location}' for its also_known_as words")

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self._secure(output, _source_path(config, page.file.src_uri))

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        # 404.html is a theme template, not a page; sitemap.xml is not HTML.
        return self._secure(output_content, template_name) \
            if template_name.endswith(".html") else output_content

    def _secure(self, html: str, source: str) -> str:
        if self.allowed_scripts is None:
            # Made once per build, before any page, from the theme's templates.
            self.allowed_scripts = allowed_script_hashes(
                [Path(folder) for folder in self.theme_dirs],
                config_extra=self.config_extra, extra_base_urls=self.extra_base_urls)
            self.allowed_styles = allowed_style_hashes(
                [Path(folder) for folder in self.theme_dirs],
                page_globals=_page_style_globals(self.theme_dirs))
        try:
            return secure_page(html, self.allowed_scripts, self.allowed_styles)
        except UnknownInline as exc:
            raise PluginError(f"{source}:1:1: error: {exc}; content must not add "
                              f"{exc.element}s [unknown-{exc.element}]") from None


def _page_style_globals(theme_dirs: list[str]) -> dict[str, str]:
    """What the templates print inside a <style>: given to every page, and to the style
    allow-list, from the same files, so the page's text and its allowed hash agree."""
    return {"vj_critical_css": critical_stylesheet(theme_dirs)}


def _source_path(config: MkDocsConfig, src_uri: str) -> str:
    """The page's file as an editor finds it (docs/en/privacy.md); a generated page by
    its path in the site."""
    root = Path(config.config_file_path).parent
    source = Path(config.docs_dir) / src_uri
    try:
        return source.relative_to(root).as_posix() if source.is_file() else src_uri
    except ValueError:
        return src_uri


def _parse_date(value: Any) -> Any:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
