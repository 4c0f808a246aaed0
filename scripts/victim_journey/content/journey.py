"""Read the whole content tree (journey/) into one validated Journey, or every problem."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from victim_journey.content.errors import did_you_mean, parse_model
from victim_journey.content.interface_text import INTERFACE_FILE, Interface
from victim_journey.content.languages import ENGLISH, Language
from victim_journey.content.loader import KeyPath, LoadedFile, load_yaml
from victim_journey.content.model import (
    BankHolidaysFile,
    GlossaryFile,
    InterfaceTextFile,
    QuestionsFile,
    Reviewed,
    Right,
    RightsFile,
    Service,
    SiteSettings,
    Situation,
    Stage,
    Term,
)
from victim_journey.content.project_files import (
    item_file_name_problem,
    near_miss_problem,
    outside_project_problem,
)
from victim_journey.problems import Problem, error

SITE_FILE = "site.yml"
RIGHTS_FILE = "rights.yml"
GLOSSARY_FILE = "glossary.yml"
STAGES_DIR = "stages"
SERVICES_DIR = "services"
SITUATIONS_DIR = "situations"
# Optional files: without them the site has no "Where am I?" questions, and no stage may
# ask for a working-day deadline helper.
QUESTIONS_FILE = "where-am-i.yml"
BANK_HOLIDAYS_FILE = "bank-holidays.yml"
DOCS_DIR = "docs"  # hand-written pages, one folder per language: docs/en, docs/cy

# File keys: how Journey.files names each loaded file (its path under journey/, without
# '.yml'). Checks use them to point at file:line:col.
SITE_KEY = "site"
RIGHTS_KEY = "rights"
GLOSSARY_KEY = "glossary"
QUESTIONS_KEY = "where-am-i"
BANK_HOLIDAYS_KEY = "bank-holidays"
INTERFACE_TEXT_KEY = "interface-text"


def stage_key(stage_id: str) -> str:
    return f"{STAGES_DIR}/{stage_id}"


def service_key(service_id: str) -> str:
    return f"{SERVICES_DIR}/{service_id}"


def situation_key(situation_id: str) -> str:
    return f"{SITUATIONS_DIR}/{situation_id}"


@dataclass(frozen=True)
class Journey:
    """All the content, validated, with where each item came from."""

    site: SiteSettings
    stages: dict[str, Stage]
    services: dict[str, Service]
    rights: RightsFile
    glossary: GlossaryFile
    # The loaded YAML behind each item, so later checks can point at file:line:col.
    files: dict[str, LoadedFile] = field(default_factory=dict)
    # Items whose file exists but did not load: references to them are not reported as
    # unknown, since the real problem is already reported in their own file.
    unloaded_stage_ids: frozenset[str] = frozenset()
    unloaded_service_ids: frozenset[str] = frozenset()
    questions: QuestionsFile | None = None
    bank_holidays: BankHolidaysFile | None = None
    interface_text: InterfaceTextFile | None = None
    # The language the text is in. A translated journey (translations.py) has the same
    # structure as the English one, with its text fields translated.
    language: Language = ENGLISH
    # What happened to the reader: a second way into the same route (situations.py).
    situations: dict[str, Situation] = field(default_factory=dict)
    unloaded_situation_ids: frozenset[str] = frozenset()

    @cached_property
    def t(self) -> Interface:
        """The site's own text (headings, labels) in this journey's language."""
        assert self.interface_text is not None, "the journey has no interface-text.yml"
        return Interface(self.interface_text, self.language)

    # --- derived views: computed here once so every page agrees -----------------------
    def route_stage_ids(self) -> list[str]:
        """Every stage in reading order: the route's steps, then those running throughout."""
        ordered = [sid for step in self.site.route for sid in step.stages]
        return ordered + [sid for sid in self.site.throughout if sid not in ordered]

    def start_stage_id(self) -> str:
        return self.site.route[0].stages[0]

    def step_numbers(self) -> dict[str, int]:
        """The number of the route step each stage belongs to ("Step 3 of 5")."""
        return {sid: number for number, step in enumerate(self.site.route, start=1)
                for sid in step.stages}

    def rights_for_stage(self, stage_id: str) -> list[Right]:
        return [r for r in self.rights.rights if stage_id in r.stages]

    def services_for_stage(self, stage_id: str) -> list[tuple[str, Service]]:
        """(id, service) for each service that helps at a stage, in id order."""
        return [(sid, s) for sid, s in self.services.items() if stage_id in s.stages]

    def stages_for_service(self, service: Service) -> list[str]:
        """The ids of the stages a service helps at, in reading order."""
        return [sid for sid in self.route_stage_ids() if sid in service.stages]

    def term_by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.glossary.terms}

    def oldest_review(self) -> dt.date:
        """The stalest review date of all: a page built from every file is only as fresh
        as its stalest part."""
        return min(item.last_reviewed for _, item in self.reviewed_items())

    def items(self) -> Iterator[tuple[str, BaseModel]]:
        """(file key, model) for every content file but the interface text table, whose
        text has checks of its own: the one walk over the content that checks use."""
        yield SITE_KEY, self.site
        yield RIGHTS_KEY, self.rights
        yield GLOSSARY_KEY, self.glossary
        for sid, stage in self.stages.items():
            yield stage_key(sid), stage
        for sid, service in self.services.items():
            yield service_key(sid), service
        for sid, situation in self.situations.items():
            yield situation_key(sid), situation
        if self.questions is not None:
            yield QUESTIONS_KEY, self.questions
        if self.bank_holidays is not None:
            yield BANK_HOLIDAYS_KEY, self.bank_holidays

    def reviewed_items(self) -> Iterator[tuple[str, Reviewed]]:
        """(file key, item) for everything that carries review metadata."""
        items = [*self.items(), (INTERFACE_TEXT_KEY, self.interface_text)]
        return ((key, item) for key, item in items if isinstance(item, Reviewed))


