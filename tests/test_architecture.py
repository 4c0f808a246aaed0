"""The core (load, model, validate, render) stays free of MkDocs and Material, so the same
content can move to another site generator. Only plugin.py may import mkdocs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "victim_journey"
CORE = ["loader", "model", "model_errors", "journey", "validate", "render", "check",
        "markup", "review", "text_fields", "plain_english", "open_data", "journey_map",
        "clock", "source_date", "docs_review", "docs_plain_english", "service_areas",
        "situations", "validate_situations", "render_situations"]


def test_core_modules_do_not_load_mkdocs() -> None:
    code = ("import sys\n"
            + "".join(f"import victim_journey.{name}\n" for name in CORE)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('mkdocs', 'material')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_only_the_plugin_imports_mkdocs() -> None:
    importers = sorted(path.name for path in PACKAGE.glob("*.py")
                       if "from mkdocs" in path.read_text() or "import mkdocs" in path.read_text())
    assert importers == ["plugin.py"]
