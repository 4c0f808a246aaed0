"""The content editors' workflow: review dates, starting new content, GitHub annotations,
links to other sites, editor tooling, the pull-request pipeline and the editors' guide."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from days import CONTENT_DAY, ROUTINE_WARNINGS, years_later
from deadline_table import long_date
from victim_journey.cli.check_links import check_url, dead_link_problems, external_links
from victim_journey.cli.main import main as cli_main
from victim_journey.cli.new import template_text
from victim_journey.content.journey import load_journey
from victim_journey.pipeline import check_content
from victim_journey.problems import Severity, error
from victim_journey.render.site import render_site
from victim_journey.site_check.serve import serve_directory

ROOT = Path(__file__).resolve().parent.parent
# The live content is checked as of the day it was last reviewed (tests/days.py), so a
# routine review never puts a review date after the tests' day.
TODAY = CONTENT_DAY.isoformat()


def run(capsys: pytest.CaptureFixture[str], project: Path, *args: str
        ) -> tuple[int, str, str]:
    status = cli_main(["--root", str(project), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def set_field(path: Path, field: str, value: str) -> int:
    """Replace a top-level one-line field; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
    lines[index] = f"{field}: {value}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


# --- review dates ------------------------------------------------------------------------

def test_overdue_review_is_a_warning_naming_file_and_review(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Overdue informs, never blocks: the old page stays live either way, so stopping
    validate (and the build) would only stop fixes."""
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    line = set_field(stage, "last_reviewed", "2024-01-15")
    status, _, err = run(capsys, content_copy, "validate", "--today", TODAY)
    assert status == 0, err
    overdue = [x for x in err.splitlines() if x.endswith("[review-overdue]")]
    assert len(overdue) == 1, err
    assert overdue[0].startswith(f"journey/stages/the-trial.yml:{line}:16: warning: ")
    assert "review" in overdue[0] and "due 2025-01-15" in overdue[0]


def test_review_due_soon_is_a_warning_and_validate_passes(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stage = content_copy / "journey" / "services" / "refuge.yml"
    due = CONTENT_DAY + dt.timedelta(days=19)
    reviewed = years_later(due, -1)
    line = set_field(stage, "last_reviewed", reviewed.isoformat())  # due in about 19 days
    status, _, err = run(capsys, content_copy, "validate", "--today", TODAY)
    assert status == 0, err
    assert f"journey/services/refuge.yml:{line}:" in err and "[review-due]" in err


def test_a_file_may_set_its_own_review_interval(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    set_field(stage, "last_reviewed", "2026-04-01")
    stage.write_text(stage.read_text(encoding="utf-8") + "\nreview_interval_months: 6\n",
                     encoding="utf-8")
    status, _, err = run(capsys, content_copy, "validate", "--today", TODAY)
    assert status == 0 and "due 2026-10-01" in err and "[review-overdue]" in err


def test_review_report_lists_soonest_first(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_field(content_copy / "journey" / "services" / "refuge.yml", "last_reviewed",
              "2025-01-10")
    status, out, _ = run(capsys, content_copy, "review-report", "--today", TODAY)
    rows = out.split("\n\n")[0].splitlines()[1:]  # the review dates, before the translations
    assert status == 0 and rows
    assert rows[0].split()[:2] == ["2026-01-10", "overdue"]
    assert rows[0].endswith("journey/services/refuge.yml")
    dues = [row.split()[0] for row in rows]
    assert dues == sorted(dues)


def test_every_generated_page_shows_when_it_was_reviewed_and_by_whom(
        built_site: Path) -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    for page in render_site(journey):
        day = dt.date.fromisoformat(page.meta["last_reviewed"])
        folder = page.path.removesuffix(".md").removesuffix("index")
        html = (built_site / folder / "index.html").read_text(encoding="utf-8")
        assert re.search(
            rf'Last reviewed: <time datetime="{day.isoformat()}">{long_date(day)}</time>, '
            rf"by {re.escape(page.meta['owner'])}\.", html), page.path


def test_long_date_reads_like_a_person_writes_it() -> None:
    assert long_date(dt.date(2026, 3, 3)) == "3 March 2026"


# --- validate --format github ------------------------------------------------------------

def test_github_format_prints_one_annotation_per_problem(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    line = set_field(stage, "last_reviewed", "2024-01-15")
    status, out, _ = run(capsys, content_copy, "validate", "--today", TODAY,
                         "--format", "github")
    assert status == 0
    assert out.splitlines() == [
        f"::warning file=journey/stages/the-trial.yml,line={line},col=16,"
        f"title=review-overdue::review overdue: last reviewed 2024-01-15, due 2025-01-15; "
        "Victim journey content team should check the page is still true, then update "
        "'last_reviewed' [review-overdue]"]


def test_github_format_escapes_what_would_break_an_annotation() -> None:
    problem = error("journey/site.yml", 3, 1, "100% sure\nnext line", "bad-value")
    assert problem.format_github() == ("::error file=journey/site.yml,line=3,col=1,"
                                       "title=bad-value::100%25 sure%0Anext line [bad-value]")


# --- victim-journey new ------------------------------------------------------------------

def test_new_service_validates_at_once_with_warnings_only(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, content_copy, "new", "service", "some-id", "--today", TODAY)
    assert status == 0, err
    written = content_copy / "journey" / "services" / "some-id.yml"
    assert written.is_file() and "wrote journey/services/some-id.yml" in err
    status, _, err = run(capsys, content_copy, "validate", "--today", TODAY)
    assert status == 0, err
    problems = check_content(content_copy / "journey", root=content_copy,
                             today=dt.date.fromisoformat(TODAY),
                             docs_dir=content_copy / "docs").problems
    mine = [p for p in problems if p.path == "journey/services/some-id.yml"]
    assert mine and {(p.severity, p.code) for p in mine} == {(Severity.WARNING, "placeholder")}
    # The new service has no Welsh yet: Welsh readers see its English, and editors are told.
    assert {p.code for p in problems} - ROUTINE_WARNINGS == {"placeholder"}
    assert "translation-missing" in {p.code for p in problems}
    assert [p.path for p in problems if p.code == "translation-missing"] == [
        "journey/cy/services/some-id.yml"]
    text = written.read_text(encoding="utf-8")
    assert f"last_reviewed: {TODAY}" in text and "\n  - getting-support\n" in text


def test_new_stage_is_a_draft_that_validates_at_once(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, content_copy, "new", "stage", "the-appeal", "--today", TODAY)
    assert status == 0 and "add '  - stages: [the-appeal]'" in err
    status, _, err = run(capsys, content_copy, "validate", "--today", TODAY)
    assert status == 0, err
    assert "journey/stages/the-appeal.yml:15:1: warning: stage 'the-appeal' is a draft" in err
    assert "[placeholder]" in err


def test_a_draft_in_the_route_or_linked_from_a_page_is_an_error(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, content_copy, "new", "stage", "the-appeal", "--today", TODAY)
    site = content_copy / "journey" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace(
        "  - stages: [the-outcome]", "  - stages: [the-outcome]\n  - stages: [the-appeal]"),
        encoding="utf-8")
    trial = content_copy / "journey" / "stages" / "the-trial.yml"
    text = trial.read_text(encoding="utf-8")
    assert "\nnext:\n  - stage: " in text
    trial.write_text(text.replace("\nnext:\n", "\nnext:\n  - stage: the-appeal\n"
                                  "    when: if you appeal\n", 1), encoding="utf-8")
    line = trial.read_text(encoding="utf-8").split("\n").index("  - stage: the-appeal") + 1
    status, _, err = run(capsys, content_copy, "validate", "--today", TODAY)
    assert status == 1
    drafts = [x for x in err.splitlines() if x.endswith("[draft]") and ": error: " in x]
    assert [x.split(": error: ")[0] for x in drafts] == [
        "journey/stages/the-appeal.yml:15:1", f"journey/stages/the-trial.yml:{line}:12"], err


@pytest.mark.parametrize(("args", "expected"), [
    (["stage", "the-trial"], "journey/stages/the-trial.yml already exists"),
    (["service", "Some_Id"], "'Some_Id' is not a valid id"),
    (["service", "index"], "'index' is kept for the site's own pages"),
])
def test_new_refuses_an_existing_or_bad_id_in_one_line(
        content_copy: Path, capsys: pytest.CaptureFixture[str], args: list[str],
        expected: str) -> None:
    before = sorted(p.name for p in (content_copy / "journey").rglob("*"))
    status, _, err = run(capsys, content_copy, "new", *args)
    assert status == 1
    assert len(err.strip().splitlines()) == 1 and expected in err
    assert re.search(r"\[(duplicate-id|bad-id)\]$", err.strip())
    assert sorted(p.name for p in (content_copy / "journey").rglob("*")) == before


@pytest.mark.parametrize(("kind", "folder"), [("stage", "stages"), ("service", "services")])
def test_new_item_templates_name_their_schema_and_match_it(
        content_copy: Path, capsys: pytest.CaptureFixture[str], kind: str,
        folder: str) -> None:
    run(capsys, content_copy, "new", kind, "some-id", "--today", TODAY)
    text = (content_copy / "journey" / folder / "some-id.yml").read_text(encoding="utf-8")
    modeline = text.splitlines()[0]
    assert modeline.startswith("# yaml-language-server: $schema=")
    # Resolved from where the file sits in the real project, as the editor resolves it.
    schema_path = (ROOT / "journey" / folder / modeline.split("=", 1)[1]).resolve()
    assert schema_path == ROOT / "schema" / f"{kind}.schema.json"
    data = yaml.safe_load(text)
    data["last_reviewed"] = data["last_reviewed"].isoformat()
    jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    assert "TODO:" in template_text(kind)


# --- links to other sites ----------------------------------------------------------------

@pytest.mark.parametrize(("link", "message"), [
    ("[the CPS](http://www.cps.gov.uk)", "links must start with https://"),
    ("[the CPS](https://cps)", "is not a well-formed web address"),
    ("[the CPS](https://www..cps.gov.uk/)", "is not a well-formed web address"),
    ("[the CPS](javascript:alert(1))", "links must start with https://"),
])
def test_links_in_text_must_be_well_formed_https(content_copy: Path, link: str,
                                                 message: str) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    lines = stage.read_text(encoding="utf-8").split("\n")
    index = lines.index("how_long: |")
    lines.insert(index + 1, f"  Read more from {link}.\n")
    stage.write_text("\n".join(lines), encoding="utf-8")
    problems = check_content(content_copy / "journey", root=content_copy,
                             docs_dir=content_copy / "docs").problems
    found = [p for p in problems if p.code == "bad-link"]
    assert [(p.path, p.line) for p in found] == [("journey/stages/the-trial.yml", index + 2)]
    assert message in found[0].message


@pytest.mark.parametrize("url", ["http://www.cps.gov.uk/", "https://cps", "https://-x.org/"])
def test_web_address_fields_must_be_well_formed_https(content_copy: Path, url: str) -> None:
    service = content_copy / "journey" / "services" / "refuge.yml"
    text = service.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(  website: ).*$", rf"\g<1>{url}", text, count=1)
    service.write_text(text, encoding="utf-8")
    problems = check_content(content_copy / "journey", root=content_copy,
                             docs_dir=content_copy / "docs").problems
    assert [p.code for p in problems if p.path.endswith("refuge.yml")] == ["bad-url"]


def test_check_links_finds_every_external_address_at_its_line() -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    links = external_links(journey)
    assert any(link.path.startswith(("journey/stages/", "journey/services/")) and "](https://"
               in (ROOT / link.path).read_text(encoding="utf-8").split("\n")[link.line - 1]
               for link in links), "no Markdown link in a stage's or service's text was found"
    for link in links:
        assert link.url.startswith("https://")
        line = (ROOT / link.path).read_text(encoding="utf-8").split("\n")[link.line - 1]
        assert link.url in line, (link, line)


def test_check_links_without_online_only_lists_them(
        capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, ROOT, "check-links")
    assert status == 0
    assert out and all(re.match(r"^journey/\S+:\d+:\d+: https://\S+$", x)
                       for x in out.splitlines())
    assert "add --online" in err


def test_online_check_reports_an_address_that_does_not_answer(tmp_path: Path) -> None:
    (tmp_path / "here.html").write_text("<p>here</p>", encoding="utf-8")
    with serve_directory(tmp_path) as base:  # loopback only: no other host is asked
        assert check_url(base + "here.html", timeout=5) is None
        assert "404" in (check_url(base + "gone.html", timeout=5) or "")
        from victim_journey.cli.check_links import ExternalLink

        problems = dead_link_problems([ExternalLink("journey/site.yml", 4, 3,
                                                    base + "gone.html")], timeout=5)
    assert [p.format_text().split(": ", 1)[0] for p in problems] == ["journey/site.yml:4:3"]
    assert problems[0].code == "dead-link"


# --- editor tooling, the pipeline and the guide ------------------------------------------

def test_vscode_maps_every_schema_to_files_that_exist() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    schemas = {f"./schema/{p.name}" for p in (ROOT / "schema").glob("*.schema.json")}
    assert set(mapping) == schemas
    for schema, globs in mapping.items():
        assert (ROOT / schema).is_file()
        assert any(list(ROOT.glob(pattern)) for pattern in globs), schema


def test_real_content_matches_the_editor_schemas() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        validator = json.loads((ROOT / schema).read_text(encoding="utf-8"))
        for pattern in globs:
            for path in ROOT.glob(pattern):
                data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")),
                                             default=str))
                jsonschema.validate(data, validator)


def workflow(name: str) -> dict[str, object]:
    loaded = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text("utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def steps_of(job: dict[str, object]) -> list[dict[str, object]]:
    steps = job["steps"]
    assert isinstance(steps, list)
    return steps


def test_test_workflow_runs_the_readme_command_and_keeps_the_reports() -> None:
    flow = workflow("test.yml")
    triggers = flow[True]  # PyYAML reads the key 'on' as True
    assert isinstance(triggers, dict) and {"pull_request", "push"} <= set(triggers)
    steps = steps_of(flow["jobs"]["test"])  # type: ignore[index]
    runs = [str(s.get("run", "")) for s in steps]
    assert "scripts/test" in runs
    assert any("victim-journey validate --format github" in r for r in runs)
    uses = {str(s.get("uses", "")).split("@")[0]: s for s in steps if "uses" in s}
    assert uses["actions/setup-python"]["with"]["cache"] == "pip"  # type: ignore[index]
    assert uses["actions/setup-node"]["with"]["cache"] == "npm"  # type: ignore[index]
    uploaded = {str(s["with"]["path"]) for s in steps  # type: ignore[index]
                if str(s.get("uses", "")).startswith("actions/upload-artifact")}
    assert uploaded == {"reports/", "site/"}
    for script in ("scripts/test", "scripts/build", "scripts/setup"):
        assert (ROOT / script).is_file()


def test_deploy_workflow_builds_main_and_deploys_to_pages() -> None:
    flow = workflow("deploy.yml")
    assert flow[True]["push"]["branches"] == ["main"]  # type: ignore[index]
    jobs = flow["jobs"]
    assert isinstance(jobs, dict)
    build_steps = steps_of(jobs["build"])
    # --publish: the build refuses to run without the site's address (SITE_URL).
    build = next(s for s in build_steps if s.get("run") == "scripts/build --publish")
    assert "SITE_URL" in build["env"]
    upload = next(s for s in build_steps
                  if str(s.get("uses", "")).startswith("actions/upload-pages-artifact"))
    assert upload["with"] == {"path": "site/"}
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    assert str(steps_of(deploy)[0]["uses"]).startswith("actions/deploy-pages")


ERROR_CODES = (
    "yaml-syntax", "not-utf8", "empty-file", "not-a-mapping", "yaml-alias", "duplicate-key",
    "unknown-key", "missing-field", "wrong-type", "bad-date", "bad-id", "bad-url",
    "bad-phone", "empty-value", "bad-value", "unknown-reference", "duplicate-id",
    "not-in-route", "route-loop", "unreachable-stage", "raw-html", "bad-link",
    "broken-link", "image", "heading-in-text", "review-overdue", "review-due",
    "long-sentence", "avoid-word", "hard-to-read", "placeholder", "draft", "dead-link",
    "not-text", "hidden-character", "too-deep", "outside-project", "bad-file-name",
    "bad-placeholder",
    "duplicate-stage-note", "note-on-skipped-stage", "situation-not-findable",
    "situation-not-neutral",
)


def test_contributing_explains_every_error_code() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z0-9-]+)`", guide, re.MULTILINE))
    listed |= {code for row in re.findall(r"^\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)+) \|", guide,
                                          re.MULTILINE)
               for code in re.findall(r"`([a-z0-9-]+)`", row)}
    assert set(ERROR_CODES) <= listed
    # And no code is listed that the tool cannot give.
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "scripts" / "victim_journey").rglob("*.py"))
    assert sorted(c for c in listed if f'"{c}"' not in source) == []


def test_contributing_covers_what_editors_need() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("## Change a stage", "## Add a support service", "## Preview your change",
                    "## Read an error", "## Review dates", "## Add or change a situation"):
        assert heading in guide
    assert "victim-journey new service" in guide and "mkdocs serve" in guide
