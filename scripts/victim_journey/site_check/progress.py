"""Progress of long work: pages done out of the total and the time left.

On a terminal one line is redrawn in place. Elsewhere (CI logs) a line is printed every
few seconds, never one per page, so a log of thousands of pages stays readable."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

LOG_INTERVAL_SECONDS = 10.0
TERMINAL_INTERVAL_SECONDS = 0.2


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


class Progress:
    """Call `update(done)` as often as you like; it decides when to print."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 interactive: bool | None = None) -> None:
        self.label = label
        self.total = total
        self.stream = stream or sys.stderr
        self.clock = clock
        self.interactive = (self.stream.isatty() if interactive is None else interactive)
        self.started = clock()
        self.last_printed: float | None = None
        self.last_done = -1

    def line(self, done: int) -> str:
        elapsed = self.clock() - self.started
        text = f"{self.label}: {done}/{self.total} pages"
        if 0 < done < self.total:
            text += f", about {_duration(elapsed / done * (self.total - done))} left"
        elif done >= self.total:
            text += f", done in {_duration(elapsed)}"
        return text

    def update(self, done: int) -> None:
        now = self.clock()
        interval = TERMINAL_INTERVAL_SECONDS if self.interactive else LOG_INTERVAL_SECONDS
        if done == self.last_done or (self.last_printed is not None
                                      and now - self.last_printed < interval
                                      and done < self.total):
            return
        self.last_printed, self.last_done = now, done
        if self.interactive:
            self.stream.write(f"\r\033[K{self.line(done)}")
            if done >= self.total:
                self.stream.write("\n")
        else:
            self.stream.write(self.line(done) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        """End a redrawn line that stopped short of the total (some pages failed)."""
        if self.interactive and self.last_printed is not None and self.last_done < self.total:
            self.stream.write("\n")
            self.stream.flush()
