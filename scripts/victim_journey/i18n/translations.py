"""Read the translations in journey/<language>/ and make the translated journey.

Each English content file may have a counterpart at the same path under journey/cy/,
holding only its text fields (see translation_fields.py). The translated journey is the
English one with those fields swapped in, so its structure cannot drift from the English.
A field with no translation keeps its English as a `Fallback`, which the pages mark as
English. Each translation records a hash of the English it was made from
(`translation.english`, written by `victim-journey translation-stamp`), so a later change
to the English shows the translation is stale.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from victim_journey.content.errors import parse_model
from victim_journey.content.journey import (
    BANK_HOLIDAYS_KEY,
    GLOSSARY_KEY,
    INTERFACE_TEXT_KEY,
    QUESTIONS_KEY,
    RIGHTS_KEY,
    SERVICES_DIR,
    SITE_KEY,
    SITUATIONS_DIR,
    STAGES_DIR,
    Journey,
    display_path,
    display_path_unresolved,
    service_key,
    stage_key,
    stray_file_problems,
)
from victim_journey.content.languages import EnglishText, Fallback, Language
from victim_journey.content.loader import KeyPath, LoadedFile, load_yaml
from victim_journey.content.model import PLAIN, TextKind, TranslationInfo, TranslationSettings
from victim_journey.content.project_files import item_file_name_problem, outside_project_problem
from victim_journey.content.text_fields import iter_text_fields
from victim_journey.i18n.fields import UNTRANSLATED_FIELDS, TextField, translatable_fields
from victim_journey.problems import Problem, Severity, error

TRANSLATION_BLOCK = "translation"
GapKind = Literal["missing", "stale"]


@dataclass(frozen=True)
class TranslationGap:
    """A field (or a whole file) whose translation is missing or out of date."""

    kind: GapKind
    path: str        # the translation file, as editors see it
    field: str       # the field's name in that file; "" for the whole file
    line: int
    column: int
    detail: str


@dataclass(frozen=True)
class TranslatedFile:
    """A translation file that loaded, with its `translation:` block."""

    path: str
    english_path: str
    info: TranslationInfo
    line: int
    column: int


@dataclass(frozen=True)
class TranslatedText:
    """A translated text value and where it is, for the text checks (markup, links)."""

    loaded: LoadedFile
    path: KeyPath
    text: str
    kind: TextKind


@dataclass
class Translation:
    language: Language
    journey: Journey
    problems: list[Problem] = field(default_factory=list)
    gaps: list[TranslationGap] = field(default_factory=list)
    files: list[TranslatedFile] = field(default_factory=list)
    texts: list[TranslatedText] = field(default_factory=list)


def translation_dir(content_dir: Path, language: Language) -> Path:
    return content_dir / language.code


def translate_journey(journey: Journey, content_dir: Path, root: Path,
                      language: Language, *, english_problems: Sequence[Problem] = ()
                      ) -> Translation:
    """The journey in `language`, with every problem in its translation files and every
    missing or stale field. A file whose English has errors is not checked: its
    translation is shown as English until the English is fixed."""
    folder = translation_dir(content_dir, language)
    result = Translation(language, journey)
    translated: dict[str, BaseModel] = {}
    broken = {p.path for p in english_problems if p.severity is Severity.ERROR}
    for file_key, item in journey.items():
        english = journey.files[file_key].path
        if getattr(item, "draft", False) or english in broken:
            # Drafts are not published, so there is nothing to translate yet.
            translated[file_key] = _translated(item, {f.english_path: _fallback(f)
                                                 for f in translatable_fields(item)})
            continue
        path = folder / f"{file_key}.yml"
        translated[file_key] = _translate_file(item, path, english, root, result)
    _report_orphans(content_dir, folder, root, result)
    _interface_gaps(journey, language, result)
    result.journey = replace(
        journey,
        site=translated[SITE_KEY], rights=translated[RIGHTS_KEY], glossary=translated[GLOSSARY_KEY],
        stages={sid: translated.get(stage_key(sid), s) for sid, s in journey.stages.items()},
        services={sid: translated[service_key(sid)] for sid in journey.services},
        questions=translated.get(QUESTIONS_KEY, journey.questions),
        bank_holidays=translated.get(BANK_HOLIDAYS_KEY, journey.bank_holidays),
        situations={sid: translated[f"{SITUATIONS_DIR}/{sid}"] for sid in journey.situations},
        language=language)
    result.problems += [gap_problem(gap, journey.site.translations) for gap in result.gaps]
    return result


def gap_problem(gap: TranslationGap, settings: TranslationSettings) -> Problem:
    """A missing or stale translation, as a warning or an error as the site settings say."""
    return Problem(gap.path, gap.line, gap.column, Severity(getattr(settings, gap.kind)),
                   gap.detail, f"translation-{gap.kind}")


def _translate_file(item: BaseModel, path: Path, english: str, root: Path,
                    result: Translation) -> Any:
    fields = translatable_fields(item)
    shown = display_path(path, root)
    if not path.is_file():
        if fields:
            result.gaps.append(TranslationGap(
                "missing", shown, "", 1, 1,
                f"no {result.language.name} translation of {english} yet; its pages show "
                "the English, with a notice"))
        return _translated(item, {f.english_path: _fallback(f) for f in fields})
    outside = outside_project_problem(path, root, display_path_unresolved(path, root))
    loaded, problems = (None, [outside]) if outside else load_yaml(path, shown)
    result.problems.extend(problems)
    if loaded is None:
        return _translated(item, {f.english_path: _fallback(f) for f in fields})
    info = _read_info(loaded, result)
    data = {k: v for k, v in loaded.data.items() if k != TRANSLATION_BLOCK}
    by_path = {f.path: f for f in fields}
    _report_unknown_keys(loaded, data, by_path, english, result)
    replacements: dict[KeyPath, Any] = {}
    for text_field in fields:
        value = value_at(data, text_field.path)
        welsh = _checked_value(loaded, text_field, value, result)
        if welsh is None:
            replacements[text_field.english_path] = _fallback(text_field)
            line, column = loaded.locate(text_field.path, prefer_key=True)
            result.gaps.append(TranslationGap(
                "missing", shown, text_field.name, line, column,
                f"'{text_field.name}' has no {result.language.name} translation yet; "
                "its page shows the English"))
            continue
        replacements[text_field.english_path] = welsh
        if info is not None and info.english:
            _check_stale(loaded, text_field, info, result)
    if info is not None and not info.english and replacements:
        line, column = loaded.locate((TRANSLATION_BLOCK,), prefer_key=True)
        result.gaps.append(TranslationGap(
            "stale", shown, "", line, column,
            "this translation has no record of the English it was made from; check it "
            f"against {english}, then run 'victim-journey translation-stamp {shown}'"))
    if info is not None:
        line, column = loaded.locate((TRANSLATION_BLOCK,), prefer_key=True)
        result.files.append(TranslatedFile(shown, english, info, line, column))
    return _translated(item, replacements)


def _translated(item: BaseModel, replacements: dict[KeyPath, Any]) -> Any:
    """`item` with its translated text, and the text that stays English (the titles of
    sources, which name documents in English) marked as English."""
    english_only = {path: EnglishText(text) for path, text, _ in iter_text_fields(item)
                    if UNTRANSLATED_FIELDS.intersection(p for p in path if isinstance(p, str))
                    and path[-1] == "title"}
    return _apply(item, {**english_only, **replacements})


def _fallback(text_field: TextField) -> Any:
    english = text_field.english
    return list(english) if isinstance(english, tuple) else Fallback(english)


def _read_info(loaded: LoadedFile, result: Translation) -> TranslationInfo | None:
    block = loaded.data.get(TRANSLATION_BLOCK)
    if block is None:
        result.problems.append(error(
            loaded.path, 1, 1, "a translation needs a 'translation:' block with "
            "'needs_fluent_check' and 'translated_on'", "missing-field"))
        return None
    prefix = (TRANSLATION_BLOCK,)
    view = LoadedFile(
        loaded.path, block,
        value_locations={k[1:]: v for k, v in loaded.value_locations.items()
                         if k[:1] == prefix},
        key_locations={k[1:]: v for k, v in loaded.key_locations.items() if k[:1] == prefix})
    if not view.value_locations.get(()):
        view.value_locations[()] = loaded.locate(prefix)
    info, problems = parse_model(view, TranslationInfo)
    result.problems.extend(problems)
    return info


def value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        found = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data))
        if not found:
            return None
        data = data[part]
    return data


def _checked_value(loaded: LoadedFile, text_field: TextField, value: Any,
                   result: Translation) -> Any:
    """The translated value, or None if there is none. A value of the wrong shape is an
    error (and is treated as missing)."""
    if value is None or value == "" or value == []:
        return None
    where = loaded.locate(text_field.path)
    if isinstance(text_field.english, tuple):
        if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
            result.problems.append(error(loaded.path, *where,
                                         f"'{text_field.name}' must be a list of words",
                                         "bad-value"))
            return None
        for index, word in enumerate(value):
            result.texts.append(TranslatedText(loaded, (*text_field.path, index), word, PLAIN))
        return list(value)
    if not isinstance(value, str):
        result.problems.append(error(loaded.path, *where,
                                     f"'{text_field.name}' must be text, like the English",
                                     "bad-value"))
        return None
    if text_field.kind is PLAIN and "\n" in value.strip():
        result.problems.append(error(loaded.path, *where,
                                     f"'{text_field.name}' must be a single line, like the "
                                     "English", "bad-value"))
        return None
    result.texts.append(TranslatedText(loaded, text_field.path, value, text_field.kind))
    return value.strip() if text_field.kind is PLAIN else value


def _check_stale(loaded: LoadedFile, text_field: TextField, info: TranslationInfo,
                 result: Translation) -> None:
    recorded = info.english.get(text_field.name)
    if recorded == text_field.english_hash():
        return
    line, column = loaded.locate(text_field.path, prefer_key=True)
    detail = (f"'{text_field.name}' was translated from English that has changed since; "
              "update the translation, then run 'victim-journey translation-stamp "
              f"{loaded.path}'" if recorded else
              f"'{text_field.name}' is new since the translation was stamped; check it, "
              f"then run 'victim-journey translation-stamp {loaded.path}'")
    result.gaps.append(TranslationGap("stale", loaded.path, text_field.name, line, column,
                                      detail))


def _leaf_paths(data: Any, path: KeyPath, whole_lists: set[KeyPath]) -> Iterator[KeyPath]:
    """Every value's path in the translation file. A whole-list field is one value."""
    if path in whole_lists:
        yield path
    elif isinstance(data, dict):
        for key, inner in data.items():
            yield from _leaf_paths(inner, (*path, key), whole_lists)
    elif isinstance(data, list):
        for index, inner in enumerate(data):
            yield from _leaf_paths(inner, (*path, index), whole_lists)
    else:
        yield path


