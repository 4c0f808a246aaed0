"""The journey map: an inline SVG of the route, drawn at build time from the stage graph.

No JavaScript and nothing fetched. Each stage is an ordinary HTML link inside the SVG (in
a <foreignObject>), so it is reachable by keyboard and takes the site's focus style. HTML,
not SVG <text>, because axe-core cannot measure the contrast of SVG text (it treats it as
an image: axe-core#1819) and SVG text ignores high-contrast modes, where HTML borders and
text follow the reader's colours. The <svg> is a group named by its <title> and <desc>,
not role="img", which would hide the links from assistive technology. The step-by-step
list next to it stays the text alternative.

Layout, top to bottom:
- the stages that run "throughout" (support) in a box across the top, with a bar down
  the left side that runs alongside every step;
- one row per step of the route. A step with one stage spans the width; alternatives
  sit beside the first stage of their step (the main line), alternately left and right;
- arrows for each stage's `next` branches: straight down between neighbouring rows,
  across within a row, and down the right-hand channel when they skip a row.

The picture is 340 units wide and scales with the page (viewBox, width 100%), links and
all, so it still reads at 320 CSS pixels. Boxes and text are styled in vj-wayfinding.css;
the lines use SVG presentation attributes. Neither is a style attribute, which the site's
Content-Security-Policy (style-src 'self') would block.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from victim_journey.content.journey import Journey

WIDTH = 340
RAIL_X, RAIL_WIDTH = 4, 8
LEFT = 20  # the route's boxes start right of the support rail
CHANNEL = 12  # kept free on the right for arrows that skip a row
RIGHT = WIDTH - CHANNEL
COLUMN_GAP = 14
ROW_GAP = 30
# These sizes match .vj-map__link in vj-wayfinding.css (in SVG units, which scale).
TITLE_SIZE = 14
# The label ("Step 3") is as large as the title, so it stays readable when the map is
# scaled down to fit a 320 px screen.
LINE_HEIGHT, LABEL_HEIGHT = 18, 17
PAD_X = 5 + 2  # padding and border
PAD_Y = 3 + 2
# A bold character averages a little over half the font size in common system fonts
# (measured: "No charge:" is 73px at 14px); a slightly high guess keeps each box tall
# enough for the lines the browser itself will wrap.
CHAR_WIDTH = 0.56 * TITLE_SIZE

LINE_COLOUR = "#505a5f"  # 7:1 on white
SUPPORT_COLOUR = "#00703c"  # 6:1 on white

MAP_ID = "vj-map"
XHTML = "http://www.w3.org/1999/xhtml"


@dataclass
class _Box:
    stage_id: str
    label: str
    title: str
    x: float
    y: float = 0
    width: float = 0
    height: float = 0
    row: int = 0
    column: int = 0
    support: bool = False

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height


def _wrap(text: str, width: float) -> list[str]:
    limit = max(1, int((width - 2 * PAD_X) / CHAR_WIDTH))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            # The stylesheet breaks a word longer than a line (overflow-wrap), so a long
            # word, such as Welsh 'penderfyniad' in a narrow box, takes several lines.
            lines += [word[start:start + limit] for start in range(0, len(word), limit)]
    return lines or [""]


def _box_height(box: _Box) -> float:
    return 2 * PAD_Y + LABEL_HEIGHT + LINE_HEIGHT * len(_wrap(box.title, box.width)) + 2


def _row_columns(count: int) -> list[int]:
    """Column slots for a step with `count` stages: the first (main line) in the middle,
    the alternatives alternately left and right of it, nearest first."""
    sides = count - 1
    half = math.ceil(sides / 2)
    slots = [half]
    for index in range(sides):
        distance = index // 2 + 1
        slots.append(half - distance if index % 2 == 0 else half + distance)
    return slots


def _layout(journey: Journey) -> tuple[list[_Box], float, float]:
    """Boxes with their places, the y where the route starts, and the total height."""
    stages = journey.stages
    boxes: list[_Box] = []
    y = 4.0
    for sid in journey.site.throughout:
        if sid in stages and not stages[sid].draft:
            box = _Box(sid, journey.t("any-time"), stages[sid].title, RAIL_X,
                       width=RIGHT - RAIL_X,
                       support=True, row=-1)
            box.y, box.height = y, _box_height(box)
            boxes.append(box)
            y += box.height + ROW_GAP
    route_top = y
    row = 0
    for number, step in enumerate(journey.site.route, start=1):
        sids = [sid for sid in step.stages if sid in stages and not stages[sid].draft]
        if not sids:
            continue
        slots = _row_columns(len(sids))
        columns = 2 * math.ceil((len(sids) - 1) / 2) + 1
        column_width = (RIGHT - LEFT - COLUMN_GAP * (columns - 1)) / columns
        row_boxes = []
        for sid, slot in zip(sids, slots, strict=True):
            if len(sids) == 1:
                x, width = LEFT, RIGHT - LEFT
            else:
                x, width = LEFT + slot * (column_width + COLUMN_GAP), column_width
            row_boxes.append(_Box(sid, journey.t("step-number", number=number),
                                  stages[sid].title, x, y, width, row=row, column=slot))
        height = max(_box_height(b) for b in row_boxes)
        for box in row_boxes:
            box.height = height
        boxes += row_boxes
        y += height + ROW_GAP
        row += 1
    return boxes, route_top, y - ROW_GAP + 4


def _arrow(points: list[tuple[float, float]]) -> str:
    """One straight <path> per segment, the arrowhead on the last. Checkers such as
    axe-core place an SVG shape by its bounding box, so a bent line drawn as one path
    would seem to cover the boxes it goes round, and hide their text from the contrast
    check; straight segments lie only in the gaps and the channel."""
    segments = []
    for index, ((x1, y1), (x2, y2)) in enumerate(pairwise(points)):
        end = (f' marker-end="url(#{MAP_ID}-arrow)"' if index == len(points) - 2
               else ' stroke-linecap="square"')
        segments.append(f'<path class="vj-map__line" d="M{x1:g} {y1:g} L{x2:g} {y2:g}" '
                        f'fill="none" stroke="{LINE_COLOUR}" stroke-width="2"{end}/>')
    return "".join(segments)


def _connector(source: _Box, target: _Box) -> str:
    if target.row == source.row:  # an alternative leading back to the main line
        y = source.y + source.height / 2
        if target.x > source.x:
            return _arrow([(source.x + source.width, y), (target.x - 1, y)])
        return _arrow([(source.x, y), (target.x + target.width + 1, y)])
    if target.row == source.row + 1:
        narrow, wide = sorted((source, target), key=lambda b: b.width)
        if wide.x <= narrow.centre_x <= wide.x + wide.width:
            x = narrow.centre_x
            return _arrow([(x, source.bottom), (x, target.y - 1)])
        middle = source.bottom + ROW_GAP / 2
        return _arrow([(source.centre_x, source.bottom), (source.centre_x, middle),
                       (target.centre_x, middle), (target.centre_x, target.y - 1)])
    # Skips a row (or goes back up): round the right-hand channel, so it crosses no box.
    middle = source.bottom + ROW_GAP / 2
    channel = RIGHT + CHANNEL / 2
    into = target.y + target.height / 2
    return _arrow([(source.centre_x, source.bottom), (source.centre_x, middle),
                   (channel, middle), (channel, into), (target.x + target.width + 1, into)])


def _stage_link(box: _Box, href: str) -> str:
    modifier = " vj-map__link--support" if box.support else ""
    # The xmlns is what the HTML parser gives a foreignObject's children anyway; written
    # out, the SVG is also well-formed XML.
    return (
        f'<foreignObject x="{box.x:g}" y="{box.y:g}" width="{box.width:g}" '
        f'height="{box.height:g}">'
        f'<a xmlns="{XHTML}" class="vj-map__link{modifier}" href="{escape(href)}">'
        f'<span class="vj-map__label">{escape(box.label)}</span> '
        f'<span class="vj-map__title">{escape(box.title)}</span></a></foreignObject>'
    )


def _description(journey: Journey, boxes: list[_Box]) -> str:
    t = journey.t
    titles = {b.stage_id: b.title for b in boxes}
    sentences = [t("map-arrows")]
    for box in boxes:
        targets = [titles[b.stage] for b in journey.stages[box.stage_id].next
                   if b.stage in titles]
        if targets:
            joined = (", ".join(targets[:-1]) + f" {t('word-or')} " + targets[-1]
                      if len(targets) > 1 else targets[0])
            sentences.append(t("map-leads-to", stage=box.title, next=joined))
    support = [b.title for b in boxes if b.support]
    if support:
        sentences.append(t("map-throughout", stages=f" {t('word-and')} ".join(support)))
    return " ".join(sentences)


def journey_map_svg(journey: Journey, href: Callable[[str], str]) -> Markup:
    """The map as an inline SVG. `href(stage_id)` gives the link to each stage's page,
    relative to the page the map sits on (MkDocs does not rewrite links in raw HTML)."""
    boxes, route_top, height = _layout(journey)
    by_id = {b.stage_id: b for b in boxes}
    lines = [_connector(box, by_id[branch.stage])
             for box in boxes if not box.support
             for branch in journey.stages[box.stage_id].next
             if branch.stage in by_id and not by_id[branch.stage].support]
    rail = ""
    if any(b.support for b in boxes):
        rail = (f'<rect class="vj-map__rail" x="{RAIL_X}" y="{route_top - ROW_GAP:g}" '
                f'width="{RAIL_WIDTH}" height="{height - route_top + ROW_GAP - 4:g}" '
                f'fill="{SUPPORT_COLOUR}"/>')
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="vj-map__svg" '
        f'viewBox="0 0 {WIDTH} {height:g}" width="100%" role="group" '
        f'aria-labelledby="{MAP_ID}-title" aria-describedby="{MAP_ID}-desc">',
        f'<title id="{MAP_ID}-title">{escape(journey.t("map-title"))}</title>',
        f'<desc id="{MAP_ID}-desc">{escape(_description(journey, boxes))}</desc>',
        f'<defs><marker id="{MAP_ID}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="6" markerHeight="6" orient="auto-start-reverse">'
        f'<path class="vj-map__arrowhead" d="M0 0 L10 5 L0 10 z" fill="{LINE_COLOUR}"/>'
        "</marker></defs>",
        # Lines and the rail are drawing only; not grouped, for the reason in _arrow.
        rail,
        *lines,
        *(_stage_link(box, href(box.stage_id)) for box in boxes),
        "</svg>",
    ]
    return Markup("".join(parts))


def journey_map_figure(journey: Journey, href: Callable[[str], str]) -> Markup:
    """The map in a figure, with a caption that points to the list as its text version."""
    return Markup(
        f'<figure class="vj-map" id="{MAP_ID}">'
        f"{journey_map_svg(journey, href)}"
        f'<figcaption class="vj-map__caption">{escape(journey.t("map-caption"))}</figcaption>'
        "</figure>\n")
