"""Checks that span files: references, ids, the route's shape, review dates and text.

Every check adds to one list, so an editor sees every problem in one run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from victim_journey.checks.bank_holidays import bank_holiday_problems
from victim_journey.checks.graph import find_cycle, reachable
from victim_journey.checks.key_facts import key_fact_problems
from victim_journey.checks.questions import question_problems
from victim_journey.checks.review import review_problems
from victim_journey.checks.search_words import search_word_problems
from victim_journey.checks.situations import situation_problems
from victim_journey.checks.unfinished import unfinished_problems
from victim_journey.content.errors import did_you_mean
from victim_journey.content.journey import (
    GLOSSARY_KEY,
    RIGHTS_KEY,
    SITE_KEY,
    Journey,
    Reporter,
    service_key,
    stage_key,
)
from victim_journey.content.loader import KeyPath, LoadedFile
from victim_journey.content.markup import check_markup, internal_link_targets
from victim_journey.content.model import PLAIN, TextKind
from victim_journey.content.text_fields import iter_text_fields
from victim_journey.problems import Problem, error


def _check_route(report: Reporter, journey: Journey) -> None:
    stage_ids = set(journey.stages) | journey.unloaded_stage_ids
    placed: dict[str, KeyPath] = {}
    positions: list[tuple[KeyPath, str]] = [
        (("route", step_index, "stages", index), sid)
        for step_index, step in enumerate(journey.site.route)
        for index, sid in enumerate(step.stages)
    ] + [(("throughout", index), sid) for index, sid in enumerate(journey.site.throughout)]
    for key_path, sid in positions:
        report.reference(SITE_KEY, key_path, sid, "stage", sorted(stage_ids))
        if sid in placed:
            report(SITE_KEY, key_path,
                   f"stage '{sid}' is in the route twice; keep it at one step",
                   "duplicate-id")
        placed[sid] = key_path
    for sid in journey.stages:
        if sid not in placed and not journey.stages[sid].draft:  # drafts: see unfinished.py
            report(stage_key(sid), (),
                   f"stage '{sid}' is not in the route; add it to 'route' or "
                   "'throughout' in journey/site.yml", "not-in-route")


def _branch_graph(journey: Journey) -> dict[str, list[str]]:
    return {sid: [b.stage for b in stage.next if b.stage in journey.stages]
            for sid, stage in journey.stages.items()}


def reachable_stages(journey: Journey) -> set[str]:
    roots = [journey.start_stage_id(), *journey.site.throughout]
    return reachable(_branch_graph(journey), [r for r in roots if r in journey.stages])


def _check_branches(report: Reporter, journey: Journey) -> None:
    stage_ids = sorted(journey.stages)
    for sid, stage in journey.stages.items():
        seen: set[str] = set()
        for index, branch in enumerate(stage.next):
            key_path = ("next", index, "stage")
            report.reference(stage_key(sid), key_path, branch.stage, "stage",
                             stage_ids, journey.unloaded_stage_ids)
            if branch.stage == sid:
                report(stage_key(sid), key_path, "a stage cannot lead to itself",
                       "route-loop")
            if branch.stage in seen:
                report(stage_key(sid), key_path,
                       f"'{branch.stage}' is listed twice in 'next'", "duplicate-id")
            seen.add(branch.stage)
    cycle = find_cycle(_branch_graph(journey))
    if cycle and len(cycle) > 2:
        report(stage_key(cycle[0]), ("next",),
               "the route goes round in a loop: " + " -> ".join(cycle)
                     + "; a later stage must not lead back to an earlier one", "route-loop")
    if journey.unloaded_stage_ids or journey.start_stage_id() not in journey.stages:
        return  # reachability means little while some stages did not load
    reachable = reachable_stages(journey)
    for sid in journey.stages:
        if sid not in reachable and not journey.stages[sid].draft:
            report(stage_key(sid), (),
                   f"stage '{sid}' cannot be reached from the start "
                   f"('{journey.start_stage_id()}'); add it to another stage's 'next'",
                   "unreachable-stage")


def _check_unique(report: Reporter, file_key: str, list_name: str,
                  values: Iterable[object], field: str) -> None:
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value in seen:
            report(file_key, (list_name, index, field),
                   f"duplicate {field} '{value}'; each must be different",
                   "duplicate-id")
        seen.add(value)


def _check_item_references(report: Reporter, journey: Journey) -> None:
    stage_ids = sorted(journey.stages)
    term_ids = sorted(t.id for t in journey.glossary.terms)
    unloaded = journey.unloaded_stage_ids
    for sid, stage in journey.stages.items():
        for index, term in enumerate(stage.terms):
            report.reference(stage_key(sid), ("terms", index), term,
                             "glossary term", term_ids)
    service_ids = sorted(journey.services)
    for index, ref in enumerate(journey.site.help_now):
        report.reference(SITE_KEY, ("help_now", index), ref, "service", service_ids,
                          journey.unloaded_service_ids)
    for sid, stage in journey.stages.items():
        for index, ref in enumerate(stage.help_now):
            report.reference(stage_key(sid), ("help_now", index), ref, "service",
                             service_ids, journey.unloaded_service_ids)
    for sid, service in journey.services.items():
        for index, ref in enumerate(service.stages):
            report.reference(service_key(sid), ("stages", index), ref, "stage",
                             stage_ids, unloaded)
    for r_index, right in enumerate(journey.rights.rights):
        for index, ref in enumerate(right.stages):
            report.reference(RIGHTS_KEY, ("rights", r_index, "stages", index), ref,
                             "stage", stage_ids, unloaded)
    for t_index, term in enumerate(journey.glossary.terms):
        for index, ref in enumerate(term.see_also):
            report.reference(GLOSSARY_KEY, ("terms", t_index, "see_also", index), ref,
                             "glossary term", term_ids)
            if ref == term.id:
                report(GLOSSARY_KEY, ("terms", t_index, "see_also", index),
                       "a term cannot list itself in 'see_also'", "bad-reference")
    rights = journey.rights.rights
    _check_unique(report, RIGHTS_KEY, "rights", (r.id for r in rights), "id")
    _check_unique(report, RIGHTS_KEY, "rights", (r.number for r in rights), "number")
    _check_unique(report, GLOSSARY_KEY, "terms", (t.id for t in journey.glossary.terms), "id")


def _check_previous_ids(report: Reporter, journey: Journey) -> None:
    """An old id must not be a live id, nor claimed twice: each old URL redirects once."""
    for kind, items, file_key in (("stage", journey.stages, stage_key),
                                  ("service", journey.services, service_key)):
        claimed: dict[str, str] = {}
        for item_id, item in items.items():
            for index, old in enumerate(item.previous_ids):  # type: ignore[attr-defined]
                where = (file_key(item_id), ("previous_ids", index))
                if old in items:
                    report(*where, f"'{old}' is a current {kind} id, so it cannot "
                           "also be an old one", "duplicate-id")
                elif old in claimed:
                    report(*where, f"old id '{old}' is already claimed by "
                           f"'{claimed[old]}'", "duplicate-id")
                claimed[old] = item_id


def _check_text(report: Reporter, journey: Journey, page_paths: set[str] | None) -> None:
    for file_key, item in journey.items():
        loaded = journey.files[file_key]
        for key_path, text, kind in iter_text_fields(item):
            report.problems.extend(text_problems(loaded, key_path, text, kind, page_paths))
    report.problems.extend(interface_text_problems(journey))


def interface_text_problems(journey: Journey) -> Iterator[Problem]:
    """The site's own text reaches every page, in both languages: the same markup
    checks as content text (its English and Welsh are in the one file)."""
    loaded = journey.files.get("interface-text")
    if journey.interface_text is None or loaded is None:
        return
    for key, entry in journey.interface_text.text.items():
        for code in type(entry).model_fields:
            text = getattr(entry, code)
            if isinstance(text, str):
                yield from text_problems(loaded, ("text", key, code), text, PLAIN, None)


def text_problems(loaded: LoadedFile, key_path: KeyPath, text: str, kind: TextKind,
                  page_paths: set[str] | None) -> Iterator[Problem]:
    """Markup that content may not use, and internal links to no page, in one text value
    (of an English file or of a translation)."""
    field = key_path[-1] if isinstance(key_path[-1], str) else key_path[-2]
    for finding in check_markup(text, allow_blocks=kind is not PLAIN):
        line, column = loaded.text_position(key_path, finding.line_index, finding.column)
        yield error(loaded.path, line, column, f"in '{field}': {finding.message}",
                    finding.code)
    for line_index, target in internal_link_targets(text) if page_paths else ():
        page = target.split("#", 1)[0]
        if page and page not in page_paths:
            line, column = loaded.text_line(key_path, line_index)
            yield error(loaded.path, line, column,
                        f"in '{field}': link to '{target}' goes to no page"
                        f"{did_you_mean(page, sorted(page_paths))}", "broken-link")


def validate(journey: Journey, *, today: dt.date, page_paths: set[str] | None
             ) -> list[Problem]:
    """Every cross-file problem. `page_paths` are the site's pages, for checking internal
    links; None when the pages could not be rendered (links are then not checked)."""
    report = Reporter(journey)
    _check_route(report, journey)
    _check_branches(report, journey)
    _check_item_references(report, journey)
    _check_previous_ids(report, journey)
    _check_text(report, journey, page_paths)
    problems = report.problems
    problems.extend(review_problems(journey, today))
    problems.extend(unfinished_problems(journey))
    problems.extend(question_problems(journey))
    problems.extend(bank_holiday_problems(journey, today))
    problems.extend(search_word_problems(journey))
    problems.extend(situation_problems(journey))
    problems.extend(key_fact_problems(journey))
    return problems
