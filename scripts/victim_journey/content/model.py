"""The content model: typed, immutable, and the single source of truth.

The JSON Schema that editors' tools use is generated from these classes
(see `schema.py`), so a field added here is known to editors at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

from victim_journey.content.phone_numbers import phone_number_problem

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# A host of dot-separated labels (no empty label, none starting or ending with '-'), then
# an optional port and path. Markdown links in text are held to the same rule (markup.py).
HTTPS_URL_PATTERN = (r"^https://(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}"
                     r"(:[0-9]+)?(/[^\s<>\"]*)?$")


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
def _dialable(number: str) -> str:
    problem = phone_number_problem(number)
    if problem:
        raise PydanticCustomError("bad_phone", problem)
    return number


PhoneNumber = Annotated[
    str,
    StringConstraints(pattern=r"^\+?[0-9][0-9 ]{1,18}[0-9]$"),
    AfterValidator(_dialable),
    Field(description="Digits and spaces only, as the organisation publishes it: a full UK "
                      "number starting with 0, or a short number such as 999 or 116 123."),
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


class ReviewTimeLimits(Strict):
    """The time limits for asking for a review of a decision, which the page's private
    deadline helper counts from the day the reader was told (see deadlines.py)."""

    prompt_working_days: int | None = Field(
        default=None, ge=1, le=60,
        description="Ask within this many working days for a prompt review. Leave out if "
                    "there is no such limit.")
    months: int = Field(ge=1, le=24, description="The outer limit, in months.")
    if_late: PlainText | None = Field(
        default=None,
        description="What a reader can still do once the last day has passed, and who to "
                    "contact. The helper shows it when the date it works out has passed.")


class KeyFact(Strict):
    """A key figure the page states (a time limit or a threshold), tied to its source, so
    that the figure on the page and the figure in the source cannot drift apart unseen
    (checked by key_facts.py)."""

    # One-line strings without a text marker: they are notes that tie the page to its
    # source, not text for readers, so they are neither translated nor scored as prose.
    figure: Annotated[str, StringConstraints(min_length=1), AfterValidator(_one_line)] = Field(
        description="The figure as the page writes it, such as '10 working days' or "
                    "'3 months'.")
    about: Annotated[str, StringConstraints(min_length=1), AfterValidator(_one_line)] = Field(
        description="What the figure is for, such as 'ask for a prompt CPS review'. For "
                    "editors; not shown to readers.")
    source: HttpsUrl = Field(description="The address of the source that gives the "
                                         "figure: one of this file's 'sources'.")


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
    help_now: list[Id] = Field(
        default_factory=list,
        description="Ids of services whose phone numbers fit this stage. They are shown in "
                    "its 'Get help now' box after the site's own (help_now in site.yml).")
    previous_ids: list[Id] = Field(
        default_factory=list,
        description="Old ids (URLs) of this stage. Keep them so that old links still work.")
    review_time_limits: ReviewTimeLimits | None = Field(
        default=None,
        description="Time limits for asking for a review. When given, the page shows a "
                    "private helper that works out the dates.")
    sources: list[Source] = Field(min_length=1)
    facts: list[KeyFact] = Field(
        default_factory=list,
        description="Every key figure on the page (a number of working days, days, weeks, "
                    "months or years), with its source. A figure in the text that is not "
                    "listed here is an error.")
    draft: bool = Field(
        default=False,
        description="true while the stage is being written: it is checked but not published, "
                    "and need not be in the route yet. Remove it when the stage is ready.")


class Phone(Strict):
    number: PhoneNumber
    label: PlainText | None = Field(default=None, description="For example 'Supportline'.")
    hours: PlainText | None = Field(default=None, description="For example '24 hours'.")
    free: bool = False
    text_only: bool = Field(
        default=False,
        description="true for a number you send text messages to, not one you call: the "
                    "page links it with sms: instead of tel:.")
    languages: PlainText | None = Field(
        default=None,
        description="The languages the line answers in, when its source says so, such as "
                    "'English and Welsh'.")
    source: Source = Field(description="Where the number is published. Required: never "
                                       "write a number you cannot source.")
    review_note: PlainText | None = Field(
        default=None, description="What the next reviewer must check about this number or "
                                  "its hours, such as an old or third-party source.")


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
    area: PlainText | None = Field(
        default=None,
        description="Only for a local service: the area it covers, such as 'Leeds North'. "
                    "Local services are listed by area in the services directory; each "
                    "stage page links there instead of listing them. Leave out for a "
                    "service open to everyone in England and Wales.")
    stages: list[Id] = Field(min_length=1, description="Ids of the stages where they help.")
    contact: Contact
    provider: PlainText | None = Field(default=None, description="Who runs the service.")
    previous_ids: list[Id] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)


class StageNote(Strict):
    """What is different at one stage of the route for a situation."""

    stage: Id = Field(description="The id of the stage the note is about.")
    text: MarkdownText = Field(description="A short note: what is different at this stage "
                                           "for this situation.")


class SkippedStage(Strict):
    stage: Id = Field(description="The id of a stage of the route that does not happen "
                                  "for this situation.")
    why: PlainText = Field(description="Why, in one line the page shows.")


class EnhancedRights(Strict):
    """Whether the Victims' Code gives this situation enhanced rights."""

    applies: bool = Field(description="true if these victims get enhanced rights.")
    why: MarkdownText = Field(description="Why, or when, in plain English.")


