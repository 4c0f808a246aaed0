"""`victim-journey translation-report` and `translation-stamp`: the translation commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from victim_journey.cli.support import Commands, load_for_command
from victim_journey.content.journey import DOCS_DIR, Journey
from victim_journey.content.languages import ALL_LANGUAGES, SOURCE_LANGUAGE
from victim_journey.i18n.docs import check_translated_docs
from victim_journey.i18n.stamp import StampError, stamp
from victim_journey.i18n.translations import TranslatedFile, TranslationGap, translate_journey
from victim_journey.pipeline import CheckedContent, check_content
from victim_journey.problems import Severity


def _from_translations(checked: CheckedContent, attribute: str) -> list[Any]:
    """`gaps` or `files` of every translation checked: content files and docs pages."""
    found: list[Any] = []
    for edition in checked.editions.values():
        for part in (edition.translation, edition.docs):
            if part is not None:
                found += getattr(part, attribute)
    return found


def translation_gaps(checked: CheckedContent) -> list[TranslationGap]:
    return sorted(_from_translations(checked, "gaps"),
                  key=lambda g: (g.kind, g.path, g.line, g.field))


def translated_files(checked: CheckedContent) -> list[TranslatedFile]:
    return sorted(_from_translations(checked, "files"), key=lambda f: f.path)


def unchecked_translations(journey: Journey, content_dir: Path, root: Path
                           ) -> list[TranslatedFile]:
    """Every translation still waiting for a fluent speaker's check, in every language:
    for review-report, which does not need the pages rendered."""
    files: list[TranslatedFile] = []
    for language in ALL_LANGUAGES:
        if language is not SOURCE_LANGUAGE:
            files += translate_journey(journey, content_dir, root, language).files
            files += check_translated_docs(root / DOCS_DIR, root, language,
                                           SOURCE_LANGUAGE).files
    return sorted((f for f in files if f.info.needs_fluent_check), key=lambda f: f.path)


def write_report(checked: CheckedContent, out: TextIO) -> int:
    """Print every missing and stale translation, per file and field, and the files that
    still need a fluent speaker's check. Returns how many gaps there are."""
    gaps = translation_gaps(checked)
    for kind, heading in (("missing", "Missing translations"),
                          ("stale", "Stale translations (the English changed since)")):
        listed = [g for g in gaps if g.kind == kind]
        print(f"{heading}: {len(listed)}", file=out)
        for gap in listed:
            print(f"  {gap.path}:{gap.line}:{gap.column}  {gap.field or '(whole file)'}",
                  file=out)
    unchecked = [f for f in translated_files(checked) if f.info.needs_fluent_check]
    print(f"Translations that need a check by a fluent speaker: {len(unchecked)}", file=out)
    for item in unchecked:
        print(f"  {item.path}  (translated {item.info.translated_on.isoformat()}, from "
              f"{item.english_path})", file=out)
    return len(gaps)


def run_report(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    checked = check_content(root / args.content, root=root, docs_dir=root / DOCS_DIR,
                            check_english_pages=False)
    if checked.journey is None:
        for problem in checked.problems:
            print(problem.format_text(), file=sys.stderr)
        return 1
    gaps = write_report(checked, sys.stdout)
    errors = [p for p in checked.problems
              if p.code.startswith("translation-") and p.severity is Severity.ERROR]
    return 1 if errors or (args.strict and gaps) else 0


def run_stamp(args: argparse.Namespace) -> int:
    root, journey = load_for_command(args)
    if journey is None:
        return 1
    failed = 0
    for name in args.files:
        try:
            count = stamp(Path(name), journey, root / args.content, root)
        except StampError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(f"stamped {name}: {count} field{'s' * (count != 1)}", file=sys.stderr)
    return 1 if failed else 0


def add_command(commands: Commands) -> None:
    report = commands.add_parser(
        "translation-report",
        help="list missing and stale translations, per file and field")
    report.add_argument("--strict", action="store_true",
                        help="exit 1 if any translation is missing or stale")
    report.set_defaults(func=run_report)
    stamp_command = commands.add_parser(
        "translation-stamp",
        help="record that translation files match the current English (run it after "
             "checking or updating a translation)")
    stamp_command.add_argument("files", nargs="+", metavar="FILE",
                               help="files under journey/cy/ or docs/cy/")
    stamp_command.set_defaults(func=run_stamp)
