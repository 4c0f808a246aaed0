"""The accessibility check's memory: a page whose result cannot have changed is not
checked again.

A page's result depends on its HTML, on everything else in the site it may load (CSS,
JavaScript, images: a new colour can break contrast on every page) and on the tools
(their versions, our pa11y runner, the html-validate rules, the browser). The key of a
page is a hash of all of these, so a change to any of them checks the page again. Pages
that could not be checked are never remembered."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path

from victim_journey.site_check.pa11y import node_modules_of
from victim_journey.site_check.report import Finding
from victim_journey.site_check.tools import Tools

CACHE_FILE = Path(".cache") / "accessibility.json"
FORMAT = 1
NODE_PACKAGES = ("pa11y-ci", "pa11y", "axe-core", "@pa11y/html_codesniffer", "html-validate")
NOT_CHECKED = "page-not-checked"


def _sha256(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def chromium_version(chromium: str) -> str:
    try:
        return subprocess.run([chromium, "--version"], capture_output=True, text=True,
                              timeout=60, check=False).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


def tools_fingerprint(tools: Tools, runner_files: Iterable[Path], browser: str) -> str:
    """What the tools are: each Node package's version, our runner and reporter, the
    html-validate rules, and the browser's version string."""
    modules = node_modules_of(tools.pa11y_ci)
    parts = [f"format {FORMAT}".encode(), browser.encode()]
    for package in NODE_PACKAGES:
        manifest = modules / package / "package.json"
        version = json.loads(manifest.read_text(encoding="utf-8")).get("version", "?") \
            if manifest.is_file() else "missing"
        parts.append(f"{package} {version}".encode())
    for path in (*runner_files, tools.html_validate_config):
        parts.append(path.read_bytes())
    return _sha256(*parts)


def assets_fingerprint(site_dir: Path) -> str:
    """Everything in the site but the pages themselves, which any page may load."""
    parts = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_file() and path.suffix != ".html":
            parts += [path.relative_to(site_dir).as_posix().encode(), path.read_bytes()]
    return _sha256(*parts)


def page_keys(site_dir: Path, files: Mapping[str, Path], fingerprint: str) -> dict[str, str]:
    """{page: key}. `files` maps each page to its HTML file."""
    base = _sha256(fingerprint.encode(), assets_fingerprint(site_dir).encode())
    return {page: _sha256(base.encode(), page.encode(), path.read_bytes())
            for page, path in files.items()}


class ResultCache:
    """{key: the page's findings}, kept in one JSON file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, list[dict[str, str]]] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("format") == FORMAT:
                    self.entries = data["pages"]
            except (OSError, ValueError, KeyError, TypeError):
                self.entries = {}  # an unreadable cache is an empty one

    def get(self, key: str) -> list[Finding] | None:
        found = self.entries.get(key)
        return None if found is None else [Finding(**f) for f in found]

    def put(self, key: str, findings: list[Finding]) -> None:
        if any(f.rule == NOT_CHECKED or f.rule.endswith("-failed") for f in findings):
            return
        self.entries[key] = [asdict(f) for f in findings]

    def save(self, keep: Iterable[str]) -> None:
        """Write the entries whose keys are in `keep` (the site's pages now), so the file
        does not grow with every old version of every page."""
        if self.path is None:
            return
        wanted = set(keep)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(
            {"format": FORMAT, "pages": {k: v for k, v in self.entries.items() if k in wanted}},
            indent=0) + "\n", encoding="utf-8")
        temporary.replace(self.path)
