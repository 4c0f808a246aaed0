"""The one entry point for checking content: load every file, then run every check, for
the English and for each translation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from victim_journey import clock
from victim_journey.checks.docs_pages import docs_problems
from victim_journey.checks.docs_plain_english import hand_written_page_problems
from victim_journey.checks.docs_review import hand_written_review_problems
from victim_journey.checks.plain_english import check_plain_english, long_sentences
from victim_journey.checks.validate import text_problems, validate
from victim_journey.content.interface_text import INTERFACE_FILE, interface_problems
from victim_journey.content.journey import INTERFACE_TEXT_KEY, Journey, load_journey
from victim_journey.content.languages import ALL_LANGUAGES, SOURCE_LANGUAGE, Language
from victim_journey.content.plain_text import sentences
from victim_journey.i18n.docs import DocsTranslation, check_translated_docs
from victim_journey.i18n.translations import Translation, gap_problem, translate_journey
from victim_journey.problems import Problem, Severity, error, has_errors, sort_problems
from victim_journey.publish.urls import registry_problems
from victim_journey.render.environment import RenderedPage
from victim_journey.render.site import render_site

# Warnings that are news for editors (validate, review-report and translation-report show
# them) but no reason to stop a strict build: they depend on the day, or on work a
# translator does later, and stopping the build would only stop urgent fixes. The site
# settings can make translation gaps errors.
INFO_IN_BUILD = frozenset({"review-due", "review-overdue", "bank-holidays-ending",
                           "translation-missing", "translation-stale"})


def stops_a_build(problem: Problem) -> bool:
    """Every error, and every warning but those above: a site is built strictly."""
    return problem.severity is Severity.ERROR or problem.code not in INFO_IN_BUILD


def docs_dir(docs_root: Path, language: Language) -> Path:
    return docs_root / language.code


def hand_written_pages(docs_dir: Path | None) -> set[str]:
    if docs_dir is None or not docs_dir.is_dir():
        return set()
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


@dataclass(frozen=True)
class Edition:
    """The site in one language: its journey and its generated pages. Its hand-written
    pages are those of the English, translated where a translation exists."""

    language: Language
    journey: Journey
    pages: list[RenderedPage]
    translation: Translation | None = None
    docs: DocsTranslation | None = None


@dataclass(frozen=True)
class CheckedContent:
    journey: Journey | None
    problems: list[Problem]
    pages: list[RenderedPage]
    # Every language checked, by code; empty if the English did not load.
    editions: dict[str, Edition] = field(default_factory=dict)


def check_content(content_dir: Path, *, root: Path | None = None,
                  today: dt.date | None = None, docs_dir: Path | None = None,
                  languages: Sequence[Language] = ALL_LANGUAGES,
                  check_english_pages: bool = True) -> CheckedContent:
    """Load, render and validate. The journey is None if it could not be read; problems
    holds every error and warning, sorted by file and line; pages are the generated
    English pages (rendered once here, so validation can check links against them).

    `docs_dir` is the folder of hand-written pages, with a folder per language.
    `check_english_pages=False` is for the build of a translation only: the English is
    loaded and validated, but its pages are neither rendered nor scored for plain English
    (the English build does that), and links are checked against the translation's pages,
    which are the same pages."""
    root = root or content_dir.parent
    journey, problems = load_journey(content_dir, root)
    if journey is None:
        if docs_dir is not None:
            problems += docs_problems(docs_dir, root, languages)
        return CheckedContent(None, sort_problems(problems), [])
    english_docs = hand_written_pages(docs_dir / SOURCE_LANGUAGE.code if docs_dir else None)
    others = [language for language in languages if language is not SOURCE_LANGUAGE
              and language.code in journey.site.languages]
    editions = {SOURCE_LANGUAGE.code: Edition(SOURCE_LANGUAGE, journey, [])}

    def translate() -> None:
        for language in others:
            editions[language.code] = _check_translation(
                journey, language, content_dir, root, docs_dir, english_docs, problems)

    pages: list[RenderedPage] = []
    if check_english_pages:
        pages = _render_if_possible(journey, problems)
        editions[SOURCE_LANGUAGE.code] = Edition(SOURCE_LANGUAGE, journey, pages)
    else:
        translate()  # its pages are the ones links are checked against
    rendered = pages or next((e.pages for e in editions.values() if e.pages), [])
    page_paths = {page.path for page in rendered} | english_docs
    day = clock.today(today)
    problems += validate(journey, today=day, page_paths=page_paths if rendered else None)
    problems += hand_written_review_problems(journey, docs_dir, root, day)
    problems += _interface_problems(journey)
    if check_english_pages:
        problems += check_plain_english(journey, pages, content_dir, root)
        problems += hand_written_page_problems(
            docs_dir / SOURCE_LANGUAGE.code if docs_dir else None, root,
            journey.site.plain_english)
        if pages:  # without the pages, every published URL would look lost
            problems += registry_problems(content_dir, root, journey, page_paths)
        # After validation: a file whose English has errors is not checked in translation.
        translate()
    if docs_dir is not None:
        problems += docs_problems(docs_dir, root, languages)
    return CheckedContent(journey, sort_problems(problems), pages, editions)


def _check_translation(journey: Journey, language: Language, content_dir: Path, root: Path,
                       docs_root: Path | None, hand_written: set[str],
                       problems: list[Problem]) -> Edition:
    """The journey in `language`: its pages, and every problem in its translation."""
    translation = translate_journey(journey, content_dir, root, language,
                                    english_problems=problems)
    problems += translation.problems
    pages = _render_if_possible(translation.journey, problems)
    # Every language has the same pages, so links are checked against this one's.
    page_paths = {page.path for page in pages} | hand_written
    max_words = journey.site.plain_english.max_sentence_words
    for text in translation.texts:
        problems += text_problems(text.loaded, text.path, text.text, text.kind,
                                  page_paths if pages else None)
        if "also_known_as" not in text.path:  # search words are not sentences
            problems += long_sentences(text.loaded, text.path, sentences(text.text),
                                       max_words)
    problems += _interface_problems(translation.journey)
    docs = None
    if docs_root is not None:
        docs = check_translated_docs(docs_root, root, language, SOURCE_LANGUAGE)
        problems += docs.problems
        problems += [gap_problem(gap, journey.site.translations) for gap in docs.gaps]
    return Edition(language, translation.journey, pages, translation, docs)


def theme_text_problems(journey: Journey) -> list[Problem]:
    """Interface text the theme's templates asked for, while MkDocs rendered them, that the
    table lacks or that asks for a value the template did not give."""
    return [p for p in _interface_problems(journey)
            if p.code in ("missing-interface-text", "bad-placeholder")]


def _interface_problems(journey: Journey) -> list[Problem]:
    """Interface text the templates asked for but the table lacks (found while
    rendering), and translations that expect other values than the English."""
    loaded = journey.files.get(INTERFACE_TEXT_KEY)
    if loaded is None or journey.interface_text is None:
        return []
    found = [error(loaded.path, 1, 1, f"the templates need the text '{key}', which is "
                   f"not in {INTERFACE_FILE}; add it", "missing-interface-text")
             for key in sorted(journey.t.missing_keys)]
    for key, name in sorted(journey.t.unfilled):
        line, column = loaded.locate(("text", key, journey.language.code))
        found.append(error(loaded.path, line, column,
                           f"'{key}' asks for {{{name}}}, which the site does not fill in "
                           "there; check the spelling against the English",
                           "bad-placeholder"))
    if journey.language is SOURCE_LANGUAGE:
        found += interface_problems(journey.interface_text, loaded)
    return found


def _render_if_possible(journey: Journey, problems: list[Problem]) -> list[RenderedPage]:
    """Render the pages, so validation can check links against them. When some files
    are missing or did not load, rendering may trip over what is missing: the checks
    report that (a route naming a stage with no file, say), so skip the link check
    rather than crash. Only if no check finds anything wrong is it a fault of ours."""
    try:
        return render_site(journey)
    except Exception as exc:
        if has_errors(problems):
            return []
        found = validate(journey, today=clock.today(), page_paths=None)
        if has_errors(found):
            return []
        raise exc
