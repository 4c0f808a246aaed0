"""Content that is not ready for readers: placeholders and draft stages.

`victim-journey new` writes files whose text starts with 'TODO:' and new stages marked
`draft: true`, so that a new file validates at once. These checks make sure neither
reaches readers by accident: placeholders are warnings (which stop a --strict build),
and nothing published may link to a draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from victim_journey.content.journey import Journey, stage_key
from victim_journey.content.loader import KeyPath, LoadedFile
from victim_journey.content.plain_text import quote
from victim_journey.content.text_fields import iter_raw_strings
from victim_journey.problems import Problem, error, warning

PLACEHOLDER = re.compile(r"\bTODO\b")


def placeholder_problems(loaded: LoadedFile) -> Iterator[Problem]:
    """A warning for each line of a value that still holds a 'TODO' placeholder."""
    for key_path, text in iter_raw_strings(loaded.data):
        field = next((p for p in reversed(key_path) if isinstance(p, str)), "this file")
        for line_index, line in enumerate(text.split("\n")):
            if PLACEHOLDER.search(line):
                where = loaded.text_line(key_path, line_index)
                yield warning(loaded.path, *where,
                              f"placeholder in '{field}': replace {quote(line.strip(), 60)} "
                              "with real content before publishing", "placeholder")


def _draft_problems(journey: Journey) -> Iterator[Problem]:
    drafts = {sid for sid, stage in journey.stages.items() if stage.draft}
    in_route = set(journey.route_stage_ids())
    for sid in sorted(drafts):
        loaded = journey.files[stage_key(sid)]
        where = (loaded.path, *loaded.locate(("draft",), prefer_key=True))
        if sid in in_route:
            yield error(*where, f"stage '{sid}' is in the route but still says 'draft: true'; "
                        "delete that line when the stage is ready for readers", "draft")
        else:
            yield warning(*where, f"stage '{sid}' is a draft, so readers will not see it. When "
                          f"it is ready, add '- stages: [{sid}]' to 'route' in "
                          "journey/site.yml, add it to the 'next' of the stage before it, and "
                          "delete 'draft: true'", "draft")
    links: list[tuple[str, KeyPath, str]] = [
        (stage_key(sid), ("next", index, "stage"), branch.stage)
        for sid, stage in journey.stages.items() if not stage.draft
        for index, branch in enumerate(stage.next)
    ] + [
        ("rights", ("rights", r_index, "stages", index), ref)
        for r_index, right in enumerate(journey.rights.rights)
        for index, ref in enumerate(right.stages)
    ]
    for file_key, key_path, target in links:
        if target in drafts:
            loaded = journey.files[file_key]
            yield error(loaded.path, *loaded.locate(key_path),
                        f"'{target}' is a draft stage, so nothing published can link to it "
                        "yet; delete 'draft: true' from it when it is ready", "draft")


def unfinished_problems(journey: Journey) -> list[Problem]:
    problems = list(_draft_problems(journey))
    for loaded in journey.files.values():
        problems.extend(placeholder_problems(loaded))
    return problems
