"""One content check for a whole build (content_handoff.py): `victim-journey build` hands
each language's MkDocs build the edition it checked, and a build uses it only while the
content and the day are still what was checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from days import CONTENT_DAY
from victim_journey.clock import DAY_FOR_CHILD
from victim_journey.content.languages import ENGLISH, WELSH
from victim_journey.content_handoff import (
    HANDOFF_VARIABLE,
    CheckForBuild,
    check_for_build,
    handed_over_edition,
    write_handoff,
)
from victim_journey.pipeline import CheckedContent, stops_a_build
from victim_journey.problems import error, warning

ROOT = Path(__file__).resolve().parent.parent


def _check(project: Path, day: dt.date = CONTENT_DAY) -> CheckForBuild:
    return check_for_build(project / "journey", root=project, docs_dir=project / "docs",
                           today=day)


def _handed_over(project: Path, language=WELSH, day: dt.date = CONTENT_DAY):  # type: ignore[no-untyped-def]
    return handed_over_edition(language, content_dir=project / "journey",
                               docs_dir=project / "docs", today=day)


@pytest.fixture
def handed_over(content_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                ) -> CheckForBuild:
    """The copy's content checked as `victim-journey build` checks it, and handed over
    in this process's environment, as the command sets it for its builds."""
    checked = _check(content_copy)
    folder = tmp_path / "handoff"
    folder.mkdir()
    for name, value in write_handoff(checked, folder).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv(DAY_FOR_CHILD, CONTENT_DAY.isoformat())
    return checked


def _page_texts(pages: list) -> dict[str, str]:  # type: ignore[type-arg]
    return {page.path: page.markdown for page in pages}


@pytest.mark.parametrize("language", [ENGLISH, WELSH], ids=lambda language: language.code)
def test_each_build_gets_the_edition_that_was_checked(
        content_copy: Path, handed_over: CheckForBuild, language) -> None:  # type: ignore[no-untyped-def]
    edition = _handed_over(content_copy, language)
    assert edition is not None and edition.language == language
    checked = handed_over.checked.editions[language.code]
    assert _page_texts(edition.pages) == _page_texts(checked.pages)
    assert len(edition.pages) > 50
    assert edition.journey.site == checked.journey.site


def test_the_plugin_uses_the_handoff_and_checks_nothing(
        content_copy: Path, handed_over: CheckForBuild,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.config import load_config

    from victim_journey.mkdocs_plugin import plugin as plugin_module

    def no_check(*_: object, **__: object) -> None:
        raise AssertionError("the build checked the content again")

    monkeypatch.setattr(plugin_module, "check_content", no_check)
    config = load_config(str(content_copy / "mkdocs.cy.yml"))
    plugin = config.plugins["victim-journey"]
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    assert _page_texts(plugin.pages) == _page_texts(handed_over.checked.editions["cy"].pages)
    # `mkdocs serve` always checks: an editor's saves must show.
    serving = load_config(str(content_copy / "mkdocs.cy.yml"))
    serving.plugins["victim-journey"].on_startup(command="serve", dirty=False)
    with pytest.raises(AssertionError, match="checked the content again"):
        serving.plugins["victim-journey"].on_config(serving)


def test_a_file_saved_after_the_check_makes_the_build_check_again(
        content_copy: Path, handed_over: CheckForBuild) -> None:
    from mkdocs.config import load_config

    stage = content_copy / "journey/stages/the-trial.yml"
    stage.write_text(stage.read_text(encoding="utf-8").replace(
        "\nsummary: ", "\nsummary: Seen by the heron. ", 1), encoding="utf-8")
    assert _handed_over(content_copy, ENGLISH) is None
    config = load_config(str(content_copy / "mkdocs.yml"))
    plugin = config.plugins["victim-journey"]
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    assert any("Seen by the heron." in page.markdown for page in plugin.pages)


def test_a_hand_written_page_saved_after_the_check_counts_too(
        content_copy: Path, handed_over: CheckForBuild) -> None:
    page = next((content_copy / "docs/en").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert _handed_over(content_copy, ENGLISH) is None


def test_another_day_or_no_handoff_means_the_build_checks(
        content_copy: Path, handed_over: CheckForBuild,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert _handed_over(content_copy) is not None
    # Review dates are checked against the day, so a handoff is for its day only.
    assert _handed_over(content_copy, day=CONTENT_DAY + dt.timedelta(days=1)) is None
    monkeypatch.delenv(HANDOFF_VARIABLE)
    assert _handed_over(content_copy) is None
    monkeypatch.setenv(HANDOFF_VARIABLE, str(content_copy / "no-such-folder"))
    assert _handed_over(content_copy) is None


def _checked_with(*problems) -> CheckForBuild:  # type: ignore[no-untyped-def]
    return CheckForBuild("fingerprint", CheckedContent(None, list(problems), []))


def test_only_content_a_build_accepts_is_handed_over(tmp_path: Path) -> None:
    review = warning("journey/stages/the-trial.yml", 3, 1, "review due", "review-due")
    placeholder = warning("journey/stages/the-trial.yml", 4, 1, "TODO", "placeholder")
    broken = error("journey/stages/the-trial.yml", 5, 1, "broken", "bad-reference")
    assert not stops_a_build(review)
    assert stops_a_build(placeholder) and stops_a_build(broken)
    assert write_handoff(_checked_with(review), tmp_path) == {HANDOFF_VARIABLE: str(tmp_path)}
    for problem in (placeholder, broken):
        folder = tmp_path / problem.code
        folder.mkdir()
        assert write_handoff(_checked_with(review, problem), folder) == {}
        assert list(folder.iterdir()) == []


def test_the_command_stops_before_building_on_a_warning_a_build_refuses(
        content_copy: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Every language's MkDocs build is strict, and refuses the content's warnings but
    review dates and translation gaps: the command now says so before building."""
    from victim_journey.cli import build
    from victim_journey.cli.main import main

    def no_build(*_: object, **__: object) -> str:
        raise AssertionError("built content that a build refuses")

    monkeypatch.setattr(build, "build_all", no_build)
    stage = content_copy / "journey/stages/the-trial.yml"
    stage.write_text(stage.read_text(encoding="utf-8").replace(
        "\nsummary: ", "\nsummary: TODO. ", 1), encoding="utf-8")
    status = main(["--root", str(content_copy), "build", "--no-a11y",
                   "--today", CONTENT_DAY.isoformat()])
    err = capsys.readouterr().err
    assert status == 1
    assert "journey/stages/the-trial.yml:" in err and "[placeholder]" in err
    assert "build stopped before writing anything: 0 errors" in err
    assert not (content_copy / "site").exists()


# The whole site, byte for byte, is the same either way: the test run's site is built with
# the handoff (conftest.py), and tests/test_any_day.py builds it again in its own process,
# where each language's build checks the content itself, and compares every file.
