"""Link the first use of each glossary word on a page to its meaning on the glossary page.

A plain Markdown link, not a tooltip: it works with a screen reader, on a touch screen
and without JavaScript, and `mkdocs build --strict` checks that its anchor exists.

Which words link to a term: the term as written ('Charge'), its simple plural and past
forms ('charges', 'charged'), and for a term like 'CPS (Crown Prosecution Service)' each
part ('CPS', 'Crown Prosecution Service'). Not `also_known_as`: those are search words,
some of them everyday words ('decision', 'result') that must not link to a legal term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from victim_journey.content.model import Term

# Parts of the Markdown that must stay as they are: existing links and images (their
# words and their address), inline code, and anything in angle brackets.
_PROTECTED = re.compile(r"!?\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>\n]*>")
_GLOSSARY_LINK = re.compile(r"\]\((?:\.\./)*glossary(?:\.md|/)?#([a-z0-9-]+)")
_PARENTHESIS = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_ABBREVIATION = re.compile(r"^[A-Z]{2,}$")
# Characters that would break the Markdown link we write around the words.
_UNSAFE = set("[]*_`<>\\\"")
_SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_SUFFIXES = r"(?:s|es|d|ed)?"


def term_words(term: Term) -> list[str]:
    """The words in text that count as a use of `term`."""
    return list(_words_for(term.term))


@cache  # asked for every term on every text field of every page
def _words_for(term: str) -> tuple[str, ...]:
    words = [term]
    parts = _PARENTHESIS.match(term)
    # Only a name and its abbreviation stand for each other; '(not guilty)' in
    # 'Acquittal (not guilty)' explains the word, and 'plead not guilty' is no acquittal.
    if parts and any(_ABBREVIATION.match(part) for part in parts.groups()):
        words += [parts.group(1), parts.group(2)]
    return tuple(w for w in words if w.strip() and not _UNSAFE.intersection(w))


def _word_pattern(words: str) -> str:
    pieces = [re.escape(p).replace("'", "['\u2019]") for p in words.split()]
    return _SPACE.join(pieces) + (_SUFFIXES if words[-1].isalnum() else "")


@cache
def _matcher(entries: tuple[tuple[str, tuple[str, ...]], ...]
             ) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every word of every term, longest first, so that 'Witness Care
    Unit' wins over 'Witness' at the same place; and each word's term id."""
    owner: dict[str, str] = {}
    for term_id, words in entries:
        for word in words:
            owner.setdefault(word.lower(), term_id)
    alternatives = sorted(owner, key=len, reverse=True)
    groups = "|".join(f"(?P<t{i}>{_word_pattern(w)})" for i, w in enumerate(alternatives))
    # Not inside a longer word; and not the first word of a longer name ('Victim' in
    # 'Victim Support'), which would link a service's name to the wrong meaning.
    pattern = re.compile(rf"(?<![\w'\u2019-])(?:{groups})(?![\w-])(?![ \t]+(?-i:[A-Z]))",
                         re.IGNORECASE)
    return pattern, {f"t{i}": owner[w] for i, w in enumerate(alternatives)}


def link_terms(markdown: str, terms: Iterable[Term], linked: set[str],
               href: Callable[[str], str], title: Callable[[str], str]) -> str:
    """`markdown` with the first use of each term not yet in `linked` made a link to
    `href(term_id)`, with `title(term)` as its title (the page's language). Adds the ids
    it links to `linked`, so that the next field of the same page links each term at most
    once. Terms the text already links to count as linked."""
    terms = list(terms)
    if not terms:
        return markdown
    by_id = {t.id: t for t in terms}
    pattern, group_term = _matcher(tuple((t.id, _words_for(t.term)) for t in terms))
    linked.update(_GLOSSARY_LINK.findall(markdown))

    def replace(match: re.Match[str]) -> str:
        term_id = group_term[match.lastgroup or ""]
        if term_id in linked:
            return match.group(0)
        linked.add(term_id)
        said = title(by_id[term_id].term).replace('"', "'")
        return f'[{match.group(0)}]({href(term_id)} "{said}")'

    pieces: list[str] = []
    position = 0
    for protected in _PROTECTED.finditer(markdown):
        pieces.append(pattern.sub(replace, markdown[position:protected.start()]))
        pieces.append(protected.group(0))
        position = protected.end()
    pieces.append(pattern.sub(replace, markdown[position:]))
    return "".join(pieces)
