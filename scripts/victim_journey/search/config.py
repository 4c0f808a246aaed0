"""How the site's search is tuned: which pages rank higher, which are left out, and how
a typed question is split into words.

Material for MkDocs searches in the browser with lunr. It adds a trailing wildcard to
every word typed ("my" becomes "my*") and lunr then skips its stop-word filter for that
word, so a question such as "do I have to see him in court" would match every word that
starts with "i", "in", "to" or "do". The index never holds those common words (lunr drops
them while indexing), so they can only add noise. `SEPARATOR` makes lunr treat them as
spaces, in the question and in the pages alike.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from victim_journey.pages import A_TO_Z_PAGE, HOME_PAGE, PRINT_PAGE, SERVICES_INDEX

# lunr 2.3's English stop words (lunr.stopWordFilter): the index never contains them.
STOP_WORDS = frozenset((
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot",
    "could", "dear", "did", "do", "does", "either", "else", "ever", "every", "for", "from",
    "get", "got", "had", "has", "have", "he", "her", "hers", "him", "his", "how",
    "however", "i", "if", "in", "into", "is", "it", "its", "just", "least", "let", "like",
    "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor", "not",
    "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather", "said",
    "say", "says", "she", "should", "since", "so", "some", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "tis", "to", "too", "twas", "us",
    "wants", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "yet", "you", "your",
))

# Spaces, hyphens and punctuation split words, as do the endings of "don't" or "CPS's":
# otherwise "(NFA)" would be one word and "Women's" would leave an "s" that matches
# everything. Material's default is only spaces and hyphens. The index holds escaped
# HTML, so "&amp;" is a separator too, not the word "amp".
# (\u2019 and the like are curly quotes and dashes, written so that both Python's re and
# the browser's RegExp read them.)
ENGLISH_CONTRACTIONS = ("s", "t", "re", "ve", "ll", "d", "m")


def _punctuation(contractions: tuple[str, ...]) -> str:
    endings = "|".join(contractions)
    return (rf"(?:['\u2019](?:{endings})(?![a-z])|&(?:[a-z]+|#[0-9]+);"
            r"|[\s\-\u2013\u2014,.;:!?()\[\]{}\"\u201c\u201d\u2018\u2019'/&+])+")


def _any_case_first_letter(word: str) -> str:
    # The separator has no flags in the browser (Material builds `new RegExp(separator)`),
    # and a question often starts with a capital letter.
    first = word[0]
    return f"[{first.upper()}{first}]{re.escape(word[1:])}"


def separator(stop_words: frozenset[str] = STOP_WORDS,
              contractions: tuple[str, ...] = ENGLISH_CONTRACTIONS) -> str:
    """The `separator` for Material's search plugin in mkdocs.yml (and mkdocs.cy.yml)."""
    stop = "|".join(_any_case_first_letter(word) for word in sorted(stop_words))
    return rf"{_punctuation(contractions)}|\b(?:{stop})\b"


SEPARATOR = separator()

# Welsh: lunr has no Welsh stemmer or stop-word list, so mkdocs.cy.yml indexes Welsh words
# as they are (`pipeline: [trimmer]`: no English stemming, no English stop words, which
# would drop Welsh words such as "am" or "on"). The commonest Welsh words split words
# instead, for the same reason as the English ones above: "beth sy'n digwydd yn y llys"
# would otherwise match every word that starts with "y" or "yn". The list is short on
# purpose: only words that carry no meaning a reader searches for. (Not "â": in the
# browser, \b does not see letters outside A to Z as part of a word.)
WELSH_STOP_WORDS = frozenset((
    "a", "ac", "am", "ar", "at", "beth", "i", "mae", "o", "pa", "pan", "pam", "pryd", "sut",
    "sy", "sydd", "wedi", "y", "ydw", "ydy", "yn", "yr", "yw", "fy", "eich", "ei", "eu",
    "ein", "ag", "gan", "dros", "fel", "neu",
))
# Welsh also shortens words with an apostrophe ("sy'n", "i'r"): split there too.
WELSH_CONTRACTIONS = ("n", "r", "m", "i", "w", "s", "t", "re", "ve", "ll", "d")
WELSH_SEPARATOR = separator(WELSH_STOP_WORDS, WELSH_CONTRACTIONS)

# The field in the search index that holds an item's also_known_as words. mkdocs.yml gives
# it the same weight as a title, because the words are other names for the item.
WORDS_FIELD = "words"

# Per-page search settings, by the page's path. A stage page explains a step in full, so
# it should rank above a passing mention elsewhere. Pages made only of what other pages
# say (the home page's steps, the list of services, the whole guide to print, the A to Z)
# are left out, so that they do not crowd the results or swell the index.
STAGE_BOOST = 2.0
# The crisis page ("If you are in danger now, call 999") must come first for the words a
# frightened reader types ("he hurt me", "scared"). Other pages share some of those words
# (restorative justice: "talk to the person who hurt me"), and its long list of words
# weighs each one less, so it is boosted above any stage.
CRISIS_BOOST = 3.0
CRISIS_PAGE_SEARCH = {"search": {"boost": CRISIS_BOOST}}  # front matter, as below
EXCLUDED_PAGES = frozenset({HOME_PAGE, SERVICES_INDEX, PRINT_PAGE, A_TO_Z_PAGE})


def page_search_meta(page: str) -> dict[str, Any]:
    """Front matter for Material's search (`search: {boost: N}` or `{exclude: true}`)."""
    if page in EXCLUDED_PAGES:
        return {"search": {"exclude": True}}
    if posixpath.dirname(page) == "stages":
        return {"search": {"boost": STAGE_BOOST}}
    return {}


def search_words_in(text: str) -> list[str]:
    """The words search keeps from `text`, split the way the browser splits them."""
    return [part.casefold() for part in re.split(SEPARATOR, text) if part]
