"""One content check for a whole build.

`victim-journey build` checks the content of every language first: it reports every
problem before anything is built. It then runs one MkDocs build per language, side by
side, and each of those checked the content again (the Welsh build loaded and checked
the English too), so a build checked the content three times.

Now the command hands each language's build the edition it checked, in a file of its
own, with a fingerprint of what was checked: every file of the content and of the
hand-written pages, their folders and the day. A build that finds its edition, with a
fingerprint that still matches, uses it; any other build (`mkdocs build`, `mkdocs serve`,
or a file saved while the command was checking) checks the content itself, as before.

The command hands over only content with no problem that stops a build: it has printed
every problem already, so the build that uses the handoff has nothing left to report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from victim_journey import clock
from victim_journey.content.languages import Language
from victim_journey.pipeline import CheckedContent, Edition, check_content, stops_a_build

# Where the checked editions are: set by the command, only in its builds' environment.
HANDOFF_VARIABLE = "VICTIM_JOURNEY_CHECKED_CONTENT"


def content_fingerprint(content_dir: Path, docs_dir: Path, day: dt.date) -> str:
    """Everything a content check reads: each file's path and bytes, and the day."""
    digest = hashlib.sha256()
    for part in (content_dir.resolve(), docs_dir.resolve(), day.isoformat()):
        digest.update(f"{part}\0".encode())
    for folder in (content_dir, docs_dir):
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
        for path in files:
            data = path.read_bytes()
            # The length keeps one file's end from passing for the next one's start.
            digest.update(f"{path.relative_to(folder).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class CheckForBuild:
    """The content checked for a build, and the fingerprint of what was checked."""

    fingerprint: str
    checked: CheckedContent

    @property
    def stops_the_build(self) -> bool:
        return any(stops_a_build(problem) for problem in self.checked.problems)


def check_for_build(content_dir: Path, *, root: Path, docs_dir: Path,
                    today: dt.date | None = None) -> CheckForBuild:
    """Every language checked, as of `today`, as one build's builds will use it."""
    day = clock.today(today)
    # Taken before the check: a file saved while it runs no longer matches, and the
    # builds then check the content themselves.
    fingerprint = content_fingerprint(content_dir, docs_dir, day)
    return CheckForBuild(fingerprint, check_content(content_dir, root=root, today=day,
                                                    docs_dir=docs_dir))


def write_handoff(check: CheckForBuild, folder: Path) -> dict[str, str]:
    """Writes each checked edition into `folder` (the command's own, new folder) and
    returns the environment that points the builds at them: nothing if the content has
    a problem that stops a build, which then check it and report it themselves."""
    if check.stops_the_build:
        return {}
    for code, edition in check.checked.editions.items():
        # A build uses the journey and the pages; the translation's texts served only
        # the checks, and would double what each build reads.
        slim = dataclasses.replace(edition, translation=None)
        with (folder / f"{code}.pickle").open("wb") as out:
            # The fingerprint first, so a build that finds it stale reads no further.
            pickle.dump(check.fingerprint, out, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(slim, out, protocol=pickle.HIGHEST_PROTOCOL)
    return {HANDOFF_VARIABLE: str(folder)}


def handed_over_edition(language: Language, *, content_dir: Path, docs_dir: Path,
                        today: dt.date | None = None) -> Edition | None:
    """The edition the command that started this build checked, if it handed one over
    and the content and the day are still what it checked; else None."""
    folder = os.environ.get(HANDOFF_VARIABLE)
    if not folder:
        return None
    path = Path(folder) / f"{language.code}.pickle"
    if not path.is_file():
        return None
    fingerprint = content_fingerprint(content_dir, docs_dir, clock.today(today))
    # Unpickled only from the folder our own command wrote and named in this process's
    # environment; content and pages are never unpickled.
    with path.open("rb") as handed:
        if pickle.load(handed) != fingerprint:
            return None
        edition = pickle.load(handed)
    return edition if isinstance(edition, Edition) else None
