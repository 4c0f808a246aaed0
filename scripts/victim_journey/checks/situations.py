"""Checks on the situations (journey/situations/) against the route they describe.

A situation names stages and services: each must exist. Its notes must fit its route: a
note on a stage the situation skips, or on a stage that is not in the route, or a second
note for one stage, would tell a reader something the page cannot show in its place.
Every situation must be findable: listed for the home page, with search words (which the
A to Z shows too), offered by the "What happened?" question when there is one, and with
a page address that does not say what happened.
"""

from __future__ import annotations

import re

from victim_journey.content.journey import (
    QUESTIONS_KEY,
    SITE_KEY,
    Journey,
    Reporter,
    situation_key,
)
from victim_journey.problems import Problem

# Words too common to give anything away in an address.
_NEUTRAL_WORDS = frozenset({"a", "an", "and", "by", "of", "or", "the", "to", "for", "in"})


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", text.casefold()) if w} - _NEUTRAL_WORDS


def situation_problems(journey: Journey) -> list[Problem]:
    report = Reporter(journey)
    route = set(journey.route_stage_ids())
    slugs: dict[str, str] = {}
    for sid, situation in journey.situations.items():
        key = situation_key(sid)
        for field in ("services", "crisis_contacts"):
            seen: set[str] = set()
            for index, ref in enumerate(getattr(situation, field)):
                report.reference(key, (field, index), ref, "service", journey.services,
                                 journey.unloaded_service_ids)
                if ref in seen:
                    report(key, (field, index), f"'{ref}' is in '{field}' twice; keep one",
                           "duplicate-id")
                seen.add(ref)
        skipped = {skip.stage for skip in situation.skips}
        for index, skip in enumerate(situation.skips):
            report.reference(key, ("skips", index, "stage"), skip.stage, "stage",
                             journey.stages, journey.unloaded_stage_ids)
        noted: dict[str, int] = {}
        for index, note in enumerate(situation.stage_notes):
            where = ("stage_notes", index, "stage")
            if not report.reference(key, where, note.stage, "stage", journey.stages,
                                    journey.unloaded_stage_ids):
                continue
            if note.stage in noted:
                first_line = journey.files[key].locate(
                    ("stage_notes", noted[note.stage], "stage"))[0]
                report(key, where, f"stage '{note.stage}' already has a note (line "
                       f"{first_line}); put everything for one stage in one note",
                       "duplicate-stage-note")
            elif note.stage in skipped:
                report(key, where, f"this situation skips stage '{note.stage}' (see "
                       "'skips'), so its page has no place for a note on it; remove the "
                       "note or the skip", "note-on-skipped-stage")
            elif note.stage in journey.stages and note.stage not in route:
                report(key, where, f"stage '{note.stage}' is not in the route, so no page "
                       "shows this note; add the stage to the route in journey/site.yml "
                       "first", "note-on-skipped-stage")
            noted.setdefault(note.stage, index)
        for field, values in (("page_slug", [situation.page_slug]),
                              ("previous_slugs", situation.previous_slugs)):
            for index, slug in enumerate(values):
                where = (field,) if field == "page_slug" else (field, index)
                if slug in slugs:
                    report(key, where, f"the address 'support/{slug}' is already used by "
                           f"situation '{slugs[slug]}'; choose another", "duplicate-id")
                slugs.setdefault(slug, sid)
        telling = _words(sid) | _words(situation.title)
        for word in situation.also_known_as:
            telling |= _words(word)
        if given_away := sorted(_words(situation.page_slug) & telling):
            report(key, ("page_slug",), f"the address 'support/{situation.page_slug}' says "
                   f"what happened ('{given_away[0]}'), and browsers keep it in their "
                   "history; use a neutral word such as 'guide-1'",
                   "situation-not-neutral")
        if not situation.also_known_as:
            report(key, ("title",), "add the words a victim would use in 'also_known_as': "
                   "search and the A to Z find a situation by them", "situation-not-findable",
                   prefer_key=True)
    _check_site_list(report, journey)
    _check_question(report, journey)
    return report.problems


def _check_site_list(report: Reporter, journey: Journey) -> None:
    listed: set[str] = set()
    for index, ref in enumerate(journey.site.situations):
        report.reference(SITE_KEY, ("situations", index), ref, "situation",
                         journey.situations, journey.unloaded_situation_ids)
        if ref in listed:
            report(SITE_KEY, ("situations", index), f"situation '{ref}' is listed twice",
                   "duplicate-id")
        listed.add(ref)
    for sid, situation in journey.situations.items():
        if situation.draft:
            if sid in listed:
                report(SITE_KEY, ("situations", journey.site.situations.index(sid)),
                       f"situation '{sid}' is a draft, so it has no page yet; remove "
                       "'draft: true' from it when it is ready", "draft")
        elif sid not in listed:
            report(situation_key(sid), (), f"situation '{sid}' is not on the home page; "
                   "add it to 'situations' in journey/site.yml", "situation-not-findable")


def _check_question(report: Reporter, journey: Journey) -> None:
    questions = journey.questions
    if questions is None or questions.what_happened is None:
        return
    question = questions.what_happened
    taken = {q.id for q in questions.questions} | set(journey.stages)
    if question.id in taken:
        report(QUESTIONS_KEY, ("what_happened", "id"), f"'{question.id}' is already a "
               "question or stage id; give this question another id", "duplicate-id")
    offered: set[str] = set()
    for index, answer in enumerate(question.answers):
        where = ("what_happened", "answers", index, "situation")
        report.reference(QUESTIONS_KEY, where, answer.situation, "situation",
                         journey.situations, journey.unloaded_situation_ids)
        target = journey.situations.get(answer.situation)
        if target is not None and target.draft:
            report(QUESTIONS_KEY, where, f"situation '{answer.situation}' is a draft, so it "
                   "has no page yet; offer it when it is ready", "draft")
        if answer.situation in offered:
            report(QUESTIONS_KEY, where, f"situation '{answer.situation}' is offered twice",
                   "duplicate-answer")
        offered.add(answer.situation)
    drafts = {sid for sid, s in journey.situations.items() if s.draft}
    for sid in sorted(set(journey.situations) - offered - drafts):
        report(QUESTIONS_KEY, ("what_happened", "answers"), f"no answer leads to situation "
               f"'{sid}'; add one so the question offers every situation",
               "situation-not-findable", prefer_key=True)
