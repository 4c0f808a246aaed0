"""Where each support service is listed, so that pages stay usable however many there are.

- A national service (no `area:`) is open to everyone in England and Wales. It is listed
  on the page of every stage where it helps, in the services directory under those
  stages, and in the printable guide.
- A local service (`area: Leeds North`) helps people in one area. The directory lists
  local services by area; a stage page where some of them help says so once, with a link
  to that list, instead of listing them (a directory of local branches can hold
  thousands). Its own page, the A to Z and search find it as any other service.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from victim_journey.content.model import Service

LOCAL_SERVICES_ANCHOR = "local-services"
# More local services than this under one A to Z word become one link to the directory's
# list by area, so that a word shared by many branches stays one short entry.
A_TO_Z_LOCAL_LIMIT = 5


@dataclass(frozen=True)
class Area:
    name: str
    anchor: str  # the id of its section in the services directory
    services: list[tuple[str, Service]]


def is_local(service: Service) -> bool:
    return service.area is not None


def national(services: Iterable[tuple[str, Service]]) -> list[tuple[str, Service]]:
    return [(sid, service) for sid, service in services if not is_local(service)]


def local(services: Iterable[tuple[str, Service]]) -> list[tuple[str, Service]]:
    return [(sid, service) for sid, service in services if is_local(service)]


def area_anchor(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "area-" + ("-".join(re.findall(r"[a-z0-9]+", plain)) or "other")


def areas(services: Iterable[tuple[str, Service]]) -> list[Area]:
    """The local services by area, areas in alphabetical order, services by name."""
    found: dict[str, list[tuple[str, Service]]] = {}
    for sid, service in local(services):
        assert service.area is not None
        found.setdefault(service.area, []).append((sid, service))
    result, used = [], set()
    for name in sorted(found, key=str.lower):
        anchor = area_anchor(name)
        while anchor in used:  # two spellings of one area: each keeps its own section
            anchor += "-2"
        used.add(anchor)
        result.append(Area(name, anchor, sorted(found[name], key=lambda s: s[1].name.lower())))
    return result
