"""`victim-journey schema`: write the JSON Schemas that editors' tools use, or check them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from victim_journey.cli.support import Commands
from victim_journey.publish.schema import write_schemas


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    stale = write_schemas(root / "schema", check_only=args.check)
    if args.check and stale:
        for name in stale:
            print(f"schema/{name} is out of date: run 'victim-journey schema'", file=sys.stderr)
        return 1
    return 0


def add_command(commands: Commands) -> None:
    schema = commands.add_parser("schema", help="write the JSON Schemas editors' tools use")
    schema.add_argument("--check", action="store_true", help="fail if they are out of date")
    schema.set_defaults(func=run)
