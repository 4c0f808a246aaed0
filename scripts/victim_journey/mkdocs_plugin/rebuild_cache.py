"""What `mkdocs serve` can keep from one rebuild to the next.

MkDocs 1.6 rebuilds the whole site after every save, with a new configuration, new
pages and a new template environment, but the same plugin (it has on_startup). An edit
to one stage changes a few pages; converting the Markdown of the other few thousand
again, and compiling the theme's templates again, gives the very same result. The
plugin keeps both here, for `mkdocs serve` only: a build converts each page once anyway.

- A page's HTML depends on its Markdown, its own address, the addresses of every file of
  the site (links are resolved and checked against them) and the Markdown settings of
  the configuration file. The key holds all of them, so a page whose key is unchanged
  gets exactly what converting it again would give. What the conversion logged (a broken
  link, say) is logged again, so the terminal says the same on every rebuild.
- Compiled templates are kept by Jinja's own bytecode cache, which checks the template's
  source before it reuses anything.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True)
class _Converted:
    content: str | None
    toc: TableOfContents
    title: str | None
    present_anchor_ids: set[str] | None
    # By the linked file's path: the File objects are new in every build.
    links_to_anchors: dict[str, dict[str, str]] | None
    logged: tuple[logging.LogRecord, ...]


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class LastBuildResults(Generic[K, V]):
    """Results by key, kept from one build to the next. Only the results the last build
    asked for are kept, so a long session of edits does not grow."""

    def __init__(self) -> None:
        self._kept: dict[K, V] = {}
        self._used: dict[K, V] = {}

    def start_build(self) -> None:
        if self._used:
            self._kept, self._used = self._used, {}

    def get(self, key: K, compute: Callable[[], V]) -> tuple[V, bool]:
        """The result for `key`, and whether it was kept (else `compute()` made it)."""
        found = self._used.get(key)
        if found is None:
            found = self._kept.get(key)
        kept = found is not None
        if found is None:
            found = compute()
        self._used[key] = found
        return found, kept


class ConvertedPages:
    """Each page's converted Markdown, by everything the conversion depends on."""

    def __init__(self) -> None:
        self._converted: LastBuildResults[Hashable, _Converted] = LastBuildResults()
        self._site = ""
        self.reused = self.converted = 0

    def start_build(self, config: MkDocsConfig, files: Files) -> None:
        """Keys this build's pages by this build's files and settings, and makes its
        pages (made by MkDocs with the navigation, just before) convert through it."""
        config_file = Path(config.config_file_path)
        site = repr((
            config_file.read_text(encoding="utf-8") if config_file.is_file() else None,
            config.markdown_extensions, config.mdx_configs,
            [(f.src_uri, f.dest_uri, f.url, f.inclusion) for f in files],
        ))
        self._site = hashlib.sha256(site.encode()).hexdigest()
        self._converted.start_build()
        self.reused = self.converted = 0
        for file in files.documentation_pages():
            page = file.page
            if page is not None and type(page) is Page:
                # MkDocs made these pages while building the navigation; a subclass
                # changes only how they convert their Markdown.
                page.__class__ = _ReusingPage
                page.converted_pages = self  # type: ignore[attr-defined]

    def convert(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        key = (page.file.src_uri, page.file.dest_uri, page.file.url, page.markdown,
               self._site)
        found, kept = self._converted.get(key, lambda: self._convert(page, config, files))
        if kept:
            for record in found.logged:
                logging.getLogger(record.name).handle(record)
            self.reused += 1
        else:
            self.converted += 1
        page.content = found.content
        page.toc = found.toc
        page._title_from_render = found.title  # what Page.render sets
        page.present_anchor_ids = found.present_anchor_ids
        page.links_to_anchors = None if found.links_to_anchors is None else {
            linked: anchors for uri, anchors in found.links_to_anchors.items()
            if (linked := files.get_file_from_path(uri)) is not None}

    @staticmethod
    def _convert(page: Page, config: MkDocsConfig, files: Files) -> _Converted:
        recorder = _Recorder()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(recorder)
        try:
            Page.render(page, config, files)
        finally:
            mkdocs_log.removeHandler(recorder)
        return _Converted(
            page.content, page.toc, page._title_from_render,
            page.present_anchor_ids,
            None if page.links_to_anchors is None else {
                linked.src_uri: anchors for linked, anchors in page.links_to_anchors.items()},
            tuple(recorder.records))


class _ReusingPage(Page):
    converted_pages: ConvertedPages

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            Page.render(self, config, files)  # raises MkDocs' own error
            return
        self.converted_pages.convert(self, config, files)


class TemplateCode(BytecodeCache):
    """Compiled templates, in memory, for every rebuild of one `mkdocs serve`. Jinja
    compares each template's source with the one compiled before reusing its code."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


