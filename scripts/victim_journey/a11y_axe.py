"""Run axe-core's WCAG 2.2 rules on every page, in Chromium through Playwright.

pa11y's axe runner does not run the WCAG 2.2 rules, so axe-core is driven directly here
with the wcag22aa tag added to the WCAG 2.0 and 2.1 A and AA tags."""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path
from typing import Any

from .a11y_report import Finding
from .browser import CHROMIUM_FLAGS

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
CONCURRENCY = 3
AXE_RUN_SCRIPT = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
  .then(result => result.violations.map(v => ({
      id: v.id, help: v.help,
      targets: v.nodes.map(n => n.target.join(" "))})))"""


def run_axe(base_url: str, pages: list[str], chromium: str, axe_script: Path
            ) -> list[Finding]:
    """Every violation on every page. Playwright runs in a thread of its own, so that
    this works inside a program (or a test session) that already drives a browser."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _check_pages(base_url, pages, chromium,
                                                     axe_script)).result()


async def _check_pages(base_url: str, pages: list[str], chromium: str, axe_script: Path
                       ) -> list[Finding]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium,
                                                   args=list(CHROMIUM_FLAGS))
        # bypass_csp: the site's Content-Security-Policy rightly refuses inline scripts,
        # and axe-core arrives as one.
        context = await browser.new_context(bypass_csp=True)
        limit = asyncio.Semaphore(CONCURRENCY)

        async def check(page_path: str) -> list[Finding]:
            async with limit:
                page = await context.new_page()
                try:
                    return await _check_page(page, base_url, page_path, axe_script)
                finally:
                    await page.close()

        results = await asyncio.gather(*(check(p) for p in pages))
        await browser.close()
    return [finding for page_findings in results for finding in page_findings]


async def _check_page(page: Any, base_url: str, page_path: str, axe_script: Path
                      ) -> list[Finding]:
    try:
        await page.goto(base_url + page_path, wait_until="load")
        await page.add_script_tag(path=str(axe_script))
        violations = await page.evaluate(AXE_RUN_SCRIPT, list(AXE_TAGS))
    except Exception as exc:  # any browser failure: the page was not checked
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        return [Finding("axe-core", page_path, "page-not-checked",
                        f"axe-core could not check this page: {first_line}")]
    return [Finding("axe-core", page_path, v["id"], v["help"], target)
            for v in violations for target in v["targets"] or [""]]
