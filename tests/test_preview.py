"""The preview editors use: `mkdocs serve` shows an edit to a YAML file, shows what is
wrong while the content has an error, and the edit once it is fixed. Correctness only:
how fast is measured by cli/bench/preview.py, never asserted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from days import CONTENT_DAY
from victim_journey.cli.bench.preview import PreviewServer, first_stage, with_summary
from victim_journey.mkdocs_plugin.preview_errors import PREVIEW_ERRORS_CLASS
from victim_journey.pages import page_url, stage_page

WAIT_S = 300.0  # a loaded machine is slow; the test fails only if the page never changes
# MkDocs' live-reload script names the build the page came from.
_BUILD_EPOCH = re.compile(r"livereload\(\d+, \d+\)")


def _without_epoch(html: str | None) -> str:
    return _BUILD_EPOCH.sub("livereload()", html or "")


def test_the_served_page_changes_after_an_edit_and_shows_errors(
        content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VICTIM_JOURNEY_TODAY", CONTENT_DAY.isoformat())
    monkeypatch.delenv("SITE_URL", raising=False)
    stage_id = first_stage(content_copy)
    stage_file = content_copy / "journey" / "stages" / f"{stage_id}.yml"
    original = stage_file.read_text(encoding="utf-8")
    path = page_url(stage_page(stage_id))
    other = page_url(stage_page("the-trial"))
    server = PreviewServer(content_copy)
    try:
        server.wait_for(path, "</html>", WAIT_S)
        before_other = _without_epoch(server.get(other))

        stage_file.write_text(with_summary(original, "Seen by the otter."), encoding="utf-8")
        server.wait_for(path, "Seen by the otter.", WAIT_S)
        # A page the edit does not touch is served as it was.
        assert _without_epoch(server.get(other)) == before_other

        stage_file.write_text(original.replace("title:", "title: [", 1), encoding="utf-8")
        server.wait_for(path, PREVIEW_ERRORS_CLASS, WAIT_S)
        html = server.get(path) or ""
        assert f"journey/stages/{stage_id}.yml:" in html
        assert "Seen by the otter." in html  # the last content that passed

        stage_file.write_text(with_summary(original, "Seen by the heron."), encoding="utf-8")
        server.wait_for(path, "Seen by the heron.", WAIT_S)
        assert PREVIEW_ERRORS_CLASS not in (server.get(path) or "")
    finally:
        server.stop()


def test_with_summary_changes_only_the_summary() -> None:
    text = "title: The trial\nsummary: Old words.\nwhat_happens: |\n  summary: kept\n"
    assert with_summary(text, "New words.") == (
        "title: The trial\nsummary: New words.\nwhat_happens: |\n  summary: kept\n")
    with pytest.raises(ValueError, match="summary"):
        with_summary("title: x\n", "New words.")
