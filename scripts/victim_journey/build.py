"""Build the site safely: check content first, build into a fresh folder, then swap it
into place, so a failed build never leaves a half-written site/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class BuildFailed(Exception):
    pass


def run_mkdocs_build(config_file: Path, site_dir: Path, *, env: dict[str, str] | None = None
                     ) -> subprocess.CompletedProcess[str]:
    # Never add -q: with --strict it hides broken links and exits 0 (mkdocs#4126).
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(config_file), "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=env or {**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def build_into(config_file: Path, site_dir: Path) -> str:
    """Build into a temporary folder beside site_dir and swap it in. Returns MkDocs' log."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        result = run_mkdocs_build(config_file, staging)
        if result.returncode != 0:
            raise BuildFailed(result.stderr + result.stdout)
        old = None
        if site_dir.exists():
            old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
            os.replace(site_dir, old / "site")
        os.replace(staging, site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return result.stderr
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
