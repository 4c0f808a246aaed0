"""The "Where am I?" pages: one static page per question, under where-am-i/.

Each answer is an ordinary link to the next question's page or to a stage page, so the
flow works without JavaScript and nothing is stored: the reader's path exists only in
their own browser history, like any other page they visit.
"""

from __future__ import annotations

from dataclasses import dataclass

from .journey import Journey
from .model import Question, QuestionsFile
from .render import HOME_PAGE, WHERE_AM_I_INDEX, RenderedPage, _page, service_page, stage_page

QUESTIONS_FOLDER = WHERE_AM_I_INDEX.rsplit("/", 1)[0]


def question_page(questions: QuestionsFile, question_id: str) -> str:
    """The first question is the flow's index page; each other one has its own page."""
    if question_id == questions.questions[0].id:
        return WHERE_AM_I_INDEX
    return f"{QUESTIONS_FOLDER}/{question_id}.md"


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
            links.append(AnswerLink(answer.text, stage_page(answer.next)))
    return links


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
        pages.append(_page(
            journey, path, "question.md.j2", title, {"description": description, **meta_common},
            file=questions, question=question, is_first=is_first,
            answers=_answer_links(journey, questions, question),
            back=_back_links(journey, questions, question), start=WHERE_AM_I_INDEX,
            in_danger=journey.site.in_danger if question.in_danger else None,
            help_now=[(sid, journey.services[sid]) for sid in question.help_now
                      if sid in journey.services],
            service_page=service_page,
        ))
    return pages
