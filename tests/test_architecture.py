"""The package shows its pipeline: each layer imports only from the layers below it, only
the plugin imports MkDocs, nothing imports itself round in a circle, and no module reaches
into another's private names. The layers are import-linter contracts in pyproject.toml;
the rest is checked here on grimp's graph, which counts imports inside functions too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "scripts" / "victim_journey"
MAX_MODULES_PER_FOLDER = 15


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("victim_journey", cache_dir=None)


def test_layering_contracts_are_kept() -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports"),
                             "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout and "2 kept" in result.stdout


def test_the_core_does_not_load_mkdocs_when_it_runs() -> None:
    """The contract reads import statements; this also catches a dynamic import."""
    core = ["content.journey", "checks.validate", "render.site", "pipeline",
            "publish.open_data", "search.index", "i18n.translations"]
    code = ("import sys\n"
            + "".join(f"import victim_journey.{name}\n" for name in core)
            + "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('mkdocs', 'material')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_no_import_cycles(graph: grimp.ImportGraph) -> None:
    modules = sorted(graph.modules)
    cycles = []
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            path = graph.find_shortest_chain(importer=imported, imported=module)
            if path:
                cycles.append(" -> ".join((module, *path)))
    assert cycles == []


def test_no_private_names_imported_across_modules(graph: grimp.ImportGraph) -> None:
    private = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            for detail in graph.get_import_details(importer=module, imported=imported):
                names = detail["line_contents"].split(" import ", 1)[-1]
                if any(name.strip(" ()").startswith("_") for name in names.split(",")):
                    private.append(f"{module}:{detail['line_number']}: "
                                   f"{detail['line_contents']}")
    assert private == []


def test_no_folder_holds_more_than_15_modules() -> None:
    crowded = {folder.relative_to(PACKAGE).as_posix(): count
               for folder in [PACKAGE, *PACKAGE.rglob("*/")]
               if folder.is_dir() and "__pycache__" not in folder.parts
               and (count := len([p for p in folder.glob("*.py")
                                  if p.name != "__init__.py"])) > MAX_MODULES_PER_FOLDER}
    assert crowded == {}
