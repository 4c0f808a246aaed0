"""`victim-journey export DIR`: the whole site as plain Markdown, without MkDocs.

The core renders every page to Markdown before any site generator sees it. This writes
those pages, and the hand-written ones, into a folder per language (DIR/en/, DIR/cy/),
so the content can move to another engine, or be read as it is. Links between pages are
relative links to .md files, as MkDocs and most engines expect.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from victim_journey.cli.support import Commands
from victim_journey.content.journey import DOCS_DIR
from victim_journey.content.languages import SOURCE_LANGUAGE
from victim_journey.i18n.docs import fallback_page
from victim_journey.pipeline import check_content, docs_dir
from victim_journey.problems import Severity


def export_site(root: Path, content_dir: Path, target: Path) -> tuple[list[Path], list[str]]:
    """Write every language's pages under target. Returns the files written (relative to
    target) and the problems that stopped it (then nothing is written)."""
    checked = check_content(content_dir, root=root, docs_dir=root / DOCS_DIR)
    errors = [p for p in checked.problems if p.severity is Severity.ERROR]
    if errors or checked.journey is None:
        return [], [p.format_text() for p in errors]
    written: list[Path] = []
    english_docs = docs_dir(root / DOCS_DIR, SOURCE_LANGUAGE)
    for code, edition in checked.editions.items():
        folder = target / code
        pages = {page.path: page.markdown for page in edition.pages}
        own_docs = docs_dir(root / DOCS_DIR, edition.language)
        for source in sorted(own_docs.rglob("*.md")) if own_docs.is_dir() else ():
            pages[source.relative_to(own_docs).as_posix()] = source.read_text("utf-8")
        for missing in edition.docs.missing_pages if edition.docs else ():
            pages[missing] = fallback_page((english_docs / missing).read_text("utf-8"),
                                           edition.journey.t("not-yet-translated"))
        for path, markdown in sorted(pages.items()):
            out = folder / path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(markdown, encoding="utf-8")
            written.append(out.relative_to(target))
    return written, []


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    target = Path(args.folder)
    if target.exists() and any(target.iterdir()):
        print(f"error: {target} is not empty: choose a new folder", file=sys.stderr)
        return 1
    written, errors = export_site(root, root / args.content, target)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print("export stopped before writing anything: the content has errors",
              file=sys.stderr)
        if target.exists() and not any(target.iterdir()):
            shutil.rmtree(target)
        return 1
    print(f"exported {len(written)} Markdown pages to {target}", file=sys.stderr)
    return 0


def add_command(commands: Commands) -> None:
    export = commands.add_parser("export", help="write every page as plain Markdown, "
                                                "without MkDocs")
    export.add_argument("folder", help="the folder to create (it must be empty or missing)")
    export.set_defaults(func=run)



