"""Helplines: every number a tel: link with its hours and a source, and the "Get help now"
box of each stage page showing the helplines that fit that stage."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from victim_journey.cli.main import main as cli_main
from victim_journey.content.journey import Journey
from victim_journey.render.site import render_site

HELPLINES = ("national-domestic-abuse-helpline", "live-fear-free",
             "national-stalking-helpline", "mens-advice-line", "galop", "samaritans",
             "childline", "nspcc-helpline")
TEL_LINK = re.compile(r'<a href="tel:(\+?[0-9]+)">([0-9 ]+)</a>')


def _help_now_box(html: str) -> str:
    start = html.index('id="help-now"')
    return html[start:html.index('id="your-rights"', start)]


def test_each_helpline_has_a_sourced_number_with_its_hours(real_journey: Journey) -> None:
    for sid in HELPLINES:
        service = real_journey.services[sid]
        calls = [p for p in service.contact.phones if not p.text_only]
        assert calls, f"{sid} has no number to call"
        for phone in calls:
            assert phone.hours, f"{sid}: {phone.number} has no hours"
            assert phone.source.url.startswith("https://")
        assert service.review_note, f"{sid}: the facts sheet flags every helpline's caveats"


def test_at_least_eight_helplines_are_tel_links_on_their_pages(
        built_site: Path, real_journey: Journey) -> None:
    linked = set()
    for sid in HELPLINES:
        html = (built_site / "services" / sid / "index.html").read_text(encoding="utf-8")
        numbers = {number.replace(" ", "") for number in
                   (p.number for p in real_journey.services[sid].contact.phones
                    if not p.text_only)}
        found = {href for href, _ in TEL_LINK.findall(html)}
        if numbers <= found:
            linked.add(sid)
    assert len(linked) >= 8, sorted(set(HELPLINES) - linked)


def test_a_text_only_number_is_an_sms_link_not_a_call(built_site: Path) -> None:
    html = (built_site / "services" / "live-fear-free" / "index.html").read_text("utf-8")
    assert '<a href="sms:07860077333">07860 077333</a>' in html
    assert 'href="tel:07860077333"' not in html
    assert "Languages: Welsh and English" in unescape(html)


def test_the_welsh_page_gives_the_same_numbers_in_welsh_words(built_site: Path) -> None:
    html = (built_site / "cy" / "services" / "live-fear-free" / "index.html"
            ).read_text("utf-8")
    assert '<a href="tel:08088010800">0808 80 10 800</a>' in html
    assert "Ieithoedd: Cymraeg a Saesneg" in html


@pytest.mark.parametrize(("stage_id", "expected", "not_expected"), [
    ("reporting-a-crime", ["victim-support", "national-domestic-abuse-helpline",
                           "national-stalking-helpline"], ["childline"]),
    ("the-trial", ["victim-support", "samaritans"], ["national-stalking-helpline"]),
])
def test_get_help_now_picks_the_helplines_for_the_stage(
        real_journey: Journey, stage_id: str, expected: list[str],
        not_expected: list[str]) -> None:
    pages = {p.path: p.markdown for p in render_site(real_journey)}
    box = _help_now_box(pages[f"stages/{stage_id}.md"])
    for sid in expected:
        service = real_journey.services[sid]
        assert f'id="help-now-{sid}"' in box
        for phone in service.contact.phones:
            assert f"[{phone.number}](tel:{phone.number.replace(' ', '')})" in box \
                or phone.text_only
            assert phone.hours in box
    for sid in not_expected:
        assert f'id="help-now-{sid}"' not in box


def test_an_unknown_helpline_on_a_stage_is_one_line_at_its_place(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    lines = stage.read_text(encoding="utf-8").split("\n")
    index = lines.index("  - samaritans")
    lines[index] = "  - samaritan"
    stage.write_text("\n".join(lines), encoding="utf-8")
    status = cli_main(["--root", str(content_copy), "validate", "--today", "2026-12-01"])
    err = capsys.readouterr().err
    assert status == 1
    assert (f"journey/stages/the-trial.yml:{index + 1}:5: error: unknown service "
            "'samaritan' (did you mean 'samaritans'?) [unknown-reference]") in err
