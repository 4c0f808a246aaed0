"""The navigation rendered once for the pages it does not list (nav_cache.py and the
site_nav block of theme/main.html) gives every page exactly the HTML it would get
rendered on its own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from victim_journey.cli.bench.projects import make_project
from victim_journey.mkdocs_plugin import plugin
from victim_journey.mkdocs_plugin.nav_cache import NavCache

ROOT = Path(__file__).resolve().parent.parent


def heading(title: str, url: str, level: int, *children: Any) -> Any:
    return SimpleNamespace(title=title, url=url, level=level, children=list(children))


def page(url: str, *toc: Any, meta: dict[str, Any] | None = None) -> Any:
    return SimpleNamespace(url=url, meta=meta or {}, toc=list(toc))


SECTIONS = (heading("How to contact them", "#contact", 2),
            heading("What they do", "#what-they-do", 2))
NAV = SimpleNamespace(pages=[page(""), page("stages/the-trial/"), page("services/")])


def service(name: str, **kwargs: Any) -> Any:
    return page(f"services/{name}/", heading(name.title(), f"#{name}", 1, *SECTIONS), **kwargs)


def test_pages_beside_each_other_share_whatever_their_titles() -> None:
    cache = NavCache()
    assert cache.key(service("refuge"), NAV) == cache.key(service("victim-support"), NAV)
    assert cache.key(service("refuge"), NAV) is not None


@pytest.mark.parametrize("other", [
    page("where-am-i/refuge/", heading("Refuge", "#refuge", 1, *SECTIONS)),  # other folder
    page("services/refuge/more/", heading("Refuge", "#refuge", 1, *SECTIONS)),  # deeper
    service("refuge", meta={"hide": ["toc"]}),                        # hides a sidebar
    page("services/refuge/", heading("Refuge", "#refuge", 1, SECTIONS[0])),  # other sections
    page("services/refuge/", *SECTIONS),                              # no heading 1
])
def test_anything_the_block_prints_differently_makes_another_key(other: Any) -> None:
    cache = NavCache()
    assert cache.key(other, NAV) != cache.key(service("victim-support"), NAV)


def test_pages_in_the_navigation_and_the_404_page_are_rendered_alone() -> None:
    cache = NavCache()
    assert cache.key(NAV.pages[1], NAV) is None
    assert cache.key(None, NAV) is None
    assert cache.key(page("services/refuge/"), None) is None


def test_a_listed_page_inside_a_pages_folder_keeps_that_page_apart() -> None:
    # From services/ the link to services/a/ is "a/"; from services/b/ it is "../a/".
    nav = SimpleNamespace(pages=[page("services/a/")])
    cache = NavCache()
    assert cache.key(page("services/"), nav) != cache.key(page("stages/"), nav)
    assert cache.key(page("services/b/"), nav) == cache.key(page("services/c/"), nav)


@pytest.fixture
def with_nav_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A switch for the cache, whether or not the plugin sets it up itself."""
    original = plugin.VictimJourneyPlugin.on_env
    state = {"on": True}

    def on_env(self: Any, env: Any, **kwargs: Any) -> Any:
        env = original(self, env, **kwargs)
        if state["on"]:
            env.globals["vj_nav_cache"] = NavCache()
        else:
            env.globals.pop("vj_nav_cache", None)
        return env

    monkeypatch.setattr(plugin.VictimJourneyPlugin, "on_env", on_env)
    yield state


def built(project: Path, site: Path) -> dict[str, bytes]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_every_page_is_the_same_with_the_cache_and_without(tmp_path: Path,
                                                           with_nav_cache: Any) -> None:
    project = make_project(ROOT, tmp_path / "project", 8)
    with_nav_cache["on"] = True
    cached = built(project, tmp_path / "cached")
    with_nav_cache["on"] = False
    alone = built(project, tmp_path / "alone")
    assert cached.keys() == alone.keys()
    assert [path for path in cached if cached[path] != alone[path]] == []
    real = {p.stem for p in (ROOT / "journey" / "services").glob("*.yml")}
    services = {path.split("/")[1] for path in cached
                if path.startswith("services/") and path.count("/") == 2}
    assert len(services - real - {"index.html"}) == 8
