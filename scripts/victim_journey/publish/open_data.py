"""Open data: the whole journey as one JSON file that support organisations can reuse.

Pure: the journey in, a model out. The published JSON Schema is generated from the same
pydantic classes that build the data, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from victim_journey.content.journey import Journey
from victim_journey.content.plain_text import strip_markdown_line
from victim_journey.content.situations import note_for, situation_page, situations_in_order
from victim_journey.pages import (
    GLOSSARY_PAGE,
    RIGHTS_PAGE,
    absolute_url,
    page_url,
    service_page,
    stage_page,
)
from victim_journey.publish.redirects import moves

DATA_FILE = "data/journey.json"
SCHEMA_FILE = "data/journey.schema.json"
DATA_VERSION: Literal["1.0"] = "1.0"
DATA_URLS = ("/" + DATA_FILE, "/" + SCHEMA_FILE)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(_Data):
    id: str = Field(description="Stable id. It is also the last part of the page's URL.")
    title: str
    summary: str = Field(description="Plain text, one or a few sentences.")
    url: str = Field(description="The page's address from the top of its language's pages, "
                                 "such as '/stages/the-trial/'. The same page in Welsh is "
                                 "under /cy/: see absolute_url.")
    absolute_url: str | None = Field(description="The page's full address, or null when "
                                                 "the site's address was not set.")


class BranchData(_Data):
    stage: str = Field(description="The id of the stage that can come next.")
    condition: str = Field(description="When this happens, in plain English.")


class StageData(Item):
    step: int | None = Field(description="The stage's step number in the route, or null "
                                         "for stages that run alongside the whole route.")
    next: list[BranchData]
    rights: list[str] = Field(description="Ids of the rights that apply at this stage.")
    services: list[str] = Field(description="Ids of the services that help at this stage.")
    terms: list[str] = Field(description="Ids of the glossary terms this stage uses.")
    previous_urls: list[str] = Field(description="Old addresses that now redirect here.")
    last_reviewed: dt.date


class PhoneData(_Data):
    number: str
    label: str | None
    hours: str | None
    free: bool
    text_only: bool  # a number for text messages, not calls
    languages: str | None
    source_url: str


class ServiceData(Item):
    website: str | None
    phones: list[PhoneData]
    other_ways: list[str]
    stages: list[str] = Field(description="Ids of the stages where this service helps.")
    previous_urls: list[str]
    last_reviewed: dt.date


class CodeData(_Data):
    title: str
    version: str
    in_force_from: dt.date
    source_url: str


class RightData(Item):
    number: int
    stages: list[str]
    delivered_by: list[str]
    time_limits: list[str]


class TermData(Item):
    see_also: list[str]


class StageNoteData(_Data):
    stage: str = Field(description="The id of the stage.")
    text: str = Field(description="What is different at that stage, as plain text.")


class SituationData(Item):
    """What happened to the reader (such as domestic abuse), with what changes on the
    route for them. Its page's address is neutral on purpose: it does not name the
    situation, because browsers keep it in their history."""

    who_it_is_for: str
    enhanced_rights: bool = Field(description="true if the Victims' Code gives these "
                                              "victims enhanced rights.")
    enhanced_rights_why: str
    services: list[str] = Field(description="Ids of the specialist services.")
    crisis_contacts: list[str] = Field(description="Ids of services to contact in a crisis, "
                                                   "in the order to try them.")
    stage_notes: list[StageNoteData] = Field(description="In route order.")
    skipped_stages: list[str] = Field(description="Ids of stages that do not happen for "
                                                  "this situation.")
    last_reviewed: dt.date


class StepData(_Data):
    step: int
    stages: list[str] = Field(description="One stage, or several: only one of them happens.")


class SiteData(_Data):
    title: str
    description: str
    url: str | None


class RightsData(_Data):
    code: CodeData = Field(description="The Victims' Code version these rights are from.")
    last_reviewed: dt.date
    items: list[RightData]


class OpenData(_Data):
    """The victim journey as open data. Stages are in the order a reader meets them."""

    version: Literal["1.0"] = Field(description="The version of this file's format. It changes "
                                                "only when a field is removed or changes "
                                                "meaning.")
    generated: dt.date = Field(description="The date of the version of the content this file "
                               "was made from (the day of its last change).")
    site: SiteData
    route: list[StepData]
    throughout: list[str] = Field(description="Ids of stages that run alongside the "
                                              "whole route, such as getting support.")
    stages: list[StageData]
    situations: list[SituationData] = Field(description="In the order the home page lists "
                                                        "them.")
    services: list[ServiceData]
    rights: RightsData
    glossary: list[TermData]


def plain_summary(markdown: str) -> str:
    """Markdown as one line of plain words, for reuse in other organisations' pages."""
    return " ".join(filter(None, (strip_markdown_line(line) for line in markdown.split("\n"))))


