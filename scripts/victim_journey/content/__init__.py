"""Content: read the YAML safely into the typed model: the whole journey, its languages and
interface text."""
