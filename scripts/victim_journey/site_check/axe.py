"""axe-core's WCAG 2.2 rules, for browser tests that check a page in states the
accessibility check does not see (a menu open, JavaScript off). The check itself runs
axe-core through pa11y-ci (pa11y/wcag-runner.js), with the same tags and more.

pa11y's own axe runner does not run the WCAG 2.2 rules, hence the wcag22aa tag here."""

from __future__ import annotations

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
AXE_RUN_SCRIPT = """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                      resultTypes: ["violations"]})
  .then(result => result.violations.map(v => ({
      id: v.id, help: v.help,
      targets: v.nodes.map(n => n.target.join(" "))})))"""
