"""The MkDocs plugin: the only subpackage that imports mkdocs. A thin adapter."""