class Situation(Reviewed, Searchable):
    """What happened to the reader, and what changes on the route for them
    (journey/situations/<id>.yml): a second way into the same route."""

    title: PlainText = Field(description="The heading on its page, such as 'Domestic "
                                          "abuse'. The browser tab shows a neutral title.")
    page_slug: Id = Field(description="The page's address under /support/. It must not "
                                      "say what happened, because it is kept in browser "
                                      "history: use a neutral word such as 'guide-1'.")
    summary: PlainText = Field(description="One sentence: what this page is.")
    who_it_is_for: MarkdownText = Field(
        description="Who this is for, in the words a victim would use.")
    enhanced_rights: EnhancedRights
    services: list[Id] = Field(min_length=1,
                               description="Ids of the specialist services for this.")
    crisis_contacts: list[Id] = Field(
        min_length=1, description="Ids of services to contact in a crisis, in the order "
                                  "to try them.")
    stage_notes: list[StageNote] = Field(
        default_factory=list, description="A note for each stage where something is "
                                          "different; at most one note a stage.")
    skips: list[SkippedStage] = Field(
        default_factory=list, description="Stages of the route that do not happen for "
                                          "this situation. They get no note.")
    previous_slugs: list[Id] = Field(
        default_factory=list,
        description="Old page_slug values. Keep them so that old links still work.")
    sources: list[Source] = Field(min_length=1)
    draft: bool = Field(
        default=False,
        description="true while the situation is being written: it is checked but not "
                    "published. Remove it when it is ready, and list it in journey/site.yml.")


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


class PlainEnglishSettings(Strict):
    """Limits for the plain-English check (see plain_english.py).

    The aim is a reading age of 9 to 11, like GOV.UK: about Flesch-Kincaid grade 4 to 6
    (reading age is roughly the grade plus 5). The default limit is grade 8, two grades
    above that aim, because the names readers must learn ('Crown Prosecution Service')
    are long words that the formula counts as hard: it fails only text that is clearly
    too hard, not text that names a service.
    """

    max_grade: float = Field(
        default=8.0, ge=1, le=16,
        description="The highest Flesch-Kincaid grade a long text field or a page may "
                    "read at. Grade 8 is a reading age of about 13.")
    min_words_to_score: int = Field(
        default=40, ge=10, le=1000,
        description="Fields shorter than this are not scored: the formulas are not "
                    "reliable on one or two sentences. They are still checked for long "
                    "sentences and words to avoid.")
    max_sentence_words: int = Field(
        default=25, ge=10, le=60, description="The most words one sentence may have.")


class TranslationSettings(Strict):
    """How strictly translations are held to the English (see translations.py)."""

    missing: Literal["warning", "error"] = Field(
        default="warning",
        description="A field or file with no Welsh yet. 'warning' lists it and shows the "
                    "English, marked as English, with a notice; 'error' stops the build.")
    stale: Literal["warning", "error"] = Field(
        default="warning",
        description="A Welsh field whose English has changed since it was translated.")


