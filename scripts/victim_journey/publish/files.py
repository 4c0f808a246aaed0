"""Files the site publishes besides its pages: a redirect page for each old URL, and the
open data with its schema. They are not pages: nobody should navigate to them from the
menu, find them in search, or see them in the sitemap."""

from __future__ import annotations

import datetime as dt

from victim_journey.content.journey import Journey
from victim_journey.publish.open_data import data_files
from victim_journey.publish.redirects import redirect_files


def extra_site_files(journey: Journey, *, site_url: str | None, generated: dt.date
                     ) -> dict[str, str]:
    """{path in the site folder: text}."""
    return {**redirect_files(journey, site_url),
            **data_files(journey, site_url=site_url, generated=generated)}