def _urls(site_url: str | None, source_path: str, anchor: str = ""
          ) -> dict[str, str | None]:
    """`site_url` is the address of this language's pages (the Welsh are under /cy/)."""
    url = page_url(source_path) + (f"#{anchor}" if anchor else "")
    return {"url": url, "absolute_url": absolute_url(site_url, url)}


def open_data(journey: Journey, *, site_url: str | None, generated: dt.date) -> OpenData:
    steps = journey.step_numbers()
    old_urls: dict[str, list[str]] = {}
    for move in moves(journey):
        old_urls.setdefault(move.new_url, []).append(move.old_url)
    route = journey.route_stage_ids()
    stages = [
        StageData(
            id=sid, title=stage.title, summary=stage.summary, **_urls(site_url, stage_page(sid)),
            step=steps.get(sid),
            next=[BranchData(stage=b.stage, condition=b.when) for b in stage.next],
            rights=[r.id for r in journey.rights_for_stage(sid)],
            services=[vid for vid, _ in journey.services_for_stage(sid)],
            terms=list(stage.terms),
            previous_urls=old_urls.get(page_url(stage_page(sid)), []),
            last_reviewed=stage.last_reviewed,
        )
        for sid in route if (stage := journey.stages.get(sid)) is not None
    ]
    services = [
        ServiceData(
            id=vid, title=service.name, summary=service.summary,
            **_urls(site_url, service_page(vid)),
            website=service.contact.website,
            phones=[PhoneData(number=p.number, label=p.label, hours=p.hours, free=p.free,
                              text_only=p.text_only, languages=p.languages,
                              source_url=p.source.url)
                    for p in service.contact.phones],
            other_ways=list(service.contact.other_ways),
            stages=journey.stages_for_service(service),
            previous_urls=old_urls.get(page_url(service_page(vid)), []),
            last_reviewed=service.last_reviewed,
        )
        for vid, service in sorted(journey.services.items())
    ]
    situations = [
        SituationData(
            id=sid, title=situation.title, summary=situation.summary,
            **_urls(site_url, situation_page(situation)),
            who_it_is_for=plain_summary(situation.who_it_is_for),
            enhanced_rights=situation.enhanced_rights.applies,
            enhanced_rights_why=plain_summary(situation.enhanced_rights.why),
            services=list(situation.services), crisis_contacts=list(situation.crisis_contacts),
            stage_notes=[StageNoteData(stage=stage_id, text=plain_summary(note.text))
                         for stage_id in route
                         if (note := note_for(situation, stage_id)) is not None],
            skipped_stages=[skip.stage for skip in situation.skips],
            last_reviewed=situation.last_reviewed,
        )
        for sid, situation in situations_in_order(journey)
    ]
    rights_file = journey.rights
    rights = RightsData(
        code=CodeData(title=rights_file.code.title, version=rights_file.code.version,
                     in_force_from=rights_file.code.in_force_from,
                     source_url=rights_file.code.source.url),
        last_reviewed=rights_file.last_reviewed,
        items=[RightData(id=r.id, title=r.title, summary=plain_summary(r.summary),
                        **_urls(site_url, RIGHTS_PAGE, r.id), number=r.number,
                        stages=list(r.stages), delivered_by=list(r.delivered_by),
                        time_limits=list(r.time_limits))
               for r in sorted(rights_file.rights, key=lambda r: r.number)],
    )
    glossary = [
        TermData(id=t.id, title=t.term, summary=plain_summary(t.definition),
                **_urls(site_url, GLOSSARY_PAGE, t.id), see_also=list(t.see_also))
        for t in sorted(journey.glossary.terms, key=lambda t: t.term.lower())
    ]
    return OpenData(
        version=DATA_VERSION, generated=generated,
        site=SiteData(title=journey.site.title, description=journey.site.description,
                     url=site_url or None),
        route=[StepData(step=number, stages=list(step.stages))
               for number, step in enumerate(journey.site.route, start=1)],
        throughout=list(journey.site.throughout),
        stages=stages, situations=situations, services=services, rights=rights,
        glossary=glossary,
    )


def schema() -> dict[str, object]:
    generated = OpenData.model_json_schema()
    return {**generated, "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Victim journey open data"}


def data_files(journey: Journey, *, site_url: str | None, generated: dt.date
               ) -> dict[str, str]:
    """{file path in the site folder: text} for the data and its schema."""
    data = open_data(journey, site_url=site_url, generated=generated)
    return {
        DATA_FILE: json.dumps(data.model_dump(mode="json"), indent=2, ensure_ascii=False)
        + "\n",
        SCHEMA_FILE: json.dumps(schema(), indent=2, sort_keys=True) + "\n",
    }
