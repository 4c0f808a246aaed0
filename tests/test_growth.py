"""The content grows without limits: many local services (synthetic local branches, as
bench.py makes them) are valid content, stage pages stay short, the directory lists them
by area, and the readability gates judge only what editors write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from days import CONTENT_DAY
from test_plain_english import HARD_WORDS
from victim_journey.cli.bench.local_branches import AREAS, CHARITIES, local_branches
from victim_journey.cli.bench.projects import make_project
from victim_journey.pipeline import CheckedContent, check_content
from victim_journey.problems import Severity
from victim_journey.render.service_areas import A_TO_Z_LOCAL_LIMIT, area_anchor, areas

ROOT = Path(__file__).resolve().parent.parent
LOCAL_COUNT = 60  # 6 branches of each of the 10 charities


def errors(checked: CheckedContent) -> list[str]:
    return [p.format_text() for p in checked.problems if p.severity is Severity.ERROR]


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CheckedContent]:
    project = make_project(ROOT, tmp_path_factory.mktemp("grown") / "p", LOCAL_COUNT)
    return project, check_content(project / "journey", root=project, today=CONTENT_DAY,
                                  docs_dir=project / "docs")


def pages_of(checked: CheckedContent, language: str = "en") -> dict[str, str]:
    return {page.path: page.markdown for page in checked.editions[language].pages}


def test_local_branches_have_their_own_names_and_areas() -> None:
    branches = list(local_branches(1500, ["a", "b", "c", "d"], owner="Team",
                                   last_reviewed="2026-01-01"))
    assert len({b.file_name for b in branches}) == 1500
    assert len({b.data["name"] for b in branches}) == 1500
    assert len({b.data["area"] for b in branches}) == len(AREAS) == 150
    assert {b.data["provider"] for b in branches} == {name for name, _ in CHARITIES}


def test_many_local_services_are_valid_content(grown: tuple[Path, CheckedContent]) -> None:
    _, checked = grown
    assert errors(checked) == []


def test_a_stage_page_lists_national_services_and_links_to_local_ones_by_area(
        grown: tuple[Path, CheckedContent]) -> None:
    project, checked = grown
    local_ids = {p.stem for p in (project / "journey" / "services").glob("*.yml")} - {
        p.stem for p in (ROOT / "journey" / "services").glob("*.yml")}
    for path, markdown in pages_of(checked).items():
        if not path.startswith("stages/"):
            continue
        linked = set(re.findall(r"\(\.\./services/([a-z0-9-]+)\.md\)", markdown))
        assert not linked & local_ids, path
    trial = pages_of(checked)["stages/the-trial.md"]
    assert trial.count("(../services/index.md#local-services)") == 1
    assert "Find a local service by area" in trial
    assert "(../services/victim-support.md)" in trial  # a national service stays listed
    welsh = pages_of(checked, "cy")["stages/the-trial.md"]
    assert "(../services/index.md#local-services)" in welsh


def test_the_directory_lists_local_services_by_area(
        grown: tuple[Path, CheckedContent]) -> None:
    _, checked = grown
    directory = pages_of(checked)["services/index.md"]
    local_part = directory.split('id="local-services"', 1)[1]
    for branch in local_branches(LOCAL_COUNT, ["x"], owner="", last_reviewed=""):
        anchor = area_anchor(branch.data["area"])
        assert f"(#{anchor})" in local_part  # in the list of areas
        section = local_part.split(f'id="{anchor}"', 1)[1].split("<h3", 1)[0]
        assert f"[{escape(branch.data['name'])}](" in section
    # The list of every service and the groups by stage keep to national services.
    national_part = directory.split('id="local-services"', 1)[0]
    assert "Safe Harbour" not in national_part and "[Victim Support](" in national_part


def test_a_word_many_branches_share_is_one_short_a_to_z_entry(
        grown: tuple[Path, CheckedContent]) -> None:
    _, checked = grown
    a_to_z = pages_of(checked)["a-to-z.md"]
    entry = next(line for line in a_to_z.splitlines() if line.startswith("- Help near me"))
    assert entry == ("- Help near me: [Find a local service by area]"
                     "(services/index.md#local-services)")
    assert LOCAL_COUNT > A_TO_Z_LOCAL_LIMIT
    # Each branch is still in the A to Z under its own name.
    assert "[Safe Harbour Barnsley North](services/safe-harbour-barnsley-north.md)" in a_to_z


def test_the_printed_guide_gives_national_services_and_the_way_to_local_ones(
        grown: tuple[Path, CheckedContent]) -> None:
    printed = pages_of(grown[1])["print.md"]
    assert "Safe Harbour" not in printed
    assert "(services/index.md#local-services)" in printed


def test_areas_are_sorted_with_unique_anchors() -> None:
    branches = [(f"s{i}", b) for i, b in enumerate(["Leeds North", "Bath", "leeds-north"])]

    class Fake:  # just what areas() reads
        def __init__(self, area: str) -> None:
            self.area, self.name = area, f"Service in {area}"

    found = areas([(sid, Fake(area)) for sid, area in branches])  # type: ignore[misc]
    assert [a.name for a in found] == ["Bath", "Leeds North", "leeds-north"]
    assert len({a.anchor for a in found}) == 3


# --- readability: only what editors write -----------------------------------------------


def test_list_pages_are_not_scored_as_prose(grown: tuple[Path, CheckedContent]) -> None:
    _, checked = grown
    assert not [p for p in checked.problems if p.code == "hard-to-read"]
    assert not [p for p in checked.problems if p.path == "journey/site.yml"]


def test_a_hard_hand_written_page_is_reported_at_its_hardest_sentence(
        content_copy: Path) -> None:
    page = content_copy / "docs" / "en" / "privacy.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    paragraphs = [f"{sentence.rstrip('.')}." for sentence in HARD_WORDS.split(". ")]
    lines[heading + 1:heading + 1] = [part for text in paragraphs for part in ("", text)]
    page.write_text("\n".join(lines), encoding="utf-8")
    problems = check_content(content_copy / "journey", root=content_copy, today=CONTENT_DAY,
                             docs_dir=content_copy / "docs").problems
    found = [p for p in problems if p.code == "hard-to-read"]
    assert [(p.path, p.severity) for p in found] == [("docs/en/privacy.md", Severity.ERROR)]
    hardest = re.search(r'hardest sentence is: "([^"]+)"', found[0].message)
    assert hardest is not None
    assert hardest.group(1).rstrip(".") in lines[found[0].line - 1]


def test_1500_local_services_build(tmp_path: Path) -> None:
    """150 branches of each of 10 charities: the content checks pass and both languages
    build with --strict, with stage pages as short as before."""
    from victim_journey.cli.build import build_all
    from victim_journey.clock import environment_for_child

    project = make_project(ROOT, tmp_path / "p", 1500)
    checked = check_content(project / "journey", root=project, today=CONTENT_DAY,
                            docs_dir=project / "docs")
    assert errors(checked) == []
    site = tmp_path / "site"
    build_all(project, site, env=environment_for_child(CONTENT_DAY))
    services = [p for p in (site / "services").iterdir() if (p / "index.html").is_file()]
    assert len(services) == 1500 + len(list((ROOT / "journey" / "services").glob("*.yml")))
    for language in ("", "cy/"):
        trial = (site / language / "stages" / "the-trial" / "index.html").read_text(
            encoding="utf-8")
        assert trial.count('href="../../services/') < 20, language
        directory = (site / language / "services" / "index.html").read_text(encoding="utf-8")
        assert directory.count('<h3 id="area-') == len(AREAS)
