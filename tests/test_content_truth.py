"""Statements that were once wrong on the site, each checked where it is written.

A read of the content against the Victims' Code and the agencies' guidance found these
errors (issue 18). Each test reads the content model (or a hand-written page) and checks
the key statement, so that the error cannot come back unseen. Their sources are in the
YAML next to the text.
"""

from __future__ import annotations

from pathlib import Path

from victim_journey.content.journey import Journey
from victim_journey.content.model import Stage

ROOT = Path(__file__).resolve().parent.parent


def _text(stage: Stage) -> str:
    """A stage's reader-facing text, in one line, without bold markers."""
    parts = [stage.summary, stage.what_happens, stage.who_contacts_you,
             stage.what_you_can_do, stage.how_long]
    return " ".join(" ".join(parts).replace("**", "").split())


def test_where_am_i_asks_who_made_a_decision_not_who_told_you(real_journey: Journey) -> None:
    """The police often pass on a CPS decision: routing by the messenger sent readers to
    the police review page and cost them the CPS's 10-working-day window."""
    assert real_journey.questions is not None
    question = next(q for q in real_journey.questions.questions if q.id == "who-decided")
    assert "made the decision" in question.text and "told" not in question.text
    assert {a.next for a in question.answers} == {"no-charge-police", "no-charge-cps"}
    for needed in ("letter", "officer in the case", "10 working days"):
        assert needed in question.not_sure
    assert "no-charge-police.md" in question.not_sure and "no-charge-cps.md" in question.not_sure


def test_the_witness_care_unit_refers_to_the_victim_contact_scheme(
        real_journey: Journey) -> None:
    text = _text(real_journey.stages["the-outcome"])
    assert "the Witness Care Unit should refer you to the Victim Contact Scheme" in text
    assert "The Witness Care Unit should refer you to the scheme within 10 working days" in text
    assert "Mental Health Act" in text
    assert "If you were not referred, you can still ask to join" in text
    assert "probation should refer" not in text.lower()


def test_the_police_review_page_says_when_a_review_is_not_available(
        real_journey: Journey) -> None:
    text = _text(real_journey.stages["no-charge-police"])
    assert "When you cannot ask the police for a review" in text
    for case in ("a caution, a conditional caution or a community resolution",
                 "some charges were brought, but not all of them",
                 "charged with a different crime from the one the police recorded",
                 "you withdrew your support"):
        assert case in text
    assert "If you ask after 3 months, the police decide whether to review it" in text


def test_the_charging_decision_includes_out_of_court_outcomes(real_journey: Journey) -> None:
    text = _text(real_journey.stages["the-charging-decision"])
    assert "out-of-court outcome" in text
    assert "You cannot ask for a review of an out-of-court outcome" in text
    assert "three possible results" not in text


def test_no_review_is_offered_for_a_changed_charge(real_journey: Journey) -> None:
    text = _text(real_journey.stages["after-a-charge"])
    assert "You cannot ask for a review of a changed charge" in text
    assert "only covers a decision that ends the whole case" in text


def test_special_measures_eligibility_measures_and_who_applies(real_journey: Journey) -> None:
    text = _text(real_journey.stages["the-trial"])
    for group in ("everyone under 18", "complaint of a sexual offence",
                  "complaint of modern slavery", "victims of domestic abuse (since 19 May 2022)"):
        assert group in text
    for measure in ("video recording of your police interview", "Section 28",
                    "intermediary", "communication aids"):
        assert measure in text
    assert ("The police or the CPS ask the court for them for you. "
            "You do not apply yourself.") in text
    assert "Being eligible does not mean you will get special measures" in text
    assert "The court decides" in text


def test_referral_to_support_is_automatic_unless_you_say_no(real_journey: Journey) -> None:
    for sid in ("reporting-a-crime", "getting-support"):
        text = _text(real_journey.stages[sid])
        assert "unless you tell them not to" in text, sid
        assert "sexual offences and domestic abuse" in text, sid
        assert "if you want this" not in text and "You can say yes or no" not in text, sid


def test_no_witness_service_provider_is_named_without_a_source(real_journey: Journey) -> None:
    service = real_journey.services["witness-service"]
    assert service.provider is None
    written = " ".join([service.summary, service.what_they_do, service.who_they_help,
                        *service.also_known_as])
    assert "Citizens Advice" not in written
    assert "Witness Care Unit" in service.what_they_do


def test_glossary_caution_defendant_and_compensation(real_journey: Journey) -> None:
    terms = {term.id: term.definition for term in real_journey.glossary.terms}
    assert "do not have to say anything" in terms["interviewed-under-caution"]
    assert "told their rights" not in terms["interviewed-under-caution"]
    assert "offender" in terms["defendant"]
    assert "until the case ends" not in terms["defendant"]
    assert "the court must tell" not in terms["compensation"].lower()


def test_privacy_page_says_back_works_differently_without_javascript() -> None:
    for language in ("en", "cy"):
        text = (ROOT / "docs" / language / "privacy.md").read_text(encoding="utf-8")
        assert "JavaScript" in text.split("## ")[-1], language


def test_womens_aid_says_it_covers_england_and_points_to_wales(real_journey: Journey) -> None:
    service = real_journey.services["womens-aid"]
    assert "covers England only" in service.what_they_do
    assert "Welsh Women's Aid" in service.what_they_do
    assert "Live Fear Free" in service.what_they_do


def test_every_how_long_section_gives_a_figure_or_who_to_ask(real_journey: Journey) -> None:
    """'Some decisions take longer than others' told readers nothing."""
    vague = []
    for sid, stage in real_journey.stages.items():
        text = stage.how_long
        if "take longer than others" in text:
            vague.append(sid)
        has_figure = any(ch.isdigit() for ch in text)
        names_who = any(who in text for who in ("officer in the case", "Witness Care Unit",
                                                "Victim Liaison Officer", "GOV.UK"))
        if not (has_figure or names_who):
            vague.append(sid)
    assert vague == []


def test_each_new_part_of_the_route_is_published(real_journey: Journey) -> None:
    """The parts of the route that were missing are stages in the route, so the journey
    map, "Where am I?", search, print, open data and Welsh all include them."""
    new = {"bail-and-protection", "after-the-sentence", "sentence-review", "compensation",
           "restorative-justice", "enhanced-rights", "no-one-charged"}
    placed = {sid for step in real_journey.site.route for sid in step.stages}
    placed |= set(real_journey.site.throughout)
    assert new <= placed
    assert all(not real_journey.stages[sid].draft for sid in new)
    published = (ROOT / "journey" / "published-urls.txt").read_text(encoding="utf-8")
    assert all(f"/stages/{sid}/\n" in published for sid in new)
    assert all((ROOT / "journey" / "cy" / "stages" / f"{sid}.yml").is_file() for sid in new)


def test_sentence_review_time_limit_is_flagged_as_changing(real_journey: Journey) -> None:
    stage = real_journey.stages["sentence-review"]
    assert "changing" in stage.how_long
    assert stage.review_note is not None and "CHANGING" in stage.review_note
    assert stage.review_interval_months == 3
