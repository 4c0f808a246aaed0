"""What `mkdocs serve` keeps between rebuilds (mkdocs_plugin/rebuild_cache.py): a changed
page is converted again, an unchanged one is reused, and the site is byte for byte the
one a fresh build makes."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from days import CONTENT_DAY
from sitecheck import assert_same_tree
from victim_journey.mkdocs_plugin.rebuild_cache import (
    ConvertedPages,
    LastBuildResults,
    TemplateCode,
)


def _small_site(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nSee [the trial](trial.md#on-the-day).\n",
                                   encoding="utf-8")
    (docs / "trial.md").write_text("# The trial\n\n## On the day\n\nWitnesses wait.\n",
                                   encoding="utf-8")
    (docs / "outcome.md").write_text("# Outcome\n\nA [lost link](nowhere.md).\n",
                                     encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\nmarkdown_extensions: [toc]\n", encoding="utf-8")
    return config


def _convert_all(config_file: Path, cache: ConvertedPages | None
                 ) -> tuple[MkDocsConfig, Files, dict[str, Page]]:
    """Converts every page as MkDocs' build does, through `cache` when one is given."""
    config = load_config(str(config_file))
    files = get_files(config)
    get_navigation(files, config)
    if cache is not None:
        cache.start_build(config, files)
    pages = {}
    for file in files.documentation_pages():
        assert file.page is not None
        file.page.read_source(config)
        file.page.render(config, files)
        pages[file.src_uri] = file.page
    return config, files, pages


def _converted(page: Page) -> tuple[object, ...]:
    return (page.content, str(page.toc), page.title, page.present_anchor_ids,
            {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()})


def test_an_unchanged_page_is_reused_and_a_changed_one_converted(tmp_path: Path) -> None:
    config_file = _small_site(tmp_path)
    cache = ConvertedPages()
    _convert_all(config_file, cache)
    assert (cache.converted, cache.reused) == (3, 0)

    _, files, again = _convert_all(config_file, cache)
    assert (cache.converted, cache.reused) == (0, 3)
    _, _, fresh = _convert_all(config_file, None)
    assert {uri: _converted(p) for uri, p in again.items()} == \
           {uri: _converted(p) for uri, p in fresh.items()}
    # Links to anchors name this build's files, which MkDocs checks the anchors against.
    links = again["index.md"].links_to_anchors or {}
    assert [f for f in links] == [files.get_file_from_path("trial.md")]

    trial = tmp_path / "docs" / "trial.md"
    trial.write_text(trial.read_text(encoding="utf-8").replace("wait", "sit"),
                     encoding="utf-8")
    _, _, edited = _convert_all(config_file, cache)
    assert (cache.converted, cache.reused) == (1, 2)
    assert "Witnesses sit." in (edited["trial.md"].content or "")


def test_a_new_file_converts_every_page_again(tmp_path: Path) -> None:
    """Links are resolved against the site's files: another file can change any page."""
    config_file = _small_site(tmp_path)
    cache = ConvertedPages()
    _convert_all(config_file, cache)
    (tmp_path / "docs" / "nowhere.md").write_text("# Now here\n", encoding="utf-8")
    _, _, pages = _convert_all(config_file, cache)
    assert (cache.converted, cache.reused) == (4, 0)
    assert 'href="../nowhere/"' in (pages["outcome.md"].content or "")


def test_what_a_reused_page_logged_is_logged_again(tmp_path: Path,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    config_file = _small_site(tmp_path)
    cache = ConvertedPages()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        _convert_all(config_file, cache)
        first = [r.getMessage() for r in caplog.records if "nowhere.md" in r.getMessage()]
        caplog.clear()
        _convert_all(config_file, cache)
        again = [r.getMessage() for r in caplog.records if "nowhere.md" in r.getMessage()]
    assert cache.reused == 3
    assert first and again == first


def test_template_code_is_reused_only_for_the_same_source() -> None:
    code = TemplateCode()
    sources = {"page.html": "Hello {{ name }}"}

    def render() -> str:
        env = Environment(loader=DictLoader(sources))
        env.bytecode_cache = code
        return env.get_template("page.html").render(name="you")

    assert render() == "Hello you"
    assert render() == "Hello you"  # from the kept code
    sources["page.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye you"


def test_last_build_results_keep_only_what_the_last_build_used() -> None:
    calls: list[str] = []

    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    results: LastBuildResults[str, str] = LastBuildResults()
    assert results.get("a", lambda: shout("a")) == ("A", False)
    assert results.get("b", lambda: shout("b")) == ("B", False)
    results.start_build()
    assert results.get("a", lambda: shout("a")) == ("A", True)
    assert calls == ["a", "b"]
    results.start_build()  # "b" was not asked for in the last build
    assert results.get("b", lambda: shout("b")) == ("B", False)
    assert calls == ["a", "b", "b"]


def test_a_rebuild_in_serve_makes_the_same_site_as_a_fresh_build(
        content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As `mkdocs serve` does: a build, an edit, a rebuild by the same plugin (MkDocs
    keeps it), against a build of the edited content by a plugin that kept nothing."""
    monkeypatch.setenv("VICTIM_JOURNEY_TODAY", CONTENT_DAY.isoformat())
    monkeypatch.delenv("SITE_URL", raising=False)
    config_file = str(content_copy / "mkdocs.yml")
    served, fresh = tmp_path / "served", tmp_path / "fresh"

    config = load_config(config_file, site_dir=str(served))
    plugin = config.plugins["victim-journey"]
    plugin.on_startup(command="serve", dirty=False)
    build(config)
    stage = content_copy / "journey/stages/the-trial.yml"
    stage.write_text(stage.read_text(encoding="utf-8").replace(
        "\nsummary: ", "\nsummary: Seen by the heron. ", 1), encoding="utf-8")
    build(load_config(config_file, site_dir=str(served)))
    assert plugin.converted_pages is not None and plugin.converted_pages.reused > 0

    plugin.on_startup(command="build", dirty=False)
    build(load_config(config_file, site_dir=str(fresh)))
    assert "Seen by the heron." in (served / "stages/the-trial/index.html").read_text(
        encoding="utf-8")
    assert_same_tree(served, fresh)

