"""The "Where am I?" questions on the built site: every stage can be reached by following
answers from /where-am-i/, each page has its back, start again and "I'm not sure" links,
and the flow works without JavaScript."""

from __future__ import annotations

import dataclasses
import shutil
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from sitecheck import resolve
from victim_journey.cli.main import main as cli_main
from victim_journey.pages import page_url
from victim_journey.render.questions import question_page, render_question_pages

ROOT = Path(__file__).resolve().parent.parent
START = "where-am-i/index.html"


class MainContentLinks(HTMLParser):
    """Links inside the page's main content (Material's <article>), with their text:
    not the header, navigation or footer, which would reach every page anyway."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self._article_depth = 0
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self._article_depth += 1
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        if tag == "a" and self._article_depth and attributes.get("href") is not None:
            self._href, self._text = str(attributes["href"]), ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article_depth -= 1
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text.split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data


def _links(path: Path) -> MainContentLinks:
    parser = MainContentLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def journey(real_journey: Any) -> Any:
    assert real_journey.questions is not None
    return real_journey


def _relative(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def test_every_stage_can_be_reached_from_where_am_i(built_site: Path,
                                                    page_paths: list[str]) -> None:
    """Breadth-first from /where-am-i/, following only answer and content links that stay
    in the question pages; stage pages are where a path ends."""
    site = built_site.resolve()
    seen_questions: set[str] = set()
    reached_stages: set[str] = set()
    pending = deque([site / START])
    while pending:
        page = pending.popleft()
        relative = _relative(site, page)
        if relative in seen_questions:
            continue
        seen_questions.add(relative)
        for href, _text in _links(page).links:
            target = resolve(site, page, href)
            if target is None:
                continue
            target_path = _relative(site, target[0])
            assert target[0].is_file(), f"{relative}: broken link {href}"
            if target_path.startswith("where-am-i/"):
                pending.append(target[0])
            elif target_path.startswith("stages/"):
                reached_stages.add(target_path)
    stage_pages = {p + "index.html" for p in page_paths if p.startswith("stages/")}
    assert stage_pages, "the built site has no stage pages"
    assert stage_pages <= reached_stages, sorted(stage_pages - reached_stages)
    question_pages = {p + "index.html" for p in page_paths if p.startswith("where-am-i/")}
    assert question_pages == seen_questions


def test_each_question_page_has_its_way_back_and_not_sure(built_site: Path,
                                                          journey: Any) -> None:
    questions = journey.questions
    for index, question in enumerate(questions.questions):
        source = question_page(questions, question.id)
        parsed = _links(built_site / page_url(source).lstrip("/") / "index.html")
        texts = {text: href for href, text in parsed.links}
        assert texts.get("I'm not sure") == "#not-sure", source
        assert "not-sure" in parsed.ids, source
        if index == 0:
            assert texts.get("Back to the home page") == "../", source
            assert "Start again" not in texts
        else:
            assert texts.get("Start again") == "../", source
            parents = [q for q in questions.questions
                       if any(a.next == question.id for a in q.answers)]
            if len(parents) == 1:
                assert "Back to the previous question" in texts, source
        for answer in question.answers:
            assert answer.text in texts, f"{source}: no link for answer {answer.text!r}"


def test_home_page_links_to_where_am_i(built_site: Path) -> None:
    links = _links(built_site / "index.html").links
    assert ("where-am-i/", "Answer a few questions to find out") in links


def _path_to(journey: Any, stage_id: str) -> list[str]:
    """The answers' texts that lead from the first question to a stage (shortest)."""
    questions = {q.id: q for q in journey.questions.questions}
    first = journey.questions.questions[0].id
    pending: deque[tuple[str, list[str]]] = deque([(first, [])])
    while pending:
        qid, texts = pending.popleft()
        for answer in questions[qid].answers:
            if answer.next == stage_id:
                return [*texts, answer.text]
            if answer.next in questions:
                pending.append((answer.next, [*texts, answer.text]))
    raise AssertionError(f"no path to {stage_id}")


def test_the_questions_work_without_javascript(browser: Any, site_url: str,
                                               journey: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "where-am-i/")
        for text in _path_to(journey, "no-charge-cps"):
            page.locator("article .vj-answers").get_by_role("link", name=text,
                                                             exact=True).click()
        # Then the optional "What happened?" question for that stage: skipping it leads
        # to the stage page, and an answer to the situation's page at that stage.
        assert page.url == site_url + "where-am-i/what-happened/no-charge-cps/"
        answers = page.locator("article .vj-answers")
        answers.get_by_role("link", name="Skip this question", exact=True).click()
        assert page.url == site_url + "stages/no-charge-cps/"
        page.go_back()
        answers.get_by_role("link", name="Domestic abuse", exact=True).click()
        assert page.url == site_url + "support/guide-1/#no-charge-cps"
        assert page.locator("#no-charge-cps").count() == 1
        assert context.cookies() == []
    finally:
        context.close()


def test_a_broken_answer_is_one_line_at_its_place(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The editor sees the file, line and column, a suggestion, and no traceback."""
    golden = Path(__file__).parent / "golden"
    project = tmp_path / "project"
    shutil.copytree(golden / "base", project)
    shutil.copytree(golden / "cases" / "questions-unknown-reference" / "journey",
                    project / "journey", dirs_exist_ok=True)
    code = cli_main(["--root", str(project), "validate", "--today", "2026-12-01"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert ("journey/where-am-i.yml:9:15: error: unknown question or stage 'secnd-step' "
            "(did you mean 'second-step'?) [unknown-reference]") in err.splitlines()


def test_a_question_with_several_earlier_questions_offers_each(journey: Any) -> None:
    """A static page cannot know which page the reader came from, so "Back" names them."""
    questions = journey.questions
    first, last = questions.questions[0], questions.questions[-1]
    answers = [*first.answers[:-1], first.answers[-1].model_copy(update={"next": last.id})]
    changed = questions.model_copy(update={"questions": [
        first.model_copy(update={"answers": answers}), *questions.questions[1:]]})
    pages = {p.path: p.markdown
             for p in render_question_pages(dataclasses.replace(journey, questions=changed))}
    parents = [q for q in changed.questions if any(a.next == last.id for a in q.answers)]
    assert len(parents) == 2
    markdown = pages[question_page(changed, last.id)]
    assert "Back to an earlier question: " in markdown
    for parent in parents:
        assert f"[{parent.text}](" in markdown
    assert "Back to the previous question" not in markdown
