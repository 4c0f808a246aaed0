"""Which files content may come from: only from inside the project, and only with names
that every editor's computer can check out.

`Path.read_text`, `rglob` and MkDocs all follow symbolic links, so a link in a pull
request could publish any file the build machine can read (`/etc/passwd`). Every content
file and hand-written page is resolved first, and refused if it lies outside the project.
"""

from __future__ import annotations

import re
from pathlib import Path

from victim_journey.problems import Problem, error

# Names Windows cannot create, whatever the extension: a file called con.yml cannot be
# checked out there, so an editor on Windows could never open it.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul",
                              *(f"com{n}" for n in range(10)),
                              *(f"lpt{n}" for n in range(10))})

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def outside_project_problem(path: Path, root: Path, shown: str) -> Problem | None:
    """An error if `path` (after following every symbolic link) is not inside `root`."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return error(shown, 1, 1, "this is a symbolic link that leads nowhere; replace it "
                     "with the file itself", "outside-project")
    if resolved.is_relative_to(root.resolve()):
        return None
    return error(shown, 1, 1, "this is a symbolic link to a file outside the project; "
                 "content must be a file in the project itself, so copy the text in",
                 "outside-project")


def windows_reserved(name: str) -> bool:
    return name.split(".", 1)[0].lower() in WINDOWS_RESERVED


def item_file_name_problem(path: Path, shown: str, extension: str = ".yml") -> Problem | None:
    """Why a file in a folder of items (one item per `<id>.yml`) has the wrong name, or
    None. Every file there is content: a stray one is an error, never skipped quietly."""
    name = path.name
    stem = name[:-len(extension)] if name.endswith(extension) else None
    if path.is_dir():
        message = f"'{name}' is a folder; this folder holds only {extension} files"
    elif windows_reserved(name):
        message = (f"'{name.split('.', 1)[0]}' is a name Windows keeps for itself, so the "
                   "file cannot be checked out there; choose another id")
    elif stem is not None and _ID.match(stem):
        return None
    elif name.lower().endswith((".yml", ".yaml")) and not name.endswith(extension):
        message = f"rename this file to end in '{extension}' (lower case)"
    elif stem is not None:
        message = (f"file name '{name}' is not a valid id; use lower-case letters, digits "
                   f"and hyphens, such as 'the-trial{extension}'")
    elif ".yml" in name.lower() or ".yaml" in name.lower():
        message = (f"'{name}' is not read as content; rename it to end in '{extension}', "
                   "or delete it if it is a copy")
    else:
        message = (f"'{name}' does not belong in this folder: it holds only "
                   f"'<id>{extension}' files; move or delete it")
    return error(shown, 1, 1, message, "bad-file-name")


def near_miss_problem(path: Path, shown: str) -> Problem | None:
    """For folders that hold other files too (journey/, docs/): a name that looks like
    content but would not be read, or could not be checked out on Windows."""
    name = path.name
    if windows_reserved(name):
        return item_file_name_problem(path, shown)
    lowered = name.lower()
    if lowered.endswith(".yaml") or (lowered.endswith(".yml") and not name.endswith(".yml")):
        return item_file_name_problem(path, shown)
    if re.search(r"\.(yml|yaml|md)\.", lowered) or lowered.endswith((".md~", ".yml~")):
        return error(shown, 1, 1, f"'{name}' is not read as content; rename it, or delete "
                     "it if it is a copy", "bad-file-name")
    return None
