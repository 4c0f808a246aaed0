"""Benchmark: how the build scales with the number of pages, side by side with plain
Material for MkDocs building the same pages.

Our build is the real one: every language (English and Welsh), each its own MkDocs
process, run side by side as `victim-journey build` runs them. Plain Material builds the
same Markdown pages of both languages in one process. The report gives both the wall
time (what an editor waits for) and the CPU time (the work done, which running side by
side does not reduce), so that neither hides the other.

Then, once per size, the accessibility check of our built site, as
`victim-journey check-a11y` runs it: from an empty cache, again with nothing changed, and
again with one page changed, set against the build in CPU and wall time; the time from
saving a YAML file to the preview (`mkdocs serve`) serving it; and, on the real site, how
soon the Exit control is painted on an emulated slow phone connection. The report sets
each against its goal (report.py).

Speed is measured here, never asserted in tests: absolute times on shared machines are
noisy, so the report gives ratios measured in one run, with the median of several
interleaved repetitions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from victim_journey.cli.bench.measure import BenchOptions, measure
from victim_journey.cli.bench.report import report
from victim_journey.cli.support import Commands


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    sizes = [int(size) for size in args.sizes.split(",")]
    text = report(measure(root, sizes, BenchOptions(
        repeats=args.repeats, a11y=not args.no_a11y, first_paint=not args.no_first_paint,
        preview=not args.no_preview)))
    print(text)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def add_command(commands: Commands) -> None:
    bench = commands.add_parser("bench", help="measure the build, the accessibility check, "
                                              "the first paint and the preview against "
                                              "their goals, side by side with plain "
                                              "Material, at several sizes")
    bench.add_argument("--sizes", default="0,150,1500",
                       help="numbers of synthetic services to add, comma-separated")
    bench.add_argument("--repeats", type=int, default=3)
    bench.add_argument("--output", help="also write the report to this file")
    bench.add_argument("--no-a11y", action="store_true",
                       help="leave out the accessibility check (about half a CPU second "
                            "a page)")
    bench.add_argument("--no-first-paint", action="store_true",
                       help="leave out the first paint on emulated slow 3G")
    bench.add_argument("--no-preview", action="store_true",
                       help="leave out the preview's time after an edit")
    bench.set_defaults(func=run)
