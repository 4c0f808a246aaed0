"""Checks on the "Where am I?" questions (journey/where-am-i.yml).

Every answer leads to another question or to a stage page. The flow is only useful if a
reader can reach every stage from the first question, and if every path ends at a stage:
that holds when every answer leads somewhere that exists and no questions form a loop.
"""

from __future__ import annotations

from victim_journey.checks.graph import find_cycle, reachable
from victim_journey.content.journey import QUESTIONS_KEY, Journey, Reporter
from victim_journey.content.loader import KeyPath
from victim_journey.content.model import QuestionsFile
from victim_journey.problems import Problem

FILE_KEY = QUESTIONS_KEY
# The first question is the flow's index page, so no other question may take that name.
RESERVED_IDS = frozenset({"index"})
# One answer is not a question; 'I'm not sure' is added by every page.
MIN_ANSWERS = 2


def _question_graph(questions: QuestionsFile) -> dict[str, list[str]]:
    """Question to question only: answers that lead to a stage end a path."""
    ids = {q.id for q in questions.questions}
    return {q.id: [a.next for a in q.answers if a.next in ids] for q in questions.questions}


def question_problems(journey: Journey) -> list[Problem]:
    """Every problem in the questions file, each at its file:line:col."""
    questions = journey.questions
    if questions is None:
        return []
    report = Reporter(journey)

    stage_ids = set(journey.stages) | journey.unloaded_stage_ids
    drafts = {sid for sid, stage in journey.stages.items() if stage.draft}
    question_ids: list[str] = []
    for q_index, question in enumerate(questions.questions):
        where: KeyPath = ("questions", q_index, "id")
        if question.id in question_ids:
            report(FILE_KEY, where, f"duplicate question id '{question.id}'; each must be "
                   "different", "duplicate-id")
        elif question.id in stage_ids:
            report(FILE_KEY, where, f"question id '{question.id}' is also a stage id; answers "
                   "could not tell them apart, so give the question another id", "duplicate-id")
        elif question.id in RESERVED_IDS:
            report(FILE_KEY, where, f"'{question.id}' cannot be a question id; it is the name "
                   "of the first question's page", "bad-id")
        question_ids.append(question.id)

    known = sorted(set(question_ids) | stage_ids)
    for q_index, question in enumerate(questions.questions):
        if len(question.answers) < MIN_ANSWERS:
            report(FILE_KEY, ("questions", q_index, "answers"), f"a question needs at least "
                   f"{MIN_ANSWERS} answers; the page adds 'I'm not sure' itself",
                   "too-few-answers")
        texts: set[str] = set()
        for a_index, answer in enumerate(question.answers):
            where = ("questions", q_index, "answers", a_index)
            if answer.text.casefold() in texts:
                report(FILE_KEY, (*where, "text"), f"the answer '{answer.text}' is given twice; "
                       "keep one of them", "duplicate-answer")
            texts.add(answer.text.casefold())
            if answer.next == question.id:
                report(FILE_KEY, (*where, "next"),
                       "an answer cannot lead back to its own question", "question-loop")
            elif answer.next in drafts:
                report(FILE_KEY, (*where, "next"), f"'{answer.next}' is a draft stage, so it has "
                       "no page yet; lead this answer to a published stage", "draft")
            else:
                report.reference(FILE_KEY, (*where, "next"), answer.next, "question or stage",
                                 known)

    service_ids = sorted(journey.services)
    for q_index, question in enumerate(questions.questions):
        for index, ref in enumerate(question.help_now):
            report.reference(FILE_KEY, ("questions", q_index, "help_now", index), ref,
                             "service", service_ids, journey.unloaded_service_ids)

    graph = _question_graph(questions)
    cycle = find_cycle(graph)
    if cycle and len(cycle) > 2:  # a question leading to itself is reported above
        last, first = cycle[-2], cycle[-1]
        q_index = question_ids.index(last)
        a_index = next(i for i, a in enumerate(questions.questions[q_index].answers)
                       if a.next == first)
        report(FILE_KEY, ("questions", q_index, "answers", a_index, "next"),
               "the questions go round in a loop: " + " -> ".join(cycle)
               + "; every path must end at a stage", "question-loop")

    first_id = questions.questions[0].id
    seen = reachable(graph, [first_id])
    for q_index, question in enumerate(questions.questions):
        if question.id not in seen:
            report(FILE_KEY, ("questions", q_index, "id"),
                   f"question '{question.id}' cannot be reached from the first question "
                   f"('{first_id}'); add an answer that leads to it", "unreachable-question")

    if journey.unloaded_stage_ids:
        return report.problems  # reachability means little while some stages did not load
    reached_stages = {a.next for q in questions.questions if q.id in seen
                      for a in q.answers if a.next in journey.stages}
    for sid in sorted(set(journey.stages) - drafts - reached_stages):
        report(FILE_KEY, ("questions",), f"no answer leads to stage '{sid}'; every stage must "
               "be reachable from the first question", "unreachable-stage", prefer_key=True)
    return report.problems
