"""Every language's MkDocs build runs side by side (cli/build.py, build_all)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from victim_journey.cli import build
from victim_journey.cli.build import EditionBuild, build_all

ROOT = Path(__file__).resolve().parent.parent

# Stands in for one language's build: logs far more than a pipe holds (64 KiB), then
# says it got this far and waits for the other language's build to get as far. Two
# builds read one after the other would never both get there.
_BUILD = textwrap.dedent("""
    import pathlib, sys, time
    folder, here, other = map(pathlib.Path, sys.argv[1:])
    sys.stderr.write("INFO    -  a line a big site logs\\n" * 40_000)
    sys.stderr.flush()
    here.touch()
    deadline = time.monotonic() + 30
    while not other.exists():
        if time.monotonic() > deadline:
            sys.exit("the other language's build never got as far")
        time.sleep(0.02)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text("built")
""")


def test_the_languages_build_side_by_side_however_much_they_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marks = tmp_path / "marks"
    marks.mkdir()

    def command(edition: EditionBuild) -> list[str]:
        mine = edition.config.name
        other = "mkdocs.cy.yml" if mine == "mkdocs.yml" else "mkdocs.yml"
        return [sys.executable, "-c", _BUILD, str(edition.folder), str(marks / mine),
                str(marks / other)]

    monkeypatch.setattr(EditionBuild, "command", command)
    monkeypatch.setattr(build, "write_host_files", lambda site: None)
    site = tmp_path / "site"
    logs = build_all(ROOT, site, env={})
    assert sorted(p.name for p in marks.iterdir()) == ["mkdocs.cy.yml", "mkdocs.yml"]
    assert (site / "index.html").read_text() == "built"
    assert (site / "cy" / "index.html").read_text() == "built"
    # Every line each build logged comes back, under its name.
    assert logs.count("a line a big site logs") == 80_000
    assert "--- mkdocs.yml\n" in logs and "--- mkdocs.cy.yml\n" in logs
