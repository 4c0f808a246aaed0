"""scripts/setup installs Python and Node packages again only when the files that pin them
change. Run here in a scratch project, with stand-ins for pip, node and npm that only
record that they were called."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _executable(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _project(tmp_path: Path) -> tuple[Path, dict[str, str], Path]:
    project, log = tmp_path / "project", tmp_path / "calls.log"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup", project / "scripts" / "setup")
    for name in ("pyproject.toml", "package.json", "package-lock.json"):
        (project / name).write_text(f"{name} 1\n", encoding="utf-8")
    # .venv/bin/python: records a pip install; bin/node, bin/npm: a new enough Node.
    _executable(project / ".venv" / "bin" / "python", f'echo "python $*" >> {log}\n')
    tools = tmp_path / "bin"
    _executable(tools / "node", "exit 0\n")
    _executable(tools / "npm", f'echo "npm $*" >> {log}\nmkdir -p node_modules\n')
    _executable(tools / "chromium", "exit 0\n")
    env = {"PATH": f"{tools}:/usr/bin:/bin", "HOME": str(tmp_path)}
    return project, env, log


def _setup(project: Path, env: dict[str, str], log: Path) -> list[str]:
    log.write_text("", encoding="utf-8")
    subprocess.run(["bash", str(project / "scripts" / "setup")], cwd=project, env=env,
                   check=True, capture_output=True)
    steps = [line.split()[0] + (" install" if " install " in line else " ci")
             for line in log.read_text(encoding="utf-8").splitlines()]
    # Python's install is two pip calls (the lock, then the project): one step here.
    return [step for i, step in enumerate(steps) if i == 0 or step != steps[i - 1]]


def test_setup_installs_again_only_what_changed(tmp_path: Path) -> None:
    project, env, log = _project(tmp_path)
    assert _setup(project, env, log) == ["python install", "npm ci"]
    assert _setup(project, env, log) == []  # nothing changed: nothing installed
    (project / "package-lock.json").write_text("package-lock.json 2\n", encoding="utf-8")
    assert _setup(project, env, log) == ["npm ci"]
    (project / "pyproject.toml").write_text("pyproject.toml 2\n", encoding="utf-8")
    assert _setup(project, env, log) == ["python install"]
    # A Python lock file counts as well, as soon as there is one.
    (project / "requirements.lock").write_text("pinned\n", encoding="utf-8")
    assert _setup(project, env, log) == ["python install"]
    assert _setup(project, env, log) == []
    assert os.access(project / "scripts" / "setup", os.X_OK)
