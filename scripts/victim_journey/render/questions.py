"""The "Where am I?" pages: one static page per question, under where-am-i/.

Each answer is an ordinary link to the next question's page or to a stage page, so the
flow works without JavaScript and nothing is stored: the reader's path exists only in
their own browser history, like any other page they visit.
"""

from __future__ import annotations

from dataclasses import dataclass

from victim_journey.content.journey import Journey
from victim_journey.content.model import Question, QuestionsFile
from victim_journey.content.situations import situation_page
from victim_journey.pages import (
    HOME_PAGE,
    QUESTIONS_FOLDER,
    WHERE_AM_I_INDEX,
    question_page,
    service_page,
    stage_page,
)
from victim_journey.render.environment import RenderedPage, render_page
from victim_journey.search.config import CRISIS_PAGE_SEARCH


@dataclass(frozen=True)
class AnswerLink:
    text: str
    target: str  # a page path from the top of the site


@dataclass(frozen=True)
class BackLink:
    text: str
    target: str


def _answer_links(journey: Journey, questions: QuestionsFile, question: Question
                  ) -> list[AnswerLink]:
    """Answers whose target has a page. Validation reports the others, and refuses
    to build while they remain; leaving them out here lets rendering finish first."""
    question_ids = {q.id for q in questions.questions}
    links = []
    for answer in question.answers:
        if answer.next in question_ids:
            links.append(AnswerLink(answer.text, question_page(questions, answer.next)))
        elif answer.next in journey.stages and not journey.stages[answer.next].draft:
            links.append(AnswerLink(answer.text, _stage_answer_target(journey, answer.next)))
    return links


def _asks_what_happened(journey: Journey) -> bool:
    questions = journey.questions
    return bool(questions and questions.what_happened and journey.situations)


def what_happened_page(questions: QuestionsFile, stage_id: str) -> str:
    assert questions.what_happened is not None
    return f"{QUESTIONS_FOLDER}/{questions.what_happened.id}/{stage_id}.md"


def _stage_answer_target(journey: Journey, stage_id: str) -> str:
    """An answer that finds the reader's stage leads to the stage page, or, when the
    questions ask "What happened?", first to that question for this stage."""
    if _asks_what_happened(journey):
        assert journey.questions is not None
        return what_happened_page(journey.questions, stage_id)
    return stage_page(stage_id)


def what_happened_stage_ids(journey: Journey) -> list[str]:
    """The stages that get a "What happened?" page: those an answer leads to."""
    questions = journey.questions
    if questions is None or not _asks_what_happened(journey):
        return []
    return sorted({a.next for q in questions.questions for a in q.answers
                   if a.next in journey.stages and not journey.stages[a.next].draft})


def render_what_happened_pages(journey: Journey) -> list[RenderedPage]:
    """The optional "What happened?" question, once for each stage an answer leads to,
    so that each answer can go to its situation's page at that stage. Skipping it goes
    to the stage page."""
    questions = journey.questions
    if questions is None or questions.what_happened is None or not _asks_what_happened(
            journey):
        return []
    question = questions.what_happened
    stage_ids = what_happened_stage_ids(journey)
    # Not searched: each page only repeats the situations' names, once for every stage.
    meta = {"description": question.hint or questions.title,
            "last_reviewed": questions.last_reviewed.isoformat(), "owner": questions.owner,
            "search": {"exclude": True}}
    pages = []
    for sid in stage_ids:
        answers = [AnswerLink(a.text, f"{situation_page(journey.situations[a.situation])}"
                                      f"#{sid}")
                   for a in question.answers if a.situation in journey.situations
                   and not journey.situations[a.situation].draft]
        pages.append(render_page(
            journey, what_happened_page(questions, sid), "what-happened.md.j2",
            question.text, meta, file=questions, question=question, answers=answers,
            skip=AnswerLink(question.skip, stage_page(sid)), start=WHERE_AM_I_INDEX))
    return pages


def _back_links(journey: Journey, questions: QuestionsFile, question: Question
                ) -> list[BackLink]:
    """Where "Back" can honestly go. A static page cannot know which page the reader
    came from, so a question with one earlier question links to it, and a question
    that several lead to offers each of them by name. The first links to the home page."""
    if question.id == questions.questions[0].id:
        return [BackLink(journey.t("back-to-home"), HOME_PAGE)]
    parents = [q for q in questions.questions
               if q.id != question.id and any(a.next == question.id for a in q.answers)]
    if len(parents) == 1:
        return [BackLink(journey.t("back-to-previous-question"),
                         question_page(questions, parents[0].id))]
    return [BackLink(p.text, question_page(questions, p.id)) for p in parents]


def render_question_pages(journey: Journey) -> list[RenderedPage]:
    questions = journey.questions
    if questions is None:
        return []
    meta_common = {"last_reviewed": questions.last_reviewed.isoformat(),
                   "owner": questions.owner}
    pages = []
    seen: set[str] = set()
    for question in questions.questions:
        path = question_page(questions, question.id)
        if path in seen:
            continue  # a duplicate id: validation reports it
        seen.add(path)
        is_first = path == WHERE_AM_I_INDEX
        title = questions.title if is_first else question.text
        description = (journey.t("where-am-i-description")
                       if is_first else question.summary or question.hint or questions.title)
        pages.append(render_page(
            journey, path, "question.md.j2", title,
            {"description": description, **meta_common,
             **(CRISIS_PAGE_SEARCH if question.in_danger else {})},
            file=questions, question=question, is_first=is_first,
            answers=_answer_links(journey, questions, question),
            back=_back_links(journey, questions, question), start=WHERE_AM_I_INDEX,
            in_danger=journey.site.in_danger if question.in_danger else None,
            help_now=[(sid, journey.services[sid]) for sid in question.help_now
                      if sid in journey.services],
            service_page=service_page,
        ))
    return pages + render_what_happened_pages(journey)
