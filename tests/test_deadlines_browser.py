"""The deadline helper in the browser (vj-deadlines.js) on the built "no charge" pages,
checked against the same table as deadlines.py (deadline_cases.yml)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from deadline_table import (
    DeadlineCase,
    covered_years,
    deadline_cases,
    full_date,
    invalid_inputs,
)

# The helper refuses a date after today, so the browser's clock is set after every date in
# the table: these tests never depend on the real date (see test_deadline_status.py for
# dates that have passed or are to come).
AFTER_EVERY_CASE = dt.datetime(2029, 6, 1, 12)
CPS_PAGE = "stages/no-charge-cps/"
POLICE_PAGE = "stages/no-charge-police/"


# Before the helper's script reads them, keep the page's bank holidays to the years the
# table was worked out for (see deadline_table.table_holidays): adding next year's dates to
# journey/bank-holidays.yml must not change what these tests expect.
_TABLE_YEARS_ONLY = """
new MutationObserver(function (changes, observer) {
  var widget = document.querySelector("[data-vj-deadline]");
  if (!widget) { return; }
  observer.disconnect();
  var last = "%(last)d";
  widget.setAttribute("data-bank-holidays", (widget.getAttribute("data-bank-holidays") || "")
    .split(/\\s+/).filter(function (day) { return day && day.slice(0, 4) <= last; }).join(" "));
  widget.setAttribute("data-last-day", last + "-12-31");
}).observe(document, {childList: true, subtree: true});
"""


def _open(page: Any, url: str) -> list[str]:
    """Open a page and collect every request it makes once it has fully loaded."""
    requests: list[str] = []
    page.add_init_script(_TABLE_YEARS_ONLY % {"last": covered_years()[1]})
    page.clock.set_fixed_time(AFTER_EVERY_CASE)
    page.goto(url)
    page.wait_for_load_state("networkidle")  # the favicon comes late
    page.on("request", lambda request: requests.append(request.url))
    assert page.locator("[data-vj-deadline-form]").is_visible(), "the script did not run"
    return requests


def _work_out(page: Any, day: str, month: str, year: str) -> dict[str, tuple[str, str]]:
    page.fill("#vj-told-day", day)
    page.fill("#vj-told-month", month)
    page.fill("#vj-told-year", year)
    page.click(".vj-deadline__button")
    results = {}
    for paragraph in page.locator("[data-vj-result]").all():
        kind = paragraph.get_attribute("data-vj-result")
        time = paragraph.locator("time")
        results[kind] = ((time.get_attribute("datetime"), time.inner_text())
                         if time.count() else ("", paragraph.inner_text()))
    return results


def _typed(case: DeadlineCase) -> tuple[str, str, str]:
    return str(case.told_on.day), str(case.told_on.month), str(case.told_on.year)


def test_cps_page_gives_the_table_s_dates(page: Any, site_url: str) -> None:
    requests = _open(page, site_url + CPS_PAGE)
    widget = page.locator("[data-vj-deadline]")
    assert widget.get_attribute("data-working-days") == "10"
    assert widget.get_attribute("data-months") == "3"
    for case in deadline_cases():
        results = _work_out(page, *_typed(case))
        expected_outer = (case.three_months.isoformat(), full_date(case.three_months))
        assert results["outer"] == expected_outer, case.why
        if case.ten_working_days is None:
            assert "prompt" not in results, case.why
            assert "cannot count working days" in results["outside"][1], case.why
        else:
            assert results["prompt"] == (case.ten_working_days.isoformat(),
                                         full_date(case.ten_working_days)), case.why
    # Private: nothing was fetched or sent, and nothing reached the URL or storage.
    assert requests == []
    assert page.url == site_url + CPS_PAGE
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""


def test_police_page_gives_only_the_three_month_limit(page: Any, site_url: str) -> None:
    _open(page, site_url + POLICE_PAGE)
    assert page.locator("[data-vj-deadline]").get_attribute("data-working-days") == ""
    for case in deadline_cases():
        results = _work_out(page, *_typed(case))
        assert "prompt" not in results and "outside" not in results, case.why
        assert results["outer"] == (case.three_months.isoformat(),
                                    full_date(case.three_months)), case.why


def test_a_date_that_is_not_real_gets_an_error(page: Any, site_url: str) -> None:
    _open(page, site_url + CPS_PAGE)
    error = page.locator("[data-vj-deadline-error]")
    for typed in invalid_inputs():
        _work_out(page, "1", "1", "2026")  # a good date first, so each error is new
        assert not error.is_visible()
        assert _work_out(page, *typed) == {}, typed
        assert error.is_visible(), typed
        assert error.text_content().startswith("Error: Enter "), typed
        assert page.locator("#vj-told-day").get_attribute("aria-invalid") == "true"
        assert page.evaluate("document.activeElement.id") == "vj-told-day"


def test_inputs_cannot_put_the_date_in_the_url(page: Any, site_url: str) -> None:
    _open(page, site_url + CPS_PAGE)
    inputs = page.locator("[data-vj-deadline] input")
    assert inputs.count() == 3
    for index in range(3):
        assert inputs.nth(index).get_attribute("name") is None
        assert inputs.nth(index).get_attribute("autocomplete") == "off"
    page.fill("#vj-told-day", "2")
    page.press("#vj-told-day", "Enter")  # Enter submits a form: it must stay on the page
    assert page.url == site_url + CPS_PAGE


def test_without_javascript_the_worked_example_takes_the_form_s_place(
        browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + CPS_PAGE)
        assert not page.locator("[data-vj-deadline-form]").is_visible()
        text = page.locator("[data-vj-deadline]").inner_text()
        assert "Day 1 is the first working day after the day you were told." in text
        assert "For example, if you were told on " in text
    finally:
        context.close()
