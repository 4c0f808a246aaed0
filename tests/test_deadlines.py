"""The review deadline arithmetic in Python (deadlines.py), the worked example that stands
in for it without JavaScript, and the checks on the bank holiday list."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from deadline_table import (
    DeadlineCase,
    covered_years,
    deadline_cases,
    full_date,
    table_holidays,
)
from victim_journey.checks.review import add_months
from victim_journey.content.deadlines import (
    HolidayCalendar,
    OutsideCalendar,
    add_working_days,
    review_deadlines,
)
from victim_journey.content.languages import ENGLISH
from victim_journey.pipeline import check_content
from victim_journey.render.deadline_helper import example_day
from victim_journey.render.site import render_site

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_BASE = Path(__file__).parent / "golden" / "base"
CASES = deadline_cases()


@pytest.fixture(scope="module")
def journey(real_journey):
    return real_journey


@pytest.fixture(scope="module")
def calendar(journey) -> HolidayCalendar:
    assert journey.bank_holidays is not None
    listed = (h.date for h in journey.bank_holidays.holidays)
    return HolidayCalendar.from_dates(table_holidays(listed))


def test_the_listed_years_include_the_tables(journey, calendar: HolidayCalendar) -> None:
    first, last = covered_years()
    assert (calendar.first_day.year, calendar.last_day.year) == (first, last)
    listed = {h.date.year for h in journey.bank_holidays.holidays}
    assert set(range(first, last + 1)) <= listed, (
        "journey/bank-holidays.yml no longer lists every year of tests/deadline_cases.yml: "
        "move its bank_holidays_cover and 'outside' cases on")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_deadlines_match_the_shared_table(case: DeadlineCase, calendar: HolidayCalendar
                                          ) -> None:
    result = review_deadlines(case.told_on, working_days=10, months=3, calendar=calendar)
    assert result.prompt_review == case.ten_working_days, case.why
    assert result.prompt_outside_calendar is (case.ten_working_days is None), case.why
    assert result.outer_limit == case.three_months, case.why


def test_the_table_has_weekends_bank_holidays_and_month_ends(calendar: HolidayCalendar
                                                             ) -> None:
    """The table must keep testing what matters, whoever edits it later."""
    told_on_weekend = [c for c in CASES if c.told_on.weekday() >= 5]
    skipping_holidays = [c for c in CASES if c.ten_working_days and any(
        c.told_on < h <= c.ten_working_days for h in calendar.holidays)]
    clamped = [c for c in CASES if c.three_months.day != c.told_on.day]
    assert told_on_weekend and len(skipping_holidays) >= 4 and clamped
    assert any(c.ten_working_days is None for c in CASES)


def test_outer_limit_needs_no_bank_holidays() -> None:
    result = review_deadlines(dt.date(2031, 5, 31), working_days=None, months=3,
                              calendar=None)
    assert (result.prompt_review, result.prompt_outside_calendar) == (None, False)
    assert result.outer_limit == dt.date(2031, 8, 31) == add_months(dt.date(2031, 5, 31), 3)


def test_a_count_outside_the_listed_years_is_refused(calendar: HolidayCalendar) -> None:
    last_year = covered_years()[1]
    with pytest.raises(OutsideCalendar):
        add_working_days(dt.date(last_year, 12, 30), 5, calendar)


def test_the_worked_example_skips_a_bank_holiday(calendar: HolidayCalendar) -> None:
    for near in (dt.date(2025, 1, 1), dt.date(2026, 6, 1), dt.date(2026, 11, 29)):
        told_on = example_day(calendar, near)
        assert calendar.is_working_day(told_on)
        result = add_working_days(told_on, 10, calendar)
        assert any(told_on < h <= result for h in calendar.holidays)


def test_stage_pages_carry_the_helper_and_its_worked_example(journey) -> None:
    pages = {p.path: p.markdown for p in render_site(journey)}
    file = journey.bank_holidays
    calendar = HolidayCalendar.from_dates(h.date for h in file.holidays)
    told_on = example_day(calendar, file.last_reviewed)
    for sid, stage in journey.stages.items():
        markdown = pages.get(f"stages/{sid}.md", "")
        limits = stage.review_time_limits
        if limits is None:
            assert "data-vj-deadline" not in markdown
            continue
        expected = review_deadlines(told_on, working_days=limits.prompt_working_days,
                                    months=limits.months, calendar=calendar)
        assert f'data-months="{limits.months}"' in markdown
        assert f"if you were told on {full_date(told_on)}:" in markdown
        assert f"ends on {full_date(expected.outer_limit)}." in markdown
        if limits.prompt_working_days:
            assert f"ends on {full_date(expected.prompt_review)}." in markdown
            assert f'data-working-days="{limits.prompt_working_days}"' in markdown
    assert {"no-charge-police", "no-charge-cps"} <= {
        sid for sid, s in journey.stages.items() if s.review_time_limits}


# --- checks on journey/bank-holidays.yml -----------------------------------------------

HOLIDAYS_HEAD = """source:
  title: GOV.UK bank holidays
  url: https://www.gov.uk/bank-holidays
