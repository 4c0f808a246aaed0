"""While `mkdocs serve` runs, broken content must not stop the preview.

MkDocs' live-reload server holds every page request until a rebuild succeeds, so a
content error used to freeze the editor's browser. Instead the preview keeps the last
content that passed its checks, and every page says, at the top of its text, what is
wrong now and where. The terminal gets the same lines. No MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

PREVIEW_ERRORS_CLASS = "vj-preview-errors"


def preview_errors_html(errors: Sequence[str]) -> Markup:
    """The notice that goes first in every page's text while the content has errors."""
    items = Markup("").join(Markup("<li><code>{}</code></li>").format(line)
                            for line in errors)
    count = len(errors)
    return Markup(
        '<div class="{cls}" role="alert"><p><strong>This preview shows the last version '
        "that passed the checks.</strong> The content has {count} error{s} now. Fix {them}, "
        "save, and this page updates:</p><ul>{items}</ul></div>").format(
        cls=PREVIEW_ERRORS_CLASS, count=count, s="" if count == 1 else "s",
        them="it" if count == 1 else "them", items=items)


def terminal_report(errors: Sequence[str]) -> str:
    return ("content has errors; the preview keeps showing the last version that passed:\n"
            + "\n".join(f"  {line}" for line in errors))
