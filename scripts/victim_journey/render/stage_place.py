"""Where a stage sits in the route, for the line at the top of its page (GOV.UK's
step-by-step "Part of" header).

A stage on the main line of the route says "Step 4 of 5". A stage that is one of the
other ways a step can go (the "no charge" stages beside "After a charge") says when a
reader is there, in the words of the branch that leads to it ("If the CPS decides not to
charge anyone"): "Step 3 of 5" would suggest the case goes on. Pure function, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from victim_journey.content.journey import Journey


@dataclass(frozen=True)
class StagePlace:
    number: int
    count: int
    # The condition that leads to an alternative stage, starting with a capital letter;
    # None on the main line, or when no branch names one.
    condition: str | None = None


def stage_place(journey: Journey, stage_id: str) -> StagePlace | None:
    """The stage's place in the route, or None if it is not in the route (such as a
    stage that helps at any time)."""
    route = journey.site.route
    for number, step in enumerate(route, start=1):
        if stage_id not in step.stages:
            continue
        place = StagePlace(number, len(route))
        if step.stages[0] == stage_id or number == 1:
            return place
        for earlier in route[number - 2].stages:
            stage = journey.stages.get(earlier)
            for branch in stage.next if stage else ():
                if branch.stage == stage_id and branch.when:
                    when = str(branch.when)
                    return StagePlace(number, len(route), when[:1].upper() + when[1:])
        return place
    return None