def display_path_unresolved(path: Path, root: Path) -> str:
    """The path as the editor sees it in the project, without following a symbolic link
    (which may lead outside the project)."""
    try:
        return path.absolute().relative_to(_resolved(root)).as_posix()
    except ValueError:
        return display_path(path, root)


def display_path(path: Path, root: Path) -> str:
    """The path an editor recognises: relative to the project root when possible."""
    try:
        return path.resolve().relative_to(_resolved(root)).as_posix()
    except ValueError:
        return path.as_posix()


@lru_cache(maxsize=16)  # one root for thousands of files: resolve it once
def _resolved(root: Path) -> Path:
    return root.resolve()


M = TypeVar("M", bound=BaseModel)


def _load_one(path: Path, root: Path, model: type[M],
              problems: list[Problem]) -> tuple[M | None, LoadedFile | None]:
    outside = outside_project_problem(path, root, display_path_unresolved(path, root))
    if outside is not None:
        problems.append(outside)
        return None, None
    loaded, load_problems = load_yaml(path, display_path(path, root))
    problems.extend(load_problems)
    if loaded is None:
        return None, None
    item, model_problems = parse_model(loaded, model)
    problems.extend(model_problems)
    return item, loaded


def _item_files(folder: Path, root: Path, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):  # hidden files: .gitkeep, an editor's swap file
            continue
        problem = item_file_name_problem(path, display_path_unresolved(path, root))
        if problem is None:
            found.append(path)
        else:
            problems.append(problem)
    return found


def stray_file_problems(folder: Path, root: Path) -> list[Problem]:
    """Files beside the content files whose names look like content that would never be
    read (`site.YML`, `rights.yml.bak`), or that Windows cannot check out."""
    if not folder.is_dir():
        return []
    return [problem for path in sorted(folder.iterdir()) if path.is_file()
            and (problem := near_miss_problem(path, display_path_unresolved(path, root)))]


