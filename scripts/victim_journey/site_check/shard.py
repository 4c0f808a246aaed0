"""Split the accessibility check across machines: `--shard 2/4` checks a deterministic
quarter of the pages, and the shards' reports are merged into one."""

from __future__ import annotations

import re
from dataclasses import dataclass


class ShardError(ValueError):
    pass


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based, as CI job matrices count
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def select(self, pages: list[str]) -> list[str]:
        """Every count-th page of the sorted list, starting at the index-th: the shards
        are the same size to within one page, and together hold every page once."""
        return [page for position, page in enumerate(sorted(pages))
                if position % self.count == self.index - 1]


WHOLE_SITE = Shard(1, 1)


def parse_shard(text: str) -> Shard:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        raise ShardError(f"'{text}' is not a shard like 2/4")
    index, count = int(match.group(1)), int(match.group(2))
    if not 1 <= index <= count:
        raise ShardError(f"shard {text}: the first number must be from 1 to {count}")
    return Shard(index, count)