class ShortNumber(Strict):
    """A short emergency or police number, or the code to press on a silent call: facts
    readers act on in a crisis, so each one names its source."""

    number: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,6}$")] = Field(
        description="Digits only, such as '999', '55' or '18000'.")
    source: Source = Field(description="Where this is published. Required.")
    review_note: PlainText | None = Field(
        default=None, description="What the next reviewer must check, such as an old source.")


class InDanger(Strict):
    """The "In danger now?" line at the top of every page (partials/vj-in-danger.html):
    the numbers and where each comes from. Its words are in journey/interface-text.yml."""

    emergency: ShortNumber = Field(description="The emergency number: 999.")
    silent_call_code: ShortNumber = Field(
        description="What to press on a silent 999 call from a mobile, when asked: 55.")
    text_relay: ShortNumber = Field(
        description="The emergency text relay number for deaf or speech-impaired callers.")
    non_emergency: ShortNumber = Field(description="The police non-emergency number: 101.")
    sources: list[Source] = Field(
        min_length=1,
        description="Sources of the rest of the line: 999 BSL, and reporting online.")


class SiteSettings(Strict):
    """Settings for the whole site (journey/site.yml)."""

    title: PlainText
    description: PlainText
    route: list[Step] = Field(min_length=1, description="The steps in order. The first "
                                                        "stage of the first step is the start.")
    throughout: list[Id] = Field(
        default_factory=list,
        description="Stages that run alongside the whole route, such as support.")
    jurisdiction: PlainText = Field(
        default="England and Wales",
        description="Where the guide applies, as readers know it: checks that depend on "
                    "the law or the calendar name it in their messages.")
    quick_exit_url: HttpsUrl = Field(
        default="https://www.bbc.co.uk/weather",
        description="Where 'Exit this page' goes: a neutral, busy site that is safe to be "
                    "seen on the reader's screen.")
    languages: list[Literal["en", "cy"]] = Field(
        default_factory=lambda: ["en", "cy"], min_length=1,
        description="The languages the site is published in, English first. Welsh ('cy') "
                    "needs journey/cy/, docs/cy/ and mkdocs.cy.yml. Leave out for both.")
    situations: list[Id] = Field(
        default_factory=list,
        description="Ids of the situations (journey/situations/), in the order the home "
                    "page lists them. Every situation must be listed.")
    help_now: list[Id] = Field(
        default_factory=list,
        description="Ids of services shown with their phone numbers and website in a "
                    "'Get help now' box on every stage page. Their contact details come "
                    "from their own files, so a number is written in one place only.")
    in_danger: InDanger | None = Field(
        default=None,
        description="The numbers for the 'In danger now?' line shown at the top of every "
                    "page. Leave out to show no such line.")
    review_interval_months: int = Field(default=12, ge=1, le=36)
    review_warning_days: int = Field(default=30, ge=0, le=365)
    owner: PlainText
    plain_english: PlainEnglishSettings = Field(
        default_factory=PlainEnglishSettings,
        description="Limits for the plain-English check. Leave out to use the defaults.")
    translations: TranslationSettings = Field(
        default_factory=TranslationSettings,
        description="Whether a missing or out-of-date Welsh translation is a warning or "
                    "an error. Leave out for warnings.")

    @field_validator("languages")
    @classmethod
    def _english_first(cls, languages: list[str]) -> list[str]:
        if languages[0] != "en" or len(set(languages)) != len(languages):
            raise ValueError("list English ('en') first, and each language once")
        return languages



class AvoidWord(Strict):
    """A word or phrase that makes guidance harder to read, and what to write instead."""

    avoid: list[PlainText] = Field(
        min_length=1,
        description="The word and each form of it to find, such as 'commence', 'commenced'. "
                    "Matched as whole words, in any case.")
    instead: PlainText = Field(description="The plain alternative, or what to do instead.")
    allowed_in: list[PlainText] = Field(
        default_factory=list,
        description="Phrases where the word may stay, such as \"sometimes called 'dropped'\", "
                    "used to explain a word readers will hear.")
    severity: Literal["error", "warning"] = Field(
        default="error",
        description="'error' stops the build; 'warning' only points it out, for words that "
                    "are sometimes the right choice.")


class WordsToAvoidFile(Strict):
    """Words to avoid in reader-facing text (journey/words-to-avoid.yml)."""

    words: list[AvoidWord] = Field(min_length=1)


