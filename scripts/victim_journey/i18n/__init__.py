"""Translations: of content files and of hand-written pages, with their stamps."""
