"""Checks of a built site: accessibility (pa11y-ci, axe-core, html-validate)."""
