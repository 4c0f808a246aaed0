"""Translations of the hand-written pages (docs/en/*.md -> docs/cy/*.md).

A translated page says what it translates in its front matter, as the content files do:

    translation:
      needs_fluent_check: true
      translated_on: 2026-11-29
      english: 3f2a1b9c0d4e     # written by `victim-journey translation-stamp`

A page with no translation yet is published in the translated site as the English page,
marked as English, with a notice (see `fallback_page`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from victim_journey.content.front_matter import front_matter_and_body, split_front_matter
from victim_journey.content.journey import display_path
from victim_journey.content.languages import Language
from victim_journey.content.model import TranslationInfo
from victim_journey.i18n.fields import text_hash
from victim_journey.i18n.translations import TRANSLATION_BLOCK, TranslatedFile, TranslationGap
from victim_journey.problems import Problem, error


def page_hash(english_markdown: str) -> str:
    """The fingerprint of an English page: its text, not its front matter (a new review
    date alone does not make a translation stale)."""
    return text_hash(split_front_matter(english_markdown)[1])


@dataclass
class DocsTranslation:
    gaps: list[TranslationGap]
    problems: list[Problem]
    files: list[TranslatedFile]
    missing_pages: list[str]   # pages (relative to docs/<language>/) with no translation


def check_translated_docs(docs_root: Path, root: Path, language: Language,
                          english: Language) -> DocsTranslation:
    result = DocsTranslation([], [], [], [])
    english_dir, translated_dir = docs_root / english.code, docs_root / language.code
    english_pages = {p.relative_to(english_dir).as_posix()
                     for p in english_dir.rglob("*.md")} if english_dir.is_dir() else set()
    translated_pages = ({p.relative_to(translated_dir).as_posix()
                         for p in translated_dir.rglob("*.md")}
                        if translated_dir.is_dir() else set())
    for page in sorted(translated_pages - english_pages):
        result.problems.append(error(display_path(translated_dir / page, root), 1, 1,
                                     f"there is no English page docs/{english.code}/{page} "
                                     "to translate; check its name", "translation-orphan"))
    for page in sorted(english_pages):
        source = display_path(english_dir / page, root)
        path = translated_dir / page
        shown = display_path(path, root)
        if page not in translated_pages:
            result.missing_pages.append(page)
            result.gaps.append(TranslationGap(
                "missing", shown, "", 1, 1, f"no {language.name} translation of {source} "
                "yet; the page shows the English, with a notice"))
            continue
        front, _ = split_front_matter(_read(path))
        try:
            info = TranslationInfo.model_validate(front.get(TRANSLATION_BLOCK))
        except ValueError:
            result.problems.append(error(
                shown, 1, 1, "the front matter needs a 'translation:' block with "
                "'needs_fluent_check' and 'translated_on'", "missing-field"))
            continue
        result.files.append(TranslatedFile(shown, source, info, 1, 1))
        recorded = info.english.get("page")
        if recorded != page_hash(_read(english_dir / page)):
            result.gaps.append(TranslationGap(
                "stale", shown, "page", 1, 1,
                f"this page was translated from English that has changed since ({source}); "
                f"update it, then run 'victim-journey translation-stamp {shown}'"
                if recorded else
                f"there is no record of the English this page was translated from; check "
                f"it, then run 'victim-journey translation-stamp {shown}'"))
    return result


def _read(path: Path) -> str:
    # A byte that is not UTF-8 is reported by docs_pages.py, at its line: not a crash here.
    return path.read_text(encoding="utf-8", errors="replace")


def fallback_page(english_markdown: str, notice: str) -> str:
    """The English page, for a site in another language: its front matter as it is, its
    text marked as English, and a notice (in the site's language) first."""
    front, body = front_matter_and_body(english_markdown)
    return (f"{front}{not_translated_notice(notice)}"
            f'<div lang="en" markdown="block">\n\n{body}\n\n</div>\n')


def not_translated_notice(text: str) -> str:
    """Said at the top of a translated page that still shows some English (a generated
    page here, a hand-written one in translated_docs.fallback_page)."""
    return f'<p class="vj-not-translated">{escape(text)}</p>\n\n'
