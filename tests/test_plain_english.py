"""Plain English, checked by the tool: sentences, reading level and words to avoid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from days import CONTENT_DAY
from victim_journey.checks.plain_english import grade, plain_english_problems
from victim_journey.checks.words_to_avoid import AvoidList, load_avoid_list
from victim_journey.cli.main import main as cli_main
from victim_journey.content.journey import load_journey
from victim_journey.content.model import AvoidWord
from victim_journey.content.plain_text import sentences, strip_markdown_line
from victim_journey.pipeline import check_content
from victim_journey.problems import Severity
from victim_journey.render.environment import RenderedPage
from victim_journey.render.site import render_site

ROOT = Path(__file__).resolve().parent.parent
TODAY = CONTENT_DAY.isoformat()  # the live content: see tests/days.py

# Pasted from a legal document: one 45-word sentence with four words to avoid.
LEGAL_SENTENCE = (
    "Notwithstanding the foregoing, in respect of any decision by the prosecuting authority "
    "to discontinue proceedings prior to the commencement of the trial, the complainant shall "
    "be entitled to request a review of that decision within such period as may be "
    "prescribed by the relevant scheme."
)
# Short sentences of long words: no sentence is too long, but the text is hard to read.
HARD_WORDS = (
    "Prosecutorial determinations necessitate comprehensive evidential consideration. "
    "Investigative authorities subsequently communicate determinations electronically. "
    "Complainants occasionally experience considerable psychological disorientation. "
    "Organisational representatives facilitate individualised therapeutic interventions. "
    "Administrative documentation accompanies every determination."
)


def insert_after(path: Path, marker: str, new_line: str) -> int:
    """Insert a line after the line `marker`; return the new line's number (1-based)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index(marker)
    lines.insert(index + 1, new_line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 2


def errors_of(project: Path) -> list[str]:
    problems = check_content(project / "journey", root=project, today=CONTENT_DAY,
                             docs_dir=project / "docs").problems
    return [p.format_text() for p in problems if p.severity is Severity.ERROR]


# --- sentences, with the line each starts on ---------------------------------------------

def test_markdown_syntax_is_stripped_but_link_words_kept() -> None:
    assert strip_markdown_line("- **Ask** the [CPS](https://www.cps.gov.uk) now.") == \
        "Ask the CPS now."


def test_sentences_keep_their_line_and_list_items_stand_alone() -> None:
    text = ("The police will contact you. They will tell you what happens next.\n"
            "\n"
            "You can:\n"
            "\n"
            "- ask for an update;\n"
            "- ask for help\n"
            "That line continues the item.")
    found = [(s.text, s.line_index) for s in sentences(text)]
    assert found == [
        ("The police will contact you.", 0),
        ("They will tell you what happens next.", 0),
        ("You can:", 2),
        ("ask for an update;", 4),
        ("ask for help That line continues the item.", 5),
    ]


def test_lower_case_after_a_full_stop_is_not_a_new_sentence() -> None:
    assert len(sentences("Bring a letter, e.g. the one from the CPS. Then ask.")) == 2


def test_grade_is_higher_for_harder_text() -> None:
    easy = sentences("The police will call you. You can ask for help. It is free.")
    assert grade(sentences(HARD_WORDS)) > 12 > 2 > grade(easy)


# --- words to avoid ----------------------------------------------------------------------

def avoid(*entries: AvoidWord) -> AvoidList:
    return AvoidList(entries)


def test_words_to_avoid_match_whole_words_in_any_case() -> None:
    words = avoid(AvoidWord(avoid=["commence", "commenced"], instead="start"),
                  AvoidWord(avoid=["prior to"], instead="before"))
    found = [(entry.instead, text) for entry, text in
             words.find("The trial Commenced prior  to noon. Recommence is not it.")]
    assert found == [("start", "Commenced"), ("before", "prior  to")]


def test_an_allowed_phrase_keeps_the_word() -> None:
    words = avoid(AvoidWord(avoid=["dropped"], instead="stopped",
                            allowed_in=["sometimes called 'dropped'"]))
    assert list(words.find("The case was stopped (sometimes called \u2018dropped\u2019).")) == []
    assert [t for _, t in words.find("The case was dropped.")] == ["dropped"]


def test_the_real_list_has_the_words_the_issue_names() -> None:
    words, problems = load_avoid_list(ROOT / "journey", ROOT)
    assert problems == []
    listed = {form for entry in words.entries for form in entry.avoid}
    assert {"dropped", "discontinue", "discontinued", "commence", "prior to", "in respect of",
            "notwithstanding"} <= listed


def test_a_word_to_avoid_is_an_error_at_its_line(content_copy: Path) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    line = insert_after(stage, "what_happens: |",
                        "  The trial will commence on the day the court sets.\n")
    errors = errors_of(content_copy)
    assert any(e.startswith(f"journey/stages/the-trial.yml:{line}:") and "'commence'" in e
               and "start" in e and e.endswith("[avoid-word]") for e in errors), errors


def test_search_words_and_source_titles_may_use_words_to_avoid(content_copy: Path) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    text = stage.read_text(encoding="utf-8")
    text = text.replace("also_known_as:\n", "also_known_as:\n  - trial commenced\n", 1)
    text = text.replace("sources:\n  - title: ", "sources:\n  - title: Notwithstanding ", 1)
    stage.write_text(text, encoding="utf-8")
    assert errors_of(content_copy) == []


def test_words_to_avoid_file_is_checked_like_content(content_copy: Path) -> None:
    words = content_copy / "journey" / "words-to-avoid.yml"
    words.write_text("words:\n  - avoid: [commence]\n    insted: start\n", encoding="utf-8")
    errors = errors_of(content_copy)
    assert any(e.startswith("journey/words-to-avoid.yml:3:5:") and "did you mean 'instead'"
               in e for e in errors), errors


# --- long sentences and reading level ----------------------------------------------------

def test_long_legal_sentence_fails_validate_naming_file_and_line(
        content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stage = content_copy / "journey" / "stages" / "no-charge-police.yml"
    line = insert_after(stage, "what_you_can_do: |", f"  {LEGAL_SENTENCE}\n")
    status = cli_main(["--root", str(content_copy), "validate", "--today", TODAY])
    err = capsys.readouterr().err
    assert status == 1
    where = f"journey/stages/no-charge-police.yml:{line}:"
    long_sentence = [x for x in err.splitlines() if x.startswith(where)
                     and x.endswith("[long-sentence]")]
    assert len(long_sentence) == 1, err
    assert "45 words; the most is 25" in long_sentence[0]
    assert '"Notwithstanding the foregoing' in long_sentence[0]  # quotes the sentence
    assert "Split it into shorter sentences" in long_sentence[0]  # says what to do
    assert f"{where}" in err and "'prior to'" in err and "'in respect of'" in err
    assert "Traceback" not in err


def test_hard_text_fails_at_its_hardest_sentence(content_copy: Path) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    line = insert_after(stage, "how_long: |", "  " + HARD_WORDS.replace(
        "Complainants", "\n  Complainants") + "\n")
    errors = [e for e in errors_of(content_copy) if e.endswith("[hard-to-read]")]
    assert len(errors) == 1, errors
    assert re.match(rf"journey/stages/the-trial.yml:({line}|{line + 1}):", errors[0])
    assert "in 'how_long'" in errors[0] and "the most is grade 8" in errors[0]
    assert "The hardest sentence is: \"" in errors[0]


@pytest.mark.parametrize(("settings", "hard_to_read"), [
    ("max_grade: 2", True),  # the real content reads at grade 2 to 8: now too hard
    ("min_words_to_score: 1000", False),  # no field is that long, so none is scored
])
def test_the_limits_come_from_the_site_settings(content_copy: Path, settings: str,
                                                hard_to_read: bool) -> None:
    stage = content_copy / "journey" / "stages" / "the-trial.yml"
    insert_after(stage, "how_long: |", f"  {HARD_WORDS}\n")
    site = content_copy / "journey" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + f"plain_english:\n  {settings}\n",
                    encoding="utf-8")
    found = [e for e in errors_of(content_copy) if "[hard-to-read]" in e]
    assert bool(found) is hard_to_read, found
    if hard_to_read:  # fields of other files too, not just the one made hard
        assert len({e.split(":")[0] for e in found}) > 3


def test_a_hard_generated_page_is_reported_against_its_file() -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    hard_page = RenderedPage("stages/the-trial.md", "The trial",
                             f"---\ntitle: \"The trial\"\n---\n\n# The trial\n\n{HARD_WORDS}\n")
    problems = plain_english_problems(journey, [hard_page], AvoidList(()))
    assert [(p.path, p.line, p.code) for p in problems] == \
        [("journey/stages/the-trial.yml", 1, "hard-to-read")]
    assert "the page 'stages/the-trial.md'" in problems[0].message


def test_real_content_and_every_generated_page_are_plain_english() -> None:
    journey, _ = load_journey(ROOT / "journey", ROOT)
    assert journey is not None
    words, _ = load_avoid_list(ROOT / "journey", ROOT)
    problems = plain_english_problems(journey, render_site(journey), words)
    assert [p.format_text() for p in problems] == []
