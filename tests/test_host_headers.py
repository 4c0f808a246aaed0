"""The `_headers` file and the nginx snippet send each page's own policy, with framing
forbidden, and the headers every response needs."""

from __future__ import annotations

import re
from pathlib import Path

from victim_journey.publish.host_headers import (
    HEADERS_FILE,
    LONG_CACHE,
    NGINX_FILE,
    page_policy,
    with_no_framing,
)
from victim_journey.site_check.serve import not_found_pages, site_pages


def _rules(text: str) -> dict[str, dict[str, list[str]]]:
    """Netlify's format: a path on its own line, then indented 'Name: value' lines."""
    rules: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            assert line not in rules, f"{line} has two rules"
            current = rules.setdefault(line, {})
        else:
            name, value = line.strip().split(": ", 1)
            current.setdefault(name, []).append(value)
    return rules


def _page_files(site: Path) -> dict[str, Path]:
    pages = {"/" + path: site / path / "index.html" for path in site_pages(site)}
    pages.update({"/" + path: site / path for path in not_found_pages(site)})
    return pages


def test_every_page_s_header_is_its_own_policy_without_framing(built_site: Path) -> None:
    rules = _rules((built_site / HEADERS_FILE).read_text(encoding="utf-8"))
    pages = _page_files(built_site)
    assert "/stages/the-trial/" in pages and "/cy/404.html" in pages
    for path, file in pages.items():
        policy = page_policy(file.read_text(encoding="utf-8"))
        assert policy is not None and "script-src 'self'" in policy, path
        assert rules[path]["Content-Security-Policy"] == \
            [policy + "; frame-ancestors 'none'"], path


def test_every_response_gets_the_safety_headers(built_site: Path) -> None:
    everything = _rules((built_site / HEADERS_FILE).read_text(encoding="utf-8"))["/*"]
    assert everything["Referrer-Policy"] == ["no-referrer"]
    assert everything["X-Content-Type-Options"] == ["nosniff"]
    assert everything["Content-Security-Policy"] == ["frame-ancestors 'none'"]
    assert "camera=()" in everything["Permissions-Policy"][0]


def test_hashed_assets_are_kept_for_a_year(built_site: Path) -> None:
    rules = _rules((built_site / HEADERS_FILE).read_text(encoding="utf-8"))
    cached = {path for path, headers in rules.items() if "Cache-Control" in headers}
    assert any(re.fullmatch(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js", p)
               for p in cached)
    assert all(rules[p]["Cache-Control"] == [LONG_CACHE] for p in cached)
    # Our own files keep their names when they change, so they are never cached long.
    assert not any("vj-" in path for path in cached)


def test_nginx_sends_the_same_policy_for_each_page_file(built_site: Path) -> None:
    snippet = (built_site / NGINX_FILE).read_text(encoding="utf-8")
    locations = dict(re.findall(r"location = (\S+) \{\n(.*?)\n\}", snippet, re.DOTALL))
    for path, file in _page_files(built_site).items():
        served = "/" + file.relative_to(built_site).as_posix()
        policy = page_policy(file.read_text(encoding="utf-8"))
        block = locations[served]
        assert f'add_header Content-Security-Policy "{policy}; frame-ancestors \'none\'" ' \
               "always;" in block, path
        # nginx drops the server's headers in a location with its own: each repeats them.
        assert 'add_header Referrer-Policy "no-referrer" always;' in block
    assert "error_page 404 /404.html;" in snippet


def test_framing_is_forbidden_once() -> None:
    assert with_no_framing("default-src 'self'; frame-ancestors *;") == \
        "default-src 'self'; frame-ancestors 'none'"


def test_the_policy_is_read_as_the_browser_reads_it() -> None:
    html = ('<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" '
            'content="script-src &#x27;self&#x27;">')
    assert page_policy(html) == "script-src 'self'"
    assert page_policy("<p>no policy</p>") is None
