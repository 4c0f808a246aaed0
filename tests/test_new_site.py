"""A new organisation's site, made from the wheel alone: build the wheel, install it into
a fresh virtual environment, run `victim-journey init` in an empty folder, build with
`mkdocs build --strict`, then run the accessibility and privacy checks on the result."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from victim_journey.cli.init import STARTER_DIR, start_site
from victim_journey.content.interface_text import INTERFACE_FILE
from victim_journey.site_check.run import run_accessibility_check

ROOT = Path(__file__).resolve().parent.parent
DAY = "2026-12-01"
# Where a page may load a script, stylesheet, image or frame from: only this site.
RESOURCE = re.compile(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]*)"'
                      r'|<link\b[^>]*\bhref="([^"]*)"', re.IGNORECASE)


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("new-organisation")
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(work), "LANG": "C.UTF-8",
                   "NO_MKDOCS_2_WARNING": "1", "VICTIM_JOURNEY_TODAY": DAY}
    # setuptools writes build/ beside pyproject.toml: build from a copy of what the
    # package is made of, so the checkout is never touched.
    source = work / "source"
    shutil.copytree(ROOT / "scripts", source / "scripts",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    wheels = work / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
          "--no-build-isolation", "--wheel-dir", str(wheels), str(source)], work,
         {**environment, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    wheel = next(wheels.glob("victim_journey-*.whl"))
    # A fresh environment with the wheel alone. Its dependencies are the ones the project
    # already installed (a .pth line, read after the environment's own packages), so the
    # test needs no network; the package itself can only come from the wheel.
    environment_dir = work / "venv"
    venv.create(environment_dir, with_pip=True)
    python = environment_dir / "bin" / "python"
    site_packages = Path(_run([str(python), "-c", "import sysconfig; "
                               "print(sysconfig.get_paths()['purelib'])"], work,
                              environment).strip())
    (site_packages / "project-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
          str(wheel)], work, environment)
    empty = work / "empty"
    empty.mkdir()
    bin_dir = environment_dir / "bin"
    _run([str(bin_dir / "victim-journey"), "init", "our-site", "--today", DAY], empty,
         environment)
    site_root = empty / "our-site"
    where = _run([str(python), "-c", "import victim_journey; print(victim_journey.__file__)"],
                 site_root, environment)
    assert str(site_packages) in where, "the package did not come from the wheel"
    _run([str(bin_dir / "victim-journey"), "validate"], site_root, environment)
    _run([str(python), "-m", "mkdocs", "build", "--strict"], site_root, environment)
    return site_root


def test_the_new_site_has_the_theme_and_its_own_content(new_site: Path) -> None:
    home = (new_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "data-vj-exit-link" in home          # the quick exit, from the package's theme
    assert "<title>After a crime</title>" in home  # from its site.yml, said once
    stage = new_site / "site" / "stages" / "reporting-a-crime" / "index.html"
    assert stage.is_file()
    assert (new_site / "site" / "assets" / "stylesheets" / "vj-site.css").is_file()
    # One language: no switcher and no Welsh pages.
    assert 'class="vj-language"' not in home
    assert not (new_site / "site" / "cy").exists()


def test_the_new_site_names_no_address(new_site: Path) -> None:
    for page in (new_site / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "victim-journey.example" not in html and 'rel="canonical"' not in html, page


def test_the_new_site_loads_nothing_from_another_host(new_site: Path) -> None:
    pages = list((new_site / "site").rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for match in RESOURCE.finditer(html):
            address = match.group(1) or match.group(2)
            assert not re.match(r"(?i)(https?:)?//", address), f"{page}: {address}"
        assert "Content-Security-Policy" in html, page
        assert 'name="referrer" content="no-referrer"' in html, page


def test_the_new_site_passes_the_accessibility_check(
        new_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the checkers are this project's Node tools
    assert run_accessibility_check(new_site / "site", tmp_path / "reports") == 0


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        start_site(tmp_path, dt.date(2026, 12, 1))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_starter_has_every_interface_text_the_real_site_has() -> None:
    def keys(path: Path) -> list[str]:
        return re.findall(r"(?m)^  ([a-z0-9-]+):", path.read_text(encoding="utf-8"))

    real = keys(ROOT / "journey" / INTERFACE_FILE)
    assert len(real) > 50
    assert keys(STARTER_DIR / "journey" / INTERFACE_FILE) == real
