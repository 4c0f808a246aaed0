""""Where am I?" starts with safety: its first answer, in both languages, leads in one
tap to the crisis page (999 and helplines as tel: links), which leads back into the
questions."""

from __future__ import annotations

from typing import Any

import pytest

from victim_journey.content.journey import Journey


@pytest.mark.parametrize(("start", "answer", "heading"), [
    ("where-am-i/", "I am in danger or scared right now", "If you are in danger now, call 999"),
    ("cy/where-am-i/", "Rydw i mewn perygl neu'n ofnus nawr",
     "Os ydych chi mewn perygl nawr, ffoniwch 999"),
])
def test_the_first_answer_reaches_the_crisis_help_in_one_tap(
        browser: Any, site_url: str, start: str, answer: str, heading: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + start)
        answers = page.locator("article .vj-answers a")
        assert answers.first.inner_text().strip() == answer
        answers.first.click()
        assert page.locator("article h1").inner_text().strip() == heading
        article = page.locator("article")
        assert article.locator("a[href='tel:999']").count() == 1
        assert article.locator("a[href='tel:08082000247']").count() == 1
        # Back into the flow: the rest of the first question's answers are here too.
        targets = [a.get_attribute("href") for a in
                   article.locator(".vj-answers a").all()]
        assert "../anyone-charged/" in targets
    finally:
        context.close()


def test_the_crisis_page_continues_the_first_question_without_a_loop(
        real_journey: Journey) -> None:
    questions = real_journey.questions
    assert questions is not None
    first, crisis = questions.questions[0], next(
        q for q in questions.questions if q.in_danger)
    assert first.answers[0].next == crisis.id
    assert [a.next for a in crisis.answers] == [a.next for a in first.answers[1:]]
    assert all(sid in real_journey.services for sid in crisis.help_now)
