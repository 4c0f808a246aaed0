"""The site navigation, made from the route so that its order is defined once.

Services are left out of the navigation on purpose: Material renders the whole nav on
every page, so listing hundreds of services would make the build quadratic.
"""

from __future__ import annotations

from victim_journey.content.journey import Journey
from victim_journey.pages import (
    GLOSSARY_PAGE,
    HOME_PAGE,
    PRINT_PAGE,
    RIGHTS_PAGE,
    SERVICES_INDEX,
    stage_page,
)

NavItem = str | dict[str, "str | list[NavItem]"]


# Hand-written pages in docs/, shown in this order when they exist. MkDocs takes each
# title from the page itself.
ABOUT_PAGES = ("staying-safe-online.md", "privacy.md", "accessibility.md", "about.md",
               "open-data.md")


def site_nav(journey: Journey, hand_written: set[str] = frozenset()) -> list[NavItem]:
    stages: list[NavItem] = [
        {journey.stages[sid].title: stage_page(sid)}
        for sid in journey.route_stage_ids() if sid in journey.stages
    ]
    t = journey.t
    return [
        {t("nav-home"): HOME_PAGE},
        {t("nav-step-by-step"): stages},
        {t("your-rights"): RIGHTS_PAGE},
        {t("find-support"): SERVICES_INDEX},
        {t("words-explained"): GLOSSARY_PAGE},
        {t("print-whole-guide"): PRINT_PAGE},
        *[page for page in ABOUT_PAGES if page in hand_written],
    ]
