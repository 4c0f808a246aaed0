"""Render: pure functions from the model to Markdown pages. No MkDocs here."""
