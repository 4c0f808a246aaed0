"""The site builds with ProperDocs too: a community fork of MkDocs 1.x that runs MkDocs
plugins and themes unchanged, and one way to go on if MkDocs 1.x stops working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitecheck import TEST_SITE_URL

ROOT = Path(__file__).resolve().parent.parent


def test_the_english_site_builds_strictly_with_properdocs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file",
         str(ROOT / "mkdocs.yml"), "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, "SITE_URL": TEST_SITE_URL, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "data-vj-exit-link" in home               # our theme, from the package
    assert "Content-Security-Policy" in home         # our plugin ran on every page
    assert (site / "stages" / "the-trial" / "index.html").is_file()
    assert (site / "data" / "journey.json").is_file()
