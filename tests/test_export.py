"""`victim-journey export`: every page as Markdown, without MkDocs, with links between
the exported files that all lead somewhere."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from victim_journey.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN_LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)\s]*)?(?:\s+\"[^\"]*\")?\)")


def test_export_writes_every_page_of_every_language(tmp_path: Path) -> None:
    target = tmp_path / "export"
    assert main(["--root", str(ROOT), "export", str(target)]) == 0
    english = {p.relative_to(target / "en").as_posix() for p in (target / "en").rglob("*.md")}
    welsh = {p.relative_to(target / "cy").as_posix() for p in (target / "cy").rglob("*.md")}
    assert {"index.md", "stages/the-trial.md", "privacy.md", "glossary.md"} <= english
    assert welsh == english  # every language has the same pages
    trial = (target / "cy" / "stages" / "the-trial.md").read_text(encoding="utf-8")
    assert trial.startswith("---\n") and "# Y treial" in trial
    for page in (target / "en").rglob("*.md"):
        folder = page.parent.relative_to(target / "en").as_posix()
        for link in MARKDOWN_LINK.findall(page.read_text(encoding="utf-8")):
            resolved = posixpath.normpath(posixpath.join(folder, link))
            assert (target / "en" / resolved).is_file(), f"{page}: {link}"


def test_export_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "mine.md").write_text("mine", encoding="utf-8")
    assert main(["--root", str(ROOT), "export", str(tmp_path)]) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["mine.md"]