class Answer(Strict):
    """One answer to a "Where am I?" question: an ordinary link to what comes next."""

    text: PlainText = Field(description="The answer in the reader's words, such as 'Yes'.")
    next: Id = Field(description="Where this answer leads: the id of another question, "
                                 "or the id of a stage.")


class Question(Searchable):
    id: Id = Field(description="The question's id. It is also its page's URL, so keep it "
                               "once published.")
    text: PlainText = Field(description="The question, such as 'Has anyone been charged?'")
    hint: PlainText | None = Field(default=None,
                                   description="A short line that helps people answer.")
    summary: PlainText | None = Field(
        default=None, description="One sentence shown under the page in search results. "
                                  "Leave out to use the hint.")
    answers: list[Answer] = Field(
        min_length=1, description="At least 2 answers. Each page adds 'I'm not sure' itself.")
    not_sure: MarkdownText = Field(
        description="For readers who do not know the answer: how they can find out, for "
                    "example by asking the officer in the case or the Witness Care Unit.")
    in_danger: bool = Field(
        default=False,
        description="true for the crisis page: it shows what to do in an emergency, with "
                    "the numbers from 'in_danger' in journey/site.yml, above the answers.")
    help_now: list[Id] = Field(
        default_factory=list,
        description="Ids of services shown with their phone numbers above the answers.")


class SituationAnswer(Strict):
    text: PlainText = Field(description="The answer in the reader's words.")
    situation: Id = Field(description="The id of the situation it leads to.")


class SituationQuestion(Strict):
    """The optional "What happened?" question, asked once the stage is known. Each answer
    leads to that situation's page at the reader's stage; skipping it leads to the stage."""

    id: Id = Field(description="Its pages are under where-am-i/<id>/, one for each stage.")
    text: PlainText = Field(description="The question, such as 'What happened?'")
    hint: PlainText | None = None
    answers: list[SituationAnswer] = Field(min_length=1)
    skip: PlainText = Field(description="The link that skips the question, such as "
                                        "'Skip this question'.")


class QuestionsFile(Reviewed):
    """The "Where am I?" questions (journey/where-am-i.yml)."""

    title: PlainText
    introduction: MarkdownText
    questions: list[Question] = Field(
        min_length=1, description="The first question is where everyone starts.")
    what_happened: SituationQuestion | None = Field(
        default=None, description="Optional: asked after the other questions, before the "
                                  "stage page, to lead to a situation's page.")


class BankHoliday(Strict):
    date: dt.date
    name: PlainText


class BankHolidaysFile(Reviewed):
    """England and Wales bank holidays (journey/bank-holidays.yml), used to count working
    days. List every date of each year, from the first year to the last."""

    source: Source
    holidays: list[BankHoliday] = Field(min_length=1)


InterfaceKey = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]


class InterfaceString(Strict):
    """One piece of the site's own text (a heading, a button, a label), in each language.
    `{name}` marks a value the template fills in, such as `{number}`: the Welsh must use
    the same names."""

    en: PlainText
    cy: PlainText | None = Field(
        default=None, description="The Welsh. Leave out while it is not yet translated: "
                                  "the page then shows the English, marked as English.")


class InterfaceTextFile(Reviewed):
    """Every piece of text the site's templates write, in English and Welsh
    (journey/interface-text.yml): one translation table for the whole site."""

    needs_fluent_check: bool = Field(
        default=True, description="true until a fluent Welsh speaker has checked the Welsh.")
    text: dict[InterfaceKey, InterfaceString] = Field(min_length=1)


class TranslationInfo(Strict):
    """The `translation:` block at the top of every translated file (journey/cy/**)."""

    needs_fluent_check: bool = Field(
        description="true until a fluent Welsh speaker has checked this translation. "
                    "review-report lists every file that still needs it.")
    translated_on: dt.date = Field(description="When the translation was made: YYYY-MM-DD.")
    checked_by: PlainText | None = Field(
        default=None, description="Who checked the translation, once it is checked.")
    english: dict[str, str] = Field(
        default_factory=dict,
        description="Written by `victim-journey translation-stamp`: a short hash of the "
                    "English of each field, as it was when translated. Do not edit.")
