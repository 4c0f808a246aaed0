"""Synthetic local services, for the benchmark and the tests of growth: local branches of
a few charities, each with its own name, area and text, as a directory of local services
would have. They are never published: the charities and their web addresses are made up
(example.org.uk), and they carry no phone numbers, so no fact is invented.

Each branch shares search words with the others ("help near me"), as real local services
do, so the A to Z and the search index meet the same load they would in real life.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

CHARITIES = (
    ("Safe Harbour", "listen, help you plan what to do next, and go with you to appointments"),
    ("Crime Recovery Network", "help you cope with what happened and deal with the police"),
    ("Hope After Harm", "give emotional support and help with forms, letters and calls"),
    ("Brighter Days Trust", "talk things through with you and help you feel safe at home"),
    ("Community Victim Care", "explain what happens next and help you get other support"),
    ("Steady Ground", "give practical help, such as new locks or help to move home"),
    ("Open Door Support", "support you before, during and after a trial"),
    ("Haven Helpers", "help you look after yourself and your family after a crime"),
    ("Turning Point Victims' Service", "listen and help you find the right support near you"),
    ("Kindred Support", "help children and young people affected by crime, and their families"),
)
TOWNS = (
    "Barnsley", "Bath", "Bedford", "Birmingham", "Blackpool", "Bolton", "Bradford",
    "Brighton", "Bristol", "Cambridge", "Canterbury", "Cardiff", "Carlisle", "Chester",
    "Colchester", "Coventry", "Derby", "Doncaster", "Durham", "Exeter", "Gloucester",
    "Hereford", "Huddersfield", "Hull", "Ipswich", "Lancaster", "Leeds", "Leicester",
    "Lincoln", "Liverpool", "Luton", "Manchester", "Newport", "Norwich", "Nottingham",
    "Oxford", "Peterborough", "Plymouth", "Portsmouth", "Preston", "Reading", "Sheffield",
    "Southampton", "Stoke", "Sunderland", "Swansea", "Swindon", "Wakefield", "Worcester",
    "Wrexham",
)
PARTS = ("North", "South", "Central")
AREAS = tuple(f"{town} {part}" for town in TOWNS for part in PARTS)  # 150
SHARED_SEARCH_WORDS = ("local support", "help near me", "support in my area")


@dataclass(frozen=True)
class LocalBranch:
    file_name: str          # journey/services/<file_name>
    data: dict[str, Any]    # the service's YAML, as an editor would write it


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def local_branches(count: int, stage_ids: list[str], *, owner: str,
                   last_reviewed: Any) -> Iterator[LocalBranch]:
    """`count` branches: each charity in turn, each in the next area, so 1,500 gives 150
    branches of each of the 10 charities. Each helps at two stages, cycling through
    `stage_ids`, so every stage gets its share."""
    for index in range(count):
        charity, what = CHARITIES[index % len(CHARITIES)]
        area = AREAS[(index // len(CHARITIES)) % len(AREAS)]
        round_number = index // (len(CHARITIES) * len(AREAS))
        name = f"{charity} {area}" + (f" ({round_number + 1})" if round_number else "")
        slug = _slug(name)
        website = f"https://{_slug(charity)}.example.org.uk/{_slug(area)}"
        yield LocalBranch(f"{slug}.yml", {
            "name": name,
            "summary": f"{charity} gives free help to people in {area} who are affected by "
                       "crime.",
            "what_they_do": f"{charity} in {area} can {what}.\n\n"
                            "You can contact them yourself. You do not need to report the "
                            "crime first.",
            "who_they_help": f"Anyone who lives in {area} and is affected by crime, at any "
                             "time after it happened.",
            "area": area,
            "stages": [stage_ids[index % len(stage_ids)],
                       stage_ids[(index + 3) % len(stage_ids)]],
            "contact": {"website": website},
            "provider": charity,
            "also_known_as": [*SHARED_SEARCH_WORDS, f"{charity} {area.split()[0]}"],
            "sources": [{"title": f"{charity}: {area}", "url": website}],
            "owner": owner,
            "last_reviewed": last_reviewed,
        })