def _report_unknown_keys(loaded: LoadedFile, data: dict[str, Any],
                         by_path: dict[KeyPath, TextField], english: str,
                         result: Translation) -> None:
    whole_lists = {path for path, f in by_path.items() if isinstance(f.english, tuple)}
    for path in _leaf_paths(data, (), whole_lists):
        if path in by_path:
            continue
        name = ".".join(str(part) for part in path)
        line, column = loaded.locate(path, prefer_key=True)
        result.problems.append(error(loaded.path, line, column,
                                     _unknown_key_message(name, path, by_path, english),
                                     "unknown-key"))


def _unknown_key_message(name: str, path: KeyPath, by_path: dict[KeyPath, TextField],
                         english: str) -> str:
    for index, part in enumerate(path):
        if isinstance(part, int):
            in_english = {p[index] for p in by_path if p[:index] == path[:index]
                          and len(p) > index}
            if in_english and part not in in_english:
                list_name = ".".join(str(p) for p in path[:index])
                return (f"'{name}': the English '{list_name}' in {english} has "
                        f"{len(in_english)} item{'s' * (len(in_english) != 1)}; a "
                        "translation has the same items, in the same order")
    return (f"'{name}' is not a text field of {english}; a translation holds only the "
            "English file's text, and takes everything else from it")


