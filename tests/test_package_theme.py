"""The theme ships in the package, and the plugin adds it to every site's theme."""

from __future__ import annotations

from pathlib import Path

from victim_journey.mkdocs_plugin.theme_dir import THEME_DIR, with_package_theme

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
