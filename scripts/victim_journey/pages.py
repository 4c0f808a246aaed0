"""Where a page is published: its URL from the top of the site, and its full address.

The site is built with `use_directory_urls: true`, so `stages/the-trial.md` is published
at `/stages/the-trial/`. Support organisations print these URLs in letters and leaflets,
so every module that names a URL (redirects, the URL registry, open data) gets it here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import Any, Protocol

# The generated pages, by their path in the site's source (docs_dir). Each page's URL
# comes from its path (page_url below); these are the only place the paths are written.
HOME_PAGE = "index.md"
RIGHTS_PAGE = "rights.md"
GLOSSARY_PAGE = "glossary.md"
SERVICES_INDEX = "services/index.md"
WHERE_AM_I_INDEX = "where-am-i/index.md"  # the "Where am I?" questions
PRINT_PAGE = "print.md"  # the whole guide on one page, to print
A_TO_Z_PAGE = "a-to-z.md"


QUESTIONS_FOLDER = WHERE_AM_I_INDEX.rsplit("/", 1)[0]


class _Questions(Protocol):
    """The "Where am I?" questions file (content.model.QuestionsFile)."""

    @property
    def questions(self) -> Sequence[Any]: ...


def question_page(questions: _Questions, question_id: str) -> str:
    """The first question is the flow's index page; each other one has its own page."""
    if question_id == questions.questions[0].id:
        return WHERE_AM_I_INDEX
    return f"{QUESTIONS_FOLDER}/{question_id}.md"


def stage_page(stage_id: str) -> str:
    return f"stages/{stage_id}.md"


def service_page(service_id: str) -> str:
    return f"services/{service_id}.md"



def page_url(source_path: str) -> str:
    """The site-relative URL of a Markdown page, such as '/stages/the-trial/'."""
    stem = source_path.removesuffix(".md")
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        return "/" + stem.removesuffix("index")
    return f"/{stem}/"


def absolute_url(site_url: str | None, url: str) -> str | None:
    """The full address of a site-relative URL, or None when the site's address is unknown."""
    if not site_url:
        return None
    return site_url.rstrip("/") + url


def relative_url(from_url: str, to_url: str) -> str:
    """A relative link between two site-relative URLs, so it works wherever the site is
    hosted (a folder of a charity's server, or a copy on disk)."""
    from_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    target = posixpath.relpath(to_url, from_dir)
    if to_url.endswith("/") and not target.endswith("/"):
        target = "./" if target == "." else target + "/"
    return target