def load_journey(content_dir: Path, root: Path | None = None
                 ) -> tuple[Journey | None, list[Problem]]:
    """Load every file under content_dir. Returns the Journey only if every file loaded;
    the problems list holds everything wrong in any file, not just the first."""
    root = root or content_dir.parent
    problems: list[Problem] = []
    files: dict[str, LoadedFile] = {}

    def single(name: str, model: type[BaseModel], key: str, required: bool = True
               ) -> BaseModel | None:
        path = content_dir / name
        if not path.is_file():
            if not required:
                return None
            problems.append(error(display_path(path, root), 1, 1,
                                  f"missing file: the content needs '{name}'", "missing-file"))
            return None
        item, loaded = _load_one(path, root, model, problems)
        if loaded is not None:
            files[key] = loaded
        return item

    site = single(SITE_FILE, SiteSettings, SITE_KEY)
    rights = single(RIGHTS_FILE, RightsFile, RIGHTS_KEY)
    glossary = single(GLOSSARY_FILE, GlossaryFile, GLOSSARY_KEY)
    questions = single(QUESTIONS_FILE, QuestionsFile, QUESTIONS_KEY, required=False)
    bank_holidays = single(BANK_HOLIDAYS_FILE, BankHolidaysFile, BANK_HOLIDAYS_KEY,
                           required=False)
    interface_text = single(INTERFACE_FILE, InterfaceTextFile, INTERFACE_TEXT_KEY)

    def many(folder: str, model: type[BaseModel]) -> tuple[dict[str, BaseModel], set[str]]:
        items, unloaded = {}, set()
        for path in _item_files(content_dir / folder, root, problems):
            item, loaded = _load_one(path, root, model, problems)
            if loaded is not None:
                files[f"{folder}/{path.stem}"] = loaded
            if item is None:
                unloaded.add(path.stem)
            else:
                items[path.stem] = item
        return items, unloaded

    problems.extend(stray_file_problems(content_dir, root))
    stages, unloaded_stages = many(STAGES_DIR, Stage)
    services, unloaded_services = many(SERVICES_DIR, Service)
    situations, unloaded_situations = many(SITUATIONS_DIR, Situation)
    if site is None or rights is None or glossary is None or interface_text is None:
        return None, problems
    assert isinstance(site, SiteSettings)
    assert isinstance(rights, RightsFile)
    assert isinstance(glossary, GlossaryFile)
    journey = Journey(site=site, stages=stages, services=services,  # type: ignore[arg-type]
                      rights=rights, glossary=glossary, files=files,
                      unloaded_stage_ids=frozenset(unloaded_stages),
                      unloaded_service_ids=frozenset(unloaded_services),
                      situations=situations,  # type: ignore[arg-type]
                      unloaded_situation_ids=frozenset(unloaded_situations),
                      questions=questions,  # type: ignore[arg-type]
                      bank_holidays=bank_holidays,  # type: ignore[arg-type]
                      interface_text=interface_text)  # type: ignore[arg-type]
    return journey, problems


class Reporter:
    """Collects problems for checks that name each file by its key (Journey.files): the
    one way a check reports a problem at a place, as file:line:col."""

    def __init__(self, journey: Journey) -> None:
        self.journey = journey
        self.problems: list[Problem] = []

    def __call__(self, file_key: str, key_path: KeyPath, message: str, code: str, *,
                 prefer_key: bool = False) -> None:
        self.problems.append(self.journey.files[file_key].problem_at(
            key_path, message, code, prefer_key=prefer_key))

    def reference(self, file_key: str, key_path: KeyPath, ref: str, kind: str,
                  known: Iterable[str], also_exists: Iterable[str] = ()) -> bool:
        """Reports `ref` if it names nothing known, with the nearest known id; returns
        whether it is known."""
        known = sorted(known)
        if ref in known or ref in also_exists:
            return True
        self(file_key, key_path, f"unknown {kind} '{ref}'{did_you_mean(ref, known)}",
             "unknown-reference")
        return False
