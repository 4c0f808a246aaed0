"""The deadline helper is honest about time: a date in the future is refused, dates that
have passed say so with what the reader can still do, today works, and the result prints.
One table (the today_cases of deadline_cases.yml) is checked against deadline_status.py
and against the browser helper on the built pages, with the browser's clock set to the
table's day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from deadline_table import TodayCase, full_date, today_cases
from victim_journey.content.deadlines import HolidayCalendar, review_deadlines
from victim_journey.content.journey import Journey
from victim_journey.render.deadline_status import DeadlineStatus, deadline_status

CASES = today_cases()
STATUS_WORDS = {
    "passed": "These dates have passed. The last day to ask was {date}.",
    "prompt-passed": "The date for a prompt review has passed. You can still ask until {date}.",
    "last-day": "Today, {date}, is the last day to ask.",
}


def _python_status(journey: Journey, case: TodayCase) -> DeadlineStatus:
    limits = journey.stages[case.page].review_time_limits
    assert limits is not None and journey.bank_holidays is not None
    calendar = HolidayCalendar.from_dates(h.date for h in journey.bank_holidays.holidays)
    deadlines = review_deadlines(case.told_on, working_days=limits.prompt_working_days,
                                 months=limits.months, calendar=calendar)
    return deadline_status(deadlines, case.today)


def test_the_table_covers_every_status() -> None:
    assert {case.status for case in CASES} == {s.value for s in DeadlineStatus}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_python_gives_the_table_s_status(real_journey: Journey, case: TodayCase) -> None:
    assert _python_status(real_journey, case) == case.status, case.why


@pytest.fixture
def page_on(browser: Any) -> Iterator[Any]:
    """page_on(day): a fresh tab whose clock says it is noon on `day`."""
    contexts = []

    def opener(day: dt.date) -> Any:
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime(day.year, day.month, day.day, 12))
        return page

    yield opener
    for context in contexts:
        context.close()


def _ask(page: Any, url: str, told_on: dt.date) -> None:
    page.goto(url)
    page.fill("#vj-told-day", str(told_on.day))
    page.fill("#vj-told-month", str(told_on.month))
    page.fill("#vj-told-year", str(told_on.year))
    page.click(".vj-deadline__button")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_browser_gives_the_table_s_status(page_on: Any, site_url: str,
                                             real_journey: Journey, case: TodayCase) -> None:
    page = page_on(case.today)
    _ask(page, f"{site_url}stages/{case.page}/", case.told_on)
    result = page.locator("[data-vj-deadline-result]")
    error = page.locator("[data-vj-deadline-error]")
    if case.status == "future":
        # GOV.UK's error message: a visible message, "Error:" for screen readers, and
        # the boxes marked invalid and described by it.
        assert error.is_visible(), case.why
        assert error.text_content().strip() == (
            "Error: The date you were told must be today or in the past")
        assert page.locator("#vj-told-day").get_attribute("aria-invalid") == "true"
        assert page.locator("#vj-told-day").get_attribute("aria-describedby") == (
            "vj-told-on-error")
        assert result.inner_text().strip() == ""
        return
    assert not error.is_visible(), case.why
    assert result.get_attribute("data-vj-status") == case.status, case.why
    status = result.locator("[data-vj-result=status]")
    limits = real_journey.stages[case.page].review_time_limits
    assert limits is not None
    outer = review_deadlines(case.told_on, working_days=None, months=limits.months,
                             calendar=None).outer_limit
    if case.status == "open":
        assert status.count() == 0, case.why
    else:
        expected = STATUS_WORDS[case.status].format(date=full_date(outer))
        assert status.inner_text().strip() == expected, case.why
    late = result.locator("[data-vj-result=late]")
    if case.status == "passed":
        assert late.inner_text().strip() == limits.if_late, case.why
    else:
        assert late.count() == 0, case.why


def test_a_passed_date_says_so_in_welsh(page_on: Any, site_url: str) -> None:
    page = page_on(dt.date(2026, 12, 1))
    _ask(page, site_url + "cy/stages/no-charge-cps/", dt.date(2026, 1, 5))
    status = page.locator("[data-vj-result=status]").inner_text()
    assert status.startswith("Mae'r dyddiadau hyn wedi mynd heibio.")
    assert "Rhagfyr" not in status and "Ebrill 2026" in status
    assert page.locator("[data-vj-result=late]").inner_text().startswith("Gall y CPS")


def test_the_worked_out_result_prints(page_on: Any, site_url: str) -> None:
    page = page_on(dt.date(2026, 12, 1))
    _ask(page, site_url + "stages/no-charge-cps/", dt.date(2026, 1, 5))
    page.emulate_media(media="print")
    result = page.locator("[data-vj-deadline-result]")
    assert result.is_visible()
    assert "These dates have passed" in result.inner_text()
    assert not page.locator("[data-vj-deadline-form]").is_visible()
    # Without a result, the empty box does not print.
    page.emulate_media(media="screen")
    page.reload()
    page.emulate_media(media="print")
    assert not page.locator("[data-vj-deadline-result]").is_visible()


def test_what_to_do_if_late_is_on_the_page_without_javascript(built_site: Any) -> None:
    html = (built_site / "stages" / "no-charge-cps" / "index.html").read_text("utf-8")
    assert 'id="if-the-last-day-has-passed"' in html
    assert "exceptional circumstances" in html


def test_other_deadlines_are_stated_with_their_sources_and_review_note(
        real_journey: Journey) -> None:
    """Compensation (2 years from the crime) and a sentence review (28 days, changing)
    each have a page of their own, stated there beside their sources, and the changing
    one is flagged for the next reviewer."""
    compensation = real_journey.stages["compensation"]
    assert "**within 2 years** of the crime" in compensation.how_long
    assert "https://www.gov.uk/claim-compensation-criminal-injury/eligibility" in {
        source.url for source in compensation.sources}
    review = real_journey.stages["sentence-review"]
    assert "**within 28 days** of the sentence" in review.what_you_can_do + review.how_long
    assert "https://www.gov.uk/ask-crown-court-sentence-review" in {
        source.url for source in review.sources}
    assert review.review_note is not None and "CHANGING" in review.review_note.upper()
    # The outcome page points to both.
    outcome = real_journey.stages["the-outcome"]
    assert {"after-the-sentence", "sentence-review"} <= {b.stage for b in outcome.next}
