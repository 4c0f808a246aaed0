"""The content model: typed, immutable, and the single source of truth.

The JSON Schema that editors' tools use is generated from these classes
(see `schema.py`), so a field added here is known to editors at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HTTPS_URL_PATTERN = r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s<>\"]*)?$"


class TextKind:
    """Marks a string field as reader-facing text, so the text checks (raw HTML, links,
    plain English) can find every such field without a list kept by hand."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"TextKind({self.name!r})"


PLAIN = TextKind("plain")
MARKDOWN = TextKind("markdown")


def _one_line(value: str) -> str:
    if "\n" in value.strip():
        raise ValueError("must be a single line; use a text block field for longer text")
    return value.strip()


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="A kebab-case id: lower-case letters, digits and hyphens. "
                      "It is also the page's URL, so keep it once published."),
]
PlainText = Annotated[str, StringConstraints(min_length=1), AfterValidator(_one_line), PLAIN]
MarkdownText = Annotated[
    str,
    StringConstraints(min_length=1),
    MARKDOWN,
    Field(description="Plain English. You may use paragraphs, lists, links and **bold**. "
                      "No HTML."),
]
HttpsUrl = Annotated[
    str,
    StringConstraints(pattern=HTTPS_URL_PATTERN),
    Field(description="A full web address starting with https://"),
]
PhoneNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\+?[0-9][0-9 ]{5,18}[0-9]$"),
    Field(description="Digits and spaces only, as the organisation publishes it."),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Source(Strict):
    """Where a fact comes from. Every fact on the site carries one."""

    title: PlainText
    url: HttpsUrl


class Reviewed(Strict):
    """Who keeps an item true, and when they last checked it."""

    owner: PlainText = Field(description="The team or person responsible for this content.")
    last_reviewed: dt.date = Field(description="The date someone last checked it: YYYY-MM-DD.")
    review_interval_months: int | None = Field(
        default=None, ge=1, le=36,
        description="How often to review it. Leave out to use the site setting.")
    review_note: PlainText | None = Field(
        default=None, description="Anything the next reviewer must check.")


class Searchable(Strict):
    also_known_as: list[PlainText] = Field(
        default_factory=list,
        description="Everyday words and abbreviations people use for this, for search.")


class Branch(Strict):
    stage: Id = Field(description="The id of the stage that can come next.")
    when: PlainText = Field(description="The plain-English condition, such as "
                                        "'if the police decide not to charge anyone'.")


class Stage(Reviewed, Searchable):
    """One step of the victim's route (journey/stages/<id>.yml)."""

    title: PlainText
    summary: PlainText = Field(description="One sentence: what this stage is.")
    what_happens: MarkdownText
    who_contacts_you: MarkdownText
    what_you_can_do: MarkdownText
    how_long: MarkdownText
    next: list[Branch] = Field(default_factory=list,
                               description="What can happen next, and when.")
    terms: list[Id] = Field(default_factory=list,
                            description="Ids of glossary terms this stage uses.")
    previous_ids: list[Id] = Field(
        default_factory=list,
        description="Old ids (URLs) of this stage. Keep them so that old links still work.")
    sources: list[Source] = Field(min_length=1)


class Phone(Strict):
    number: PhoneNumber
    label: PlainText | None = Field(default=None, description="For example 'Supportline'.")
    hours: PlainText | None = Field(default=None, description="For example '24 hours'.")
    free: bool = False
    source: Source = Field(description="Where the number is published. Required: never "
                                       "write a number you cannot source.")


class Contact(Strict):
    website: HttpsUrl | None = None
    phones: list[Phone] = Field(default_factory=list)
    other_ways: list[PlainText] = Field(
        default_factory=list, description="Other ways to get in touch, such as live chat.")


class Service(Reviewed, Searchable):
    """A support service (journey/services/<id>.yml)."""

    name: PlainText
    summary: PlainText
    what_they_do: MarkdownText
    who_they_help: MarkdownText
    stages: list[Id] = Field(min_length=1, description="Ids of the stages where they help.")
    contact: Contact
    provider: PlainText | None = Field(default=None, description="Who runs the service.")
    previous_ids: list[Id] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)


class Right(Searchable):
    id: Id = Field(description="Stable anchor on the rights page: never change it.")
    number: int = Field(ge=1, le=99)
    title: PlainText
    summary: MarkdownText
    stages: list[Id] = Field(min_length=1)
    delivered_by: list[PlainText] = Field(min_length=1)
    time_limits: list[PlainText] = Field(default_factory=list)
    source: Source | None = Field(
        default=None, description="Leave out to use the Code's own source.")


class CodeVersion(Strict):
    title: PlainText
    version: PlainText
    in_force_from: dt.date
    source: Source


class RightsFile(Reviewed):
    """The Victims' Code rights, as versioned data (journey/rights.yml)."""

    code: CodeVersion
    rights: list[Right] = Field(min_length=1)


class Term(Searchable):
    id: Id
    term: PlainText
    definition: MarkdownText
    see_also: list[Id] = Field(default_factory=list)


class GlossaryFile(Reviewed):
    """Legal and official words, explained (journey/glossary.yml)."""

    terms: list[Term] = Field(min_length=1)


class Step(Strict):
    stages: list[Id] = Field(
        min_length=1,
        description="One stage, or several that are alternatives ('or') at this step.")


class SiteSettings(Strict):
    """Settings for the whole site (journey/site.yml)."""

    title: PlainText
    description: PlainText
    route: list[Step] = Field(min_length=1, description="The steps in order. The first "
                                                        "stage of the first step is the start.")
    throughout: list[Id] = Field(
        default_factory=list,
        description="Stages that run alongside the whole route, such as support.")
    quick_exit_url: HttpsUrl = "https://www.bbc.co.uk/weather"
    review_interval_months: int = Field(default=12, ge=1, le=36)
    review_warning_days: int = Field(default=30, ge=0, le=365)
    owner: PlainText

