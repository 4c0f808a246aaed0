"""Find the tools the accessibility check needs, and say how to install any that are
missing. The check must never be skipped quietly: a missing tool is a failure that names
the tool and the command that installs it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from victim_journey.site_check.browser import INSTALL_HINT, find_chromium

SETUP_HINT = "run scripts/setup"
NODE_TOOLS_HINT = (f"{SETUP_HINT} (or, in the project folder: "
                   "'PUPPETEER_SKIP_DOWNLOAD=1 npm ci')")


# html-validate 10.17 needs ^20.19 (pa11y-ci 4 needs 20).
MIN_NODE = (20, 19)


def node_version(node: str) -> tuple[int, ...]:
    """Node's version as numbers, or () if it cannot be read."""
    try:
        output = subprocess.run([node, "--version"], capture_output=True, text=True,
                                timeout=30, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ()
    numbers = re.findall(r"\d+", output)[:3]
    return tuple(int(n) for n in numbers)


@dataclass(frozen=True)
class Tools:
    node: str
    pa11y_ci: Path
    html_validate: Path
    html_validate_config: Path
    axe_script: Path
    chromium: str


class ToolsMissing(Exception):
    """Every missing tool, one line each, with how to install it."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__("\n".join(missing))


def project_root(near: Path | None = None) -> Path:
    """The folder holding package.json (and, once set up, node_modules): the one `near`
    is in (the CLI writes reports/ there), else the current folder, else the checkout
    this package lives in."""
    checkout = Path(__file__).resolve().parents[3]
    candidates = [near, Path.cwd(), checkout] if near else [Path.cwd(), checkout]
    for folder in candidates:
        if (folder / "package.json").is_file():
            return folder
    return checkout


def find_tools(root: Path | None = None) -> Tools:
    """The tools, or ToolsMissing naming every one that is not there."""
    root = root or project_root()
    modules = root / "node_modules"
    missing: list[str] = []
    node = shutil.which("node")
    if node is None:
        missing.append("Node.js is missing (no 'node' on PATH): "
                       f"{SETUP_HINT}, or 'apt-get install nodejs npm'")
    elif (version := node_version(node)) < MIN_NODE:
        missing.append(f"Node.js {'.'.join(map(str, MIN_NODE))} or newer is needed, for "
                       f"pa11y-ci and html-validate; {node} is "
                       f"{'.'.join(map(str, version)) or 'unknown'}: install a newer one "
                       "(for example from nodejs.org's Debian packages)")
        node = None

    def need(path: Path, name: str, hint: str = NODE_TOOLS_HINT) -> Path:
        if not path.is_file():
            missing.append(f"{name} is missing ({path}): {hint}")
        return path

    pa11y_ci = need(modules / ".bin" / "pa11y-ci", "pa11y-ci")
    html_validate = need(modules / ".bin" / "html-validate", "html-validate")
    axe_script = need(modules / "axe-core" / "axe.min.js", "axe-core")
    config = need(root / ".htmlvalidate.json", "the html-validate configuration",
                  "it belongs in the project folder beside package.json")
    chromium = find_chromium()
    if chromium is None:
        missing.append(f"Chromium is missing: {INSTALL_HINT}")
    if missing or node is None or chromium is None:
        raise ToolsMissing(missing)
    return Tools(node, pa11y_ci, html_validate, config, axe_script, chromium)


def run_for_json_report(tool: str, command: list[str], report_file: Path, *,
                        timeout: int, cwd: Path | None = None) -> tuple[Any | None, str]:
    """Run a Node tool that writes a JSON report to `report_file`. Returns the report
    (None when the tool wrote none that can be read) and the tool's own output, for the
    message that explains why."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=cwd,
                                timeout=timeout, check=False)
        output = result.stderr + result.stdout
    except subprocess.TimeoutExpired:
        output = f"{tool} took longer than {timeout} seconds"
    try:
        return json.loads(report_file.read_text(encoding="utf-8")), output
    except (OSError, ValueError):
        return None, output


def output_tail(text: str, lines: int = 15) -> str:
    """The end of a tool's output, enough to say what went wrong."""
    kept = text.strip().splitlines()[-lines:]
    return "\n".join(kept) if kept else "(no output)"
