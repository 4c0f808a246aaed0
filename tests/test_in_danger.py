""""In danger now? Call 999" on every page, in both languages, on the first screen of a
375 by 667 phone, above the page's own heading and without pushing it off that screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from victim_journey.content.journey import Journey

PHONE = {"width": 375, "height": 667}
LINE = "[data-vj-in-danger] .vj-danger__line"
EMERGENCY_LINK = "[data-vj-in-danger] .vj-danger__line a[href='tel:999']"


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def phone(request: pytest.FixtureRequest, browser: object) -> Iterator[object]:
    context = browser.new_context(viewport=PHONE,  # type: ignore[attr-defined]
                                  java_script_enabled=request.param)
    yield context.new_page()
    context.close()


def test_the_numbers_come_from_the_content_with_sources(real_journey: Journey) -> None:
    danger = real_journey.site.in_danger
    assert danger is not None
    assert danger.emergency.number == "999"
    for number in (danger.emergency, danger.silent_call_code, danger.text_relay,
                   danger.non_emergency):
        assert number.source.url.startswith("https://")


def test_every_page_shows_999_and_its_heading_on_the_first_phone_screen(
        phone: object, site_url: str, reader_pages: list[str]) -> None:
    failures = []
    for path in reader_pages:
        phone.goto(site_url + path)  # type: ignore[attr-defined]
        link = phone.locator(EMERGENCY_LINK)  # type: ignore[attr-defined]
        heading = phone.locator("article h1").first  # type: ignore[attr-defined]
        if link.count() != 1:
            failures.append(f"{path}: no 999 link")
            continue
        call = link.bounding_box()
        title = heading.bounding_box() if heading.count() else None
        if call is None or call["y"] < 0 or call["y"] + call["height"] > PHONE["height"]:
            failures.append(f"{path}: the 999 link is not on the first screen ({call})")
        if title is None or title["y"] + title["height"] > PHONE["height"]:
            failures.append(f"{path}: the page's heading is pushed off the first screen "
                            f"({title})")
        elif call is not None and call["y"] > title["y"]:
            failures.append(f"{path}: the 999 line comes after the heading")
    assert not failures, "\n".join(failures)


def test_welsh_pages_say_it_in_welsh(page: object, site_url: str) -> None:
    page.goto(site_url + "cy/")  # type: ignore[attr-defined]
    line = page.locator(LINE).inner_text()  # type: ignore[attr-defined]
    assert " ".join(line.split()) == "Mewn perygl nawr? Ffoniwch 999"


def test_the_rest_opens_without_javascript(browser: object, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE,  # type: ignore[attr-defined]
                                  java_script_enabled=False)
    try:
        phone = context.new_page()
        phone.goto(site_url + "stages/the-trial/")
        more = phone.locator("[data-vj-in-danger] .vj-danger__list")
        assert not more.is_visible()
        phone.locator("[data-vj-in-danger] summary").click()
        assert more.is_visible()
        text = more.inner_text()
        assert "press 55 when you are asked" in text
        assert phone.locator("[data-vj-in-danger] a[href='tel:18000']").is_visible()
        assert phone.locator("[data-vj-in-danger] a[href='tel:101']").is_visible()
        # 55 is a key to press on the call, not a number to ring.
        assert phone.locator("[data-vj-in-danger] a[href='tel:55']").count() == 0
    finally:
        context.close()
