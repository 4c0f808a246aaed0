"""Small graph helpers shared by the checks on the route and on the "Where am I?" questions.

A graph is a dict from a node to the nodes it leads to, in the order the content lists them.
"""

from __future__ import annotations

from collections.abc import Iterable

Graph = dict[str, list[str]]


def find_cycle(graph: Graph) -> list[str] | None:
    """One loop, as the list of nodes around it (first node repeated at the end), or None.

    Nodes are tried in sorted order so the same content always reports the same loop.
    """
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in visiting:
            return [*visiting[visiting.index(node):], node]
        if node in done:
            return None
        visiting.append(node)
        for target in graph.get(node, []):
            found = visit(target)
            if found:
                return found
        visiting.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        found = visit(start)
        if found:
            return found
    return None


def reachable(graph: Graph, roots: Iterable[str]) -> set[str]:
    """Every node that can be reached from the roots, the roots included."""
    seen: set[str] = set()
    pending = list(roots)
    while pending:
        node = pending.pop()
        if node in seen:
            continue
        seen.add(node)
        pending.extend(graph.get(node, []))
    return seen
