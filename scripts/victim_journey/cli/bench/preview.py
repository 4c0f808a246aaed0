"""How long an editor waits for the preview: from saving a YAML file in journey/ to
`mkdocs serve` serving the page with the new text.

The server runs as editors run it (`mkdocs serve`, the English site), on a free loopback
port, in its own process. Each run changes a stage's summary (which the stage page
shows at its top), then asks for the page until its HTML holds the new words. MkDocs
holds a request while a rebuild is under way, so the first answer with the words comes
as soon as the rebuild is done. The file is put back as it was at the end.

Speed is measured here (and in `victim-journey bench`), never asserted in tests: times
on a shared machine are noisy.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from victim_journey.pages import page_url, stage_page

# Words for the edits: each run's summary must differ from the one before, and from the
# page as it was, so that seeing the words proves the rebuild happened. Plain words keep
# the summary within the plain-English limits, so the preview shows it (an edit that
# failed a check would leave the last good page in place).
_EDIT_WORDS = ("otter", "heron", "badger", "kestrel", "marten", "plover", "stoat", "wren")
# A first build of a big site takes minutes on a loaded machine.
READY_TIMEOUT_S = 900.0
CHANGE_TIMEOUT_S = 300.0
_POLL_S = 0.02


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def first_stage(project_dir: Path, content_dir: str = "journey") -> str:
    """The first stage of the route: a page every site has."""
    site = yaml.safe_load((project_dir / content_dir / "site.yml").read_text(encoding="utf-8"))
    first = site["route"][0]
    return str(first["stages"][0] if isinstance(first, dict) else first)


def with_summary(text: str, summary: str) -> str:
    """The stage file's text with its one-line `summary:` replaced, everything else as
    the editor wrote it."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("summary:"):
            lines[index] = "summary: " + summary
            return "\n".join(lines)
    raise ValueError("the stage file has no one-line 'summary:' to edit")


class PreviewServer:
    """`mkdocs serve` in a subprocess, on a free loopback port; stop() ends it cleanly."""

    def __init__(self, project_dir: Path, config_file: str = "mkdocs.yml") -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        # A file, not a pipe: a big build logs more than a pipe holds, and the server
        # would block on it.
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", config_file,
             "-a", f"127.0.0.1:{self.port}"],
            cwd=project_dir, stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def get(self, path: str, timeout: float = 60.0) -> str | None:
        """The page's HTML, or None while the server does not answer with it."""
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=timeout) as answer:
                return str(answer.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, path: str, words: str, timeout: float) -> float:
        """Asks for `path` until its HTML holds `words`; returns when (perf_counter)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve stopped:\n{self.output()[-4000:]}")
            html = self.get(path)
            if html is not None and words in html:
                return time.perf_counter()
            time.sleep(_POLL_S)
        raise TimeoutError(f"{path} did not show {words!r} within {timeout:.0f} s:\n"
                           f"{self.output()[-4000:]}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            # Ctrl+C, as an editor stops it: MkDocs shuts its server and watcher down.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def measure_preview(project_dir: Path, runs: int = 3, *, config_file: str = "mkdocs.yml",
                    stage_id: str | None = None) -> float:
    """The median seconds from writing a stage's YAML file to `mkdocs serve` serving its
    page with the new text, over `runs` edits. The file is restored afterwards."""
    stage_id = stage_id or first_stage(project_dir)
    stage_file = project_dir / "journey" / "stages" / f"{stage_id}.yml"
    original = stage_file.read_text(encoding="utf-8")
    summary = next(line for line in original.split("\n")
                   if line.startswith("summary:"))[len("summary:"):].strip()
    path = page_url(stage_page(stage_id))
    server = PreviewServer(project_dir, config_file)
    times = []
    try:
        server.wait_for(path, "</html>", READY_TIMEOUT_S)
        for run in range(runs):
            word = _EDIT_WORDS[run % len(_EDIT_WORDS)]
            edited = with_summary(original, f"{summary} Seen by the {word}.")
            start = time.perf_counter()
            stage_file.write_text(edited, encoding="utf-8")
            times.append(server.wait_for(path, f"Seen by the {word}.", CHANGE_TIMEOUT_S)
                         - start)
    finally:
        stage_file.write_text(original, encoding="utf-8")
        server.stop()
    return statistics.median(times)
