"""The theme ships in the package, and the plugin adds it to every site's theme."""

from __future__ import annotations

from pathlib import Path

from victim_journey.mkdocs_plugin.theme_dir import (
    CRITICAL_STYLESHEET,
    SITE_STYLESHEETS,
    STYLESHEETS_FOLDER,
    THEME_DIR,
    joined_stylesheet,
    minified_css,
    minified_js,
    with_package_theme,
)

ROOT = Path(__file__).resolve().parent.parent


def test_theme_is_inside_the_package() -> None:
    assert (THEME_DIR / "main.html").is_file()
    assert (THEME_DIR / "partials" / "vj-exit.html").is_file()
    assert not (ROOT / "overrides").exists()


def test_package_theme_goes_before_the_theme_it_overrides() -> None:
    assert with_package_theme(["/material", "/mkdocs"], None) == \
        [str(THEME_DIR), "/material", "/mkdocs"]


def test_a_sites_own_custom_dir_stays_first() -> None:
    assert with_package_theme(["/site/custom", "/material", "/mkdocs"], "/site/custom") == \
        ["/site/custom", str(THEME_DIR), "/material", "/mkdocs"]


def test_adding_the_theme_twice_changes_nothing() -> None:
    dirs = [str(THEME_DIR), "/material", "/mkdocs"]
    assert with_package_theme(dirs, str(THEME_DIR)) == dirs


def test_the_real_site_names_no_custom_dir() -> None:
    # The real site gets the theme the way a new organisation's site does: from the plugin.
    assert "custom_dir" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split(
        "theme:", 1)[1].split("plugins:", 1)[0].replace("Set custom_dir only", "")


def test_the_joined_stylesheet_holds_every_part_in_cascade_order() -> None:
    joined = joined_stylesheet([str(THEME_DIR)])
    positions = [joined.index(f"/* {name} */\n") for name in SITE_STYLESHEETS]
    assert positions == sorted(positions)
    stylesheets = THEME_DIR / STYLESHEETS_FOLDER
    # The first-paint rules are in every page itself (theme/main.html), not in the file.
    assert {p.name for p in stylesheets.glob("*.css")} == \
        {*SITE_STYLESHEETS, CRITICAL_STYLESHEET}, \
        "a stylesheet in the theme that pages would never load"
    for name in SITE_STYLESHEETS:
        assert minified_css(stylesheets / name) in joined
    # Minified: no comment but the parts' names; strings and meaningful blanks kept.
    assert joined.count("/*") == len(SITE_STYLESHEETS)
    assert 'content:" (" attr(href) ")"' in joined  # the printed link's address
    assert ".md-typeset :target" in joined  # a descendant, not the element itself


def test_a_sites_custom_dir_replaces_one_part_of_the_joined_stylesheet(tmp_path: Path
                                                                      ) -> None:
    custom = tmp_path / STYLESHEETS_FOLDER
    custom.mkdir(parents=True)
    (custom / "vj-exit.css").write_text(".our-exit { color: #000; }\n", encoding="utf-8")
    joined = joined_stylesheet([str(tmp_path), str(THEME_DIR)])
    assert "/* vj-exit.css */\n.our-exit{color:#000}\n" in joined
    assert (THEME_DIR / STYLESHEETS_FOLDER / "vj-exit.css").read_text(encoding="utf-8") \
        not in joined


def test_every_built_page_links_the_joined_stylesheet_and_none_of_its_parts(
        built_site: Path, reader_pages: list[str]) -> None:
    for path in reader_pages:
        file = built_site / path if path.endswith(".html") else built_site / path / "index.html"
        html = file.read_text(encoding="utf-8")
        # Linked once, and preloaded once from <head> (theme/main.html says why).
        assert html.count('<link rel="stylesheet" href="') == 2, path
        assert html.count('stylesheets/vj-site.css">') == 2, path
        assert html.count('<link rel="preload" as="style" href="') == 2, path
        assert not any(f"stylesheets/{name}" in html
                       for name in (*SITE_STYLESHEETS, CRITICAL_STYLESHEET)), path


def test_our_scripts_are_served_minified(built_site: Path) -> None:
    scripts = THEME_DIR / "assets" / "javascripts"
    sources = sorted(scripts.glob("vj-*.js"))
    assert len(sources) >= 5
    for source in sources:
        served = (built_site / "assets" / "javascripts" / source.name).read_text(
            encoding="utf-8")
        text = source.read_text(encoding="utf-8")
        assert served == minified_js(text), source.name
        assert "/*" not in served and "\n//" not in served, source.name
        assert len(served) < len(text), source.name