def _apply(item: Any, replacements: dict[KeyPath, Any], path: KeyPath = ()) -> Any:
    """`item` with the values at the given paths replaced. model_copy keeps the values as
    given (a Fallback stays a Fallback); they were checked when read."""
    if path in replacements:
        return replacements[path]
    if isinstance(item, BaseModel):
        updates = {}
        for name in type(item).model_fields:
            value = getattr(item, name)
            new = _apply(value, replacements, (*path, name))
            if new is not value:
                updates[name] = new
        return item.model_copy(update=updates) if updates else item
    if isinstance(item, list):
        new_list = [_apply(v, replacements, (*path, i)) for i, v in enumerate(item)]
        return new_list if any(a is not b for a, b in zip(new_list, item, strict=True)) \
            else item
    return item


def _report_orphans(content_dir: Path, folder: Path, root: Path,
                    result: Translation) -> None:
    """A translation whose English file does not exist: misnamed, or left behind when
    the English was renamed or removed."""
    if not folder.is_dir():
        return
    result.problems += stray_file_problems(folder, root)
    for subfolder in (STAGES_DIR, SERVICES_DIR):
        for path in sorted((folder / subfolder).glob("*")):
            problem = None if path.name.startswith(".") else item_file_name_problem(
                path, display_path_unresolved(path, root))
            # Names the orphan check below reads are reported there.
            if problem is not None and not fnmatch.fnmatchcase(path.name, "*.y*ml"):
                result.problems.append(problem)
    for path in sorted(folder.rglob("*.y*ml")):
        english = content_dir / path.relative_to(folder)
        if not english.is_file() or path.suffix != ".yml":
            result.problems.append(error(
                display_path(path, root), 1, 1,
                f"this translation has no English file {display_path(english, root)} to "
                "translate; check its name and folder", "translation-orphan"))


def _interface_gaps(journey: Journey, language: Language, result: Translation) -> None:
    table = journey.interface_text
    loaded = journey.files.get(INTERFACE_TEXT_KEY)
    if table is None or loaded is None:
        return
    line, column = loaded.locate(("needs_fluent_check",), prefer_key=True)
    result.files.append(TranslatedFile(
        loaded.path, loaded.path, TranslationInfo(needs_fluent_check=table.needs_fluent_check,
                                                  translated_on=table.last_reviewed),
        line, column))
    for key, entry in table.text.items():
        if getattr(entry, language.code, None) is None:
            line, column = loaded.locate(("text", key), prefer_key=True)
            result.gaps.append(TranslationGap(
                "missing", loaded.path, f"text.{key}.{language.code}", line, column,
                f"'{key}' has no {language.name} text yet; add '{language.code}:'"))
