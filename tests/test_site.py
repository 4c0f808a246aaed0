"""One integration build of the real journey/ with --strict, and what it must contain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from days import CONTENT_DAY, ROUTINE_WARNINGS
from sitecheck import parse, resolve
from victim_journey.cli.main import main as cli_main
from victim_journey.pipeline import check_content
from victim_journey.problems import Severity
from victim_journey.publish.schema import write_schemas

ROOT = Path(__file__).resolve().parent.parent
STAGES = sorted(p.stem for p in (ROOT / "journey" / "stages").glob("*.yml"))
SERVICES = sorted(p.stem for p in (ROOT / "journey" / "services").glob("*.yml"))


def test_real_content_has_no_errors() -> None:
    problems = check_content(ROOT / "journey", root=ROOT, today=CONTENT_DAY,
                             docs_dir=ROOT / "docs").problems
    errors = [p.format_text() for p in problems if p.severity is Severity.ERROR]
    assert errors == []
    assert {p.code for p in problems} <= ROUTINE_WARNINGS


def test_committed_json_schemas_are_current() -> None:
    assert write_schemas(ROOT / "schema", check_only=True) == [], \
        "run 'victim-journey schema' and commit schema/"


def test_route_has_all_eight_seed_items() -> None:
    # At least these: an editor may add a stage.
    assert set(STAGES) >= {"reporting-a-crime", "the-charging-decision", "no-charge-police",
                           "no-charge-cps", "after-a-charge", "the-trial", "the-outcome",
                           "getting-support"}


def test_expected_pages_exist(built_site: Path) -> None:
    expected = ["index.html", "rights/index.html", "glossary/index.html",
                "services/index.html"]
    expected += [f"stages/{s}/index.html" for s in STAGES]
    expected += [f"services/{s}/index.html" for s in SERVICES]
    missing = [path for path in expected if not (built_site / path).is_file()]
    assert missing == []


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    broken = []
    pages = sorted(built_site.rglob("*.html"))
    parsed = {page: parse(page) for page in pages}
    for page, parser in parsed.items():
        for href in parser.links:
            target = resolve(built_site, page, href)
            if target is None:
                continue
            path, anchor = target
            if not path.is_file():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
            elif anchor and path.suffix == ".html":
                ids = parsed[path].ids if path in parsed else parse(path).ids
                if anchor not in ids:
                    broken.append(f"{page.relative_to(built_site)} -> {href} (no anchor)")
    assert broken == []


def test_each_stage_page_marks_itself_current(built_site: Path) -> None:
    titles = {sid: yaml.safe_load((ROOT / "journey/stages" / f"{sid}.yml").read_text())["title"]
              for sid in STAGES}
    for sid in STAGES:
        html = (built_site / "stages" / sid / "index.html").read_text()
        parser = parse(built_site / "stages" / sid / "index.html")
        steps = [c for c in parser.current if c.get("aria-current") == "step"]
        assert len(steps) == 1, sid
        marked = html.split('aria-current="step"', 1)[1].split("</li>", 1)[0]
        assert titles[sid].replace("'", "&#39;") in marked or titles[sid] in marked, sid


def test_rights_page_has_all_rights_with_stable_anchors(built_site: Path) -> None:
    rights = yaml.safe_load((ROOT / "journey" / "rights.yml").read_text())["rights"]
    assert rights  # however many the Victims' Code has
    ids = parse(built_site / "rights" / "index.html").ids
    assert {r["id"] for r in rights} <= ids
    # Every stage page links to at least one right, through those anchors.
    for sid in STAGES:
        links = parse(built_site / "stages" / sid / "index.html").links
        assert any("rights/#" in link for link in links), sid


def test_glossary_has_an_anchor_per_term(built_site: Path) -> None:
    terms = yaml.safe_load((ROOT / "journey" / "glossary.yml").read_text())["terms"]
    assert {t["id"] for t in terms} <= parse(built_site / "glossary" / "index.html").ids


def test_services_index_groups_by_stage(built_site: Path) -> None:
    parser = parse(built_site / "services" / "index.html")
    assert {f"at-{sid}" for sid in STAGES} <= parser.ids
    for sid in SERVICES:
        assert any(link.rstrip("/").endswith(sid) for link in parser.links), sid


def test_journey_text_is_in_the_page_body_for_search(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"stages/{sid}/" for sid in STAGES} <= locations


def _break(project: Path) -> None:
    stage = project / "journey" / "stages" / "the-trial.yml"
    stage.write_text(stage.read_text().replace("title:", "titel:", 1))


def test_bad_content_stops_the_build_and_keeps_the_old_site(content_copy: Path) -> None:
    site = content_copy / "site"
    site.mkdir()
    (site / "marker.html").write_text("previous site")
    _break(content_copy)
    status = cli_main(["--root", str(content_copy), "build", "--no-a11y"])
    assert status == 1
    assert [p.name for p in site.iterdir()] == ["marker.html"]


def test_plain_mkdocs_build_refuses_bad_content_without_traceback(content_copy: Path) -> None:
    _break(content_copy)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
         str(content_copy / "mkdocs.yml")],
        capture_output=True, text=True, cwd=content_copy, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "journey/stages/the-trial.yml:1:1: error: unknown field 'titel' " \
           "(did you mean 'title'?) [unknown-key]" in output
    assert "Traceback" not in output
    assert not (content_copy / "site").exists()


def test_strict_failure_after_content_checks_keeps_the_old_site(content_copy: Path) -> None:
    """A broken link in a hand-written page is only found by MkDocs --strict, after it
    has written pages: the build goes to a temporary folder, so site/ is untouched."""
    site = content_copy / "site"
    site.mkdir()
    (site / "marker.html").write_text("previous site")
    (content_copy / "docs" / "en").mkdir(parents=True, exist_ok=True)
    (content_copy / "docs" / "en" / "broken.md").write_text("# Broken\n\n[Nowhere](nowhere.md)\n")
    status = cli_main(["--root", str(content_copy), "build", "--no-a11y"])
    assert status == 1
    assert [p.name for p in site.iterdir()] == ["marker.html"]
    assert not list(content_copy.glob(".site-*"))


@pytest.mark.parametrize("title", ['Victims & "families"'])
def test_titles_are_escaped_in_the_built_html(content_copy: Path, title: str) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    text = stage.read_text()
    first_title = next(line for line in text.splitlines() if line.startswith("title:"))
    stage.write_text(text.replace(first_title, f"title: '{title}'", 1))
    site = content_copy / "out"
    assert cli_main(["--root", str(content_copy), "build", "--no-a11y",
                     "--site-dir", str(site)]) == 0
    html = (site / "stages" / "the-trial" / "index.html").read_text()
    assert "Victims &amp; &#34;families&#34;" in html
    assert 'Victims & "families"' not in html
    assert parse(site / "stages" / "the-trial" / "index.html").title.startswith(title)


def test_every_stage_page_shows_help_now_from_the_service_files(built_site: Path) -> None:
    """Phone numbers are written once, in the service's file; every stage page shows them."""
    site_settings = yaml.safe_load((ROOT / "journey" / "site.yml").read_text())
    phones = [phone["number"].replace(" ", "")
              for sid in site_settings["help_now"]
              for phone in yaml.safe_load(
                  (ROOT / "journey" / "services" / f"{sid}.yml").read_text())
              ["contact"].get("phones", [])]
    assert phones, "help_now should name at least one service with a phone number"
    for sid in STAGES:
        html = (built_site / "stages" / sid / "index.html").read_text()
        assert 'id="help-now"' in html, sid
        for number in phones:
            assert f'href="tel:{number}"' in html, (sid, number)
