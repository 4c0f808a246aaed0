"""requirements.lock pins every package the project installs, with hashes, within the
ranges that pyproject.toml gives people who install the package."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)")


def _pins() -> dict[str, tuple[str, str]]:
    """{name: (version, the pin's text up to the next pin)}."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    pins = {}
    for block in blocks:
        match = PIN.match(block)
        if match:
            pins[canonicalize_name(match.group(1))] = (match.group(2), block)
    return pins


def test_every_dependency_is_pinned_within_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in
              [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    pins = _pins()
    for requirement in wanted:
        version, _ = pins[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), \
            f"{requirement.name}=={version} is outside {requirement.specifier}"


def test_every_pin_has_a_hash() -> None:
    pins = _pins()
    assert len(pins) > 20
    for name, (_, block) in pins.items():
        assert "--hash=sha256:" in block, name


def test_setup_installs_from_the_lock() -> None:
    setup = (ROOT / "scripts" / "setup").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.lock" in setup
    assert "--no-deps -e ." in setup
