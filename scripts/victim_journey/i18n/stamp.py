"""`victim-journey translation-stamp`: record which English a translation was made from.

After checking a translation against the current English, an editor stamps it. The
stamp is a short hash of the English of every translated field, written into the file's
`translation: english:` block; when the English changes later, its hash no longer matches
and the field is reported stale. Only that block is rewritten: the rest of the file,
comments included, stays as the editor wrote it.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from victim_journey.content.front_matter import front_matter_and_body, split_front_matter
from victim_journey.content.journey import DOCS_DIR, Journey, display_path
from victim_journey.content.languages import ALL_LANGUAGES, SOURCE_LANGUAGE
from victim_journey.content.loader import load_yaml
from victim_journey.i18n.docs import page_hash
from victim_journey.i18n.fields import translatable_fields
from victim_journey.i18n.translations import TRANSLATION_BLOCK, value_at


class StampError(Exception):
    pass


def stamp(path: Path, journey: Journey, content_dir: Path, root: Path) -> int:
    """Stamp one translation file (content YAML or a docs page). Returns how many
    fields it recorded."""
    path = path.resolve()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        hashes = _page_hashes(path, root)
        front, body = front_matter_and_body(text)
        if not split_front_matter(text)[0]:
            raise StampError("the page has no front matter with a 'translation:' block")
        return _write(path, _replace_block(front, hashes) + body, hashes)
    hashes = _content_hashes(path, journey, content_dir, root)
    return _write(path, _replace_block(text, hashes), hashes)


def _write(path: Path, text: str, hashes: dict[str, str]) -> int:
    path.write_text(text, encoding="utf-8")
    return len(hashes)


def _content_hashes(path: Path, journey: Journey, content_dir: Path, root: Path
                    ) -> dict[str, str]:
    for language in ALL_LANGUAGES:
        folder = (content_dir / language.code).resolve()
        if language is SOURCE_LANGUAGE or not path.is_relative_to(folder):
            continue
        file_key = path.relative_to(folder).with_suffix("").as_posix()
        items = dict(journey.items())
        if file_key not in items:
            raise StampError(f"{display_path(path, root)}: there is no English file "
                             f"'{file_key}.yml' to translate")
        loaded, problems = load_yaml(path, display_path(path, root))
        if loaded is None:
            raise StampError("\n".join(p.format_text() for p in problems))
        return {f.name: f.english_hash() for f in translatable_fields(items[file_key])
                if value_at(loaded.data, f.path) not in (None, "", [])}
    raise StampError(f"{display_path(path, root)} is not in a translation folder such as "
                     f"{display_path(content_dir / 'cy', root)}/")


def _page_hashes(path: Path, root: Path) -> dict[str, str]:
    docs_root = (root / DOCS_DIR).resolve()
    language_dir = path.relative_to(docs_root).parts[0] if path.is_relative_to(docs_root) \
        else None
    if language_dir in (None, SOURCE_LANGUAGE.code):
        raise StampError(f"{display_path(path, root)} is not a translated page in "
                         f"{DOCS_DIR}/<language>/")
    english = docs_root / SOURCE_LANGUAGE.code / path.relative_to(docs_root / language_dir)
    if not english.is_file():
        raise StampError(f"{display_path(path, root)}: there is no English page "
                         f"{display_path(english, root)}")
    return {"page": page_hash(english.read_text(encoding="utf-8"))}


_TOP_LEVEL_KEY = re.compile(r"^[^\s#-][^:]*:")


def _replace_block(text: str, hashes: dict[str, str]) -> str:
    """Rewrite the `english:` part of the top-level `translation:` block."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines)
                  if line.startswith(f"{TRANSLATION_BLOCK}:")), None)
    if start is None:
        raise StampError("there is no 'translation:' block to stamp; add one with "
                         "'needs_fluent_check' and 'translated_on'")
    end = next((i for i in range(start + 1, len(lines))
                if _TOP_LEVEL_KEY.match(lines[i]) or lines[i].startswith("---")), len(lines))
    block = yaml.safe_load("\n".join(lines[start:end])) or {}
    info = dict(block.get(TRANSLATION_BLOCK) or {})
    info["english"] = dict(sorted(hashes.items()))
    new_block = yaml.safe_dump({TRANSLATION_BLOCK: info}, sort_keys=False,
                               allow_unicode=True, width=100).rstrip("\n").split("\n")
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # keep the blank lines that separate the block from what follows
    return "\n".join([*lines[:start], *new_block, *lines[end:]])
