"""Situations: what happened to the reader (domestic abuse, fraud...), a second way into
the same route. Each has one page that walks the whole route with its own notes, and a
printable guide. Pure helpers shared by rendering, search and checks.

The pages' addresses and browser titles are neutral on purpose: a browser keeps both in
its history, and the reader may be watched by the person who harmed them. The address
uses `page_slug` (such as 'guide-1'), never the id, and every situation page has the same
browser title. The situation's name is only in the page's heading.
"""

from __future__ import annotations

from victim_journey.content.journey import Journey
from victim_journey.content.model import Situation, StageNote

SITUATIONS_FOLDER = "support"
SITUATION_PRINT_FOLDER = "print"


def situation_page(situation: Situation) -> str:
    return f"{SITUATIONS_FOLDER}/{situation.page_slug}.md"


def situation_print_page(situation: Situation) -> str:
    return f"{SITUATION_PRINT_FOLDER}/{situation.page_slug}.md"


def situations_in_order(journey: Journey) -> list[tuple[str, Situation]]:
    """The published situations (not drafts), in the order the site settings list them;
    any they leave out (an error) last."""
    listed = [sid for sid in journey.site.situations if sid in journey.situations]
    rest = sorted(set(journey.situations) - set(listed))
    return [(sid, journey.situations[sid]) for sid in dict.fromkeys([*listed, *rest])
            if not journey.situations[sid].draft]


def note_for(situation: Situation, stage_id: str) -> StageNote | None:
    return next((note for note in situation.stage_notes if note.stage == stage_id), None)


def skipped_reason(situation: Situation, stage_id: str) -> str | None:
    return next((skip.why for skip in situation.skips if skip.stage == stage_id), None)


def situations_for_stage(journey: Journey, stage_id: str) -> list[tuple[str, Situation]]:
    """The situations with a note on this stage, for its "If this is about..." links."""
    return [(sid, situation) for sid, situation in situations_in_order(journey)
            if note_for(situation, stage_id) is not None]
