"""Synthetic projects for the benchmark: a copy of the project with local services
added, and plain Material for MkDocs set up to build the very same Markdown pages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from victim_journey.cli.bench.local_branches import local_branches
from victim_journey.content.languages import LANGUAGES, SOURCE_LANGUAGE
from victim_journey.i18n.fields import text_hash
from victim_journey.pipeline import check_content

PROJECT_PARTS = ("journey", "docs", "mkdocs.yml", "mkdocs.cy.yml")


def make_project(source: Path, dest: Path, extra_services: int) -> Path:
    """A copy of the project with `extra_services` local services added: local branches
    of 10 charities, each with its own name and area (local_branches.py). Each helps at
    two stages, cycling through them, so every stage's page and the services directory
    grow as services are added, as they would in a real deployment."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy(src, dest / part)
    stage_ids = sorted(p.stem for p in (dest / "journey" / "stages").glob("*.yml"))
    template = yaml.safe_load(next((dest / "journey" / "services").glob("*.yml")).read_text())
    for branch in local_branches(extra_services, stage_ids, owner=template["owner"],
                                 last_reviewed=template["last_reviewed"]):
        path = dest / "journey" / "services" / branch.file_name
        path.write_text(yaml.safe_dump(branch.data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
        _add_translations(dest, path.name, branch.data, template["last_reviewed"])
    return dest


def _add_translations(project: Path, name: str, service: dict[str, Any],
                      translated_on: object) -> None:
    """A translation of a synthetic service in each other language, stamped against its
    English, as a real deployment's would be (the text is a stand-in of the same length)."""
    fields = ("name", "summary", "what_they_do", "who_they_help", "area", "provider",
              "also_known_as")
    for language in LANGUAGES.values():
        if language is SOURCE_LANGUAGE:
            continue
        english = {field: tuple(value) if isinstance(value, list) else str(value)
                   for field in fields if (value := service.get(field))}
        translation: dict[str, object] = {"translation": {
            "needs_fluent_check": True, "translated_on": translated_on,
            "english": {field: text_hash(text) for field, text in english.items()}}}
        translation |= {field: [f"({language.code}) {word}" for word in text]
                        if isinstance(text, tuple) else f"({language.code}) {text}"
                        for field, text in english.items()}
        path = project / "journey" / language.code / "services" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(translation, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")


def make_plain_material_project(rendered: Path, dest: Path) -> Path:
    """Plain Material building the very same Markdown pages, with a small nav, and none
    of our plugin, templates or checks: the baseline for the ratio."""
    shutil.copytree(rendered, dest / "docs")
    top_level = sorted(p.relative_to(dest / "docs").as_posix()
                       for p in (dest / "docs").glob("*.md"))
    config = {
        "site_name": "Plain Material baseline",
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
        "markdown_extensions": ["md_in_html", "toc"],
        "nav": top_level,
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return dest


def dump_rendered_pages(project: Path, dest: Path) -> int:
    """Every page of every language as Markdown, each language under its prefix (the
    Welsh under cy/), with the hand-written pages: what the baseline builds."""
    checked = check_content(project / "journey", root=project, docs_dir=project / "docs")
    count = 0
    for code, edition in checked.editions.items():
        prefix = LANGUAGES[code].prefix
        for page in edition.pages:
            target = dest / prefix / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        hand_written = project / "docs" / code
        for doc in hand_written.rglob("*.md"):
            target = dest / prefix / doc.relative_to(hand_written)
            target.parent.mkdir(parents=True, exist_ok=True)
            # Hand-written pages may use front matter the baseline does not understand;
            # their text is what matters for the comparison.
            shutil.copy(doc, target)
        count += len(edition.pages)
    return count
