"""Publish: what the site serves besides pages (redirects, open data) and its navigation."""