owner: Test team
last_reviewed: 2026-11-01
holidays:
"""


def _project_with_holidays(tmp_path: Path, dates: list[str]) -> Path:
    project = tmp_path / "project"
    shutil.copytree(GOLDEN_BASE, project)
    body = "".join(f"  - date: {d}\n    name: A bank holiday\n" for d in dates)
    (project / "journey" / "bank-holidays.yml").write_text(HOLIDAYS_HEAD + body)
    return project


def _reported(project: Path, today: dt.date) -> set[str]:
    # English only: the test project has no Welsh bank holiday names.
    problems = check_content(project / "journey", root=project, today=today,
                             languages=(ENGLISH,)).problems
    return {f"{p.path}:{p.line}: {p.severity.value} [{p.code}]" for p in problems}


FULL_2026 = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
             "2026-08-31", "2026-12-25", "2026-12-28"]
FULL_2027 = ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
             "2027-08-30", "2027-12-27", "2027-12-28"]
# The golden base was last reviewed on 2026-11-01, so "today" is after that.
TODAY = dt.date(2026, 12, 1)
FILE = "journey/bank-holidays.yml"


def test_a_complete_list_gives_no_problem(tmp_path: Path) -> None:
    project = _project_with_holidays(tmp_path, FULL_2026 + FULL_2027)
    assert _reported(project, TODAY) == set()


def test_warns_when_the_list_is_about_to_run_out(tmp_path: Path) -> None:
    project = _project_with_holidays(tmp_path, FULL_2026)
    last_line = 7 + 2 * (len(FULL_2026) - 1)
    expected = {f"{FILE}:{last_line}: warning [bank-holidays-ending]"}
    assert _reported(project, TODAY) == expected
    assert _reported(project, dt.date(2027, 2, 1)) == expected  # already ran out
    messages = [p.message for p in check_content(project / "journey", root=project,
                                                 today=TODAY).problems]
    assert "add the dates for 2027" in messages[0]


def test_wrong_dates_are_errors_at_their_line(tmp_path: Path) -> None:
    dates = [*FULL_2026, "2026-12-26", "2028-01-03", "2028-01-03"]
    project = _project_with_holidays(tmp_path, dates)
    line = {index: 7 + 2 * index for index in range(len(dates))}
    assert _reported(project, TODAY) == {
        f"{FILE}:{line[8]}: error [bad-date]",  # 26 December 2026 is a Saturday
        f"{FILE}:{line[8]}: warning [unsorted-dates]",
        f"{FILE}:{line[9]}: error [missing-year]",  # nothing for 2027
        f"{FILE}:{line[9]}: warning [few-bank-holidays]",
        f"{FILE}:{line[10]}: error [duplicate-date]",
    }


def test_a_working_day_limit_needs_the_bank_holidays(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(GOLDEN_BASE, project)
    stage = project / "journey" / "stages" / "second-step.yml"
    stage.write_text(stage.read_text() + "review_time_limits:\n  prompt_working_days: 10\n"
                     "  months: 3\n")
    line = stage.read_text().splitlines().index("  prompt_working_days: 10") + 1
    assert _reported(project, dt.date(2026, 12, 1)) == {
        f"journey/stages/second-step.yml:{line}: error [missing-file]"}
