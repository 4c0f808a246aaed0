"""Property-based: random Markdown, HTML, Unicode and YAML thrown at the loader and the
renderer. Whatever comes in, there is no traceback, and either a one-line file:line:col
error or pages with no script, no event handler, no javascript: URL and nothing fetched
from another host.

Examples are drawn from pieces that have broken sanitisers and link checks before
(reference links, entities, wrapped brackets, protocol-relative addresses), mixed with
random text, so a small number of examples reaches the corners. Bounded and without a
deadline, so it stays quick and steady on a loaded machine.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from victim_journey.checks.docs_pages import check_page_text
from victim_journey.content.loader import load_yaml
from victim_journey.pipeline import check_content
from victim_journey.problems import Problem, Severity
from victim_journey.render.sanitise import sanitise_html

GOLDEN_BASE = Path(__file__).parent / "golden" / "base"
TODAY = dt.date(2026, 12, 1)
ONE_LINE = re.compile(r"^[^\n]+:\d+:\d+: (error|warning): [^\n]+ \[[a-z0-9-]+\]$")

PIECES = [
    "[", "]", "(", ")", "![", "](", "]: ", "[r]", "[r]: ", "<", ">", "</", "/>", "&", "#", ";",
    "&#58;", "&#x3a;", "&colon;", "&#106;", "javascript:", "JaVaScRiPt:", "java\tscript:",
    "vbscript:", "data:text/html,", "data:image/png;base64,AAAA", "https://", "http://",
    "//tracker.example/p.png", "\\\\tracker.example", "https://tracker.example/x.js",
    "mailto:a@b.example", "tel:999", "stages/help.md", "../", "<script>", "</script>",
    "<iframe src=", "<img src=", " onerror=", " onclick=", "alert(1)", "<svg onload=",
    "<a href=", "<style>", "@import url(", "<!--", "-->", "<![CDATA[", "`", "**", "_", "*",
    "\n", "\n\n", "  ", "- ", "1. ", "> ", "# ", "\t", '"', "'", "{", "}", "{number}",
    "\u202e", "\u200b", "\ufeff", "\u0000", "\u00a0", "é", "ŵ", "ŷ", "\U0001f600",
]
HOSTILE_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)),
                        max_size=25).map("".join)

REFUSED_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "style", "base",
                "meta", "link", "applet", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset",
                  "background", "data", "cite"}
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


class _Finder(HTMLParser):
    """What a browser would run or fetch: read as a browser reads it (entities decoded,
    blanks and control characters inside a scheme ignored)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if "url(" in value.lower().replace(" ", "") and name == "style":
                self.found.append(f"style url on <{tag}>")
            if name not in URL_ATTRIBUTES:
                continue
            address = re.sub(r"[\x00-\x20]", "", value).lower()
            scheme = SCHEME.match(address)
            if scheme and scheme.group(1) not in ("https", "mailto", "tel"):
                self.found.append(f"{name}={value!r} on <{tag}>")
            elif address.startswith(("//", "\\\\", "/\\", "\\/")):
                self.found.append(f"{name}={value!r} (another host) on <{tag}>")
            elif name != "href" and scheme:
                self.found.append(f"{name}={value!r} (fetched from another host) on <{tag}>")

    handle_startendtag = handle_starttag


def unsafe_parts(html: str) -> list[str]:
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


EXTENSIONS = ["md_in_html", "toc"]
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def assert_one_line(problems: list[Problem]) -> None:
    for problem in problems:
        assert ONE_LINE.match(problem.format_text()), problem.format_text()


def assert_safe(html: str) -> None:
    assert unsafe_parts(html) == [], html


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(GOLDEN_BASE, root)
    return root


def _block(text: str) -> str:
    """The text as a YAML block, indented: YAML may still refuse it (tabs, odd breaks),
    which is one of the outcomes allowed."""
    return "".join(f"  {line}\n" for line in text.split("\n"))


@SETTINGS
@given(text=HOSTILE_TEXT)
def test_hostile_stage_text(project: Path, text: str) -> None:
    stage = project / "journey/stages/help.yml"
    original = (GOLDEN_BASE / "journey/stages/help.yml").read_text(encoding="utf-8")
    stage.write_text(original.replace("what_you_can_do: |\n  You can ask for help.\n",
                                      f"what_you_can_do: |\n{_block(text)}"),
                     encoding="utf-8")
    checked = check_content(project / "journey", root=project, today=TODAY)
    assert_one_line(checked.problems)
    if any(p.severity is Severity.ERROR for p in checked.problems):
        return
    for page in checked.pages:
        html = markdown.markdown(page.markdown.split("\n---\n", 1)[-1],
                                 extensions=EXTENSIONS)
        # Validation passed, so the page is safe before the sanitiser, and after it.
        assert_safe(html)
        assert_safe(sanitise_html(html))


@SETTINGS
@given(text=HOSTILE_TEXT, front=HOSTILE_TEXT)
def test_hostile_hand_written_page(text: str, front: str) -> None:
    page = f"---\ndescription: {front}\n---\n{text}"
    problems = check_page_text(page, "docs/en/page.md")
    assert_one_line(problems)
    html = markdown.markdown(text, extensions=EXTENSIONS)
    assert_safe(sanitise_html(html))
    if not any(p.severity is Severity.ERROR for p in problems):
        assert_safe(html)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(HOSTILE_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      st.binary(max_size=200),
                      st.recursive(st.just("x"), lambda inner: st.one_of(
                          inner.map(lambda s: f"[{s}]"), inner.map(lambda s: f"{{a: {s}}}"),
                          inner.map(lambda s: f"- {s}")), max_leaves=30).map(str.encode)))
def test_hostile_yaml_never_raises(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "file.yml"
    path.write_bytes(data)
    loaded, problems = load_yaml(path, "file.yml")
    assert_one_line(problems)
    assert loaded is not None or problems


@pytest.mark.parametrize(("depth", "code"), [(50, "too-deep"), (400, "too-deep"),
                                           # libyaml stops first, at 1,000 levels
                                           (5000, "yaml-syntax")])
def test_deep_yaml_is_one_line(tmp_path: Path, depth: int, code: str) -> None:
    path = tmp_path / "file.yml"
    path.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    _, problems = load_yaml(path, "file.yml")
    assert [p.code for p in problems] == [code]
    assert_one_line(problems)


@pytest.mark.parametrize("html", [
    '<a href="java&#x09;script:alert(1)">x</a>', '<img src="https://t.example/p.png">',
    '<a href="//t.example">x</a>', '<p onclick="x">x</p>', "<script>x</script>",
    '<svg><a xlink:href="javascript:x">x</a></svg>', '<a href="data:text/html,x">x</a>',
])
def test_the_checker_itself_sees_what_a_browser_would_run(html: str) -> None:
    assert unsafe_parts(html)


def test_the_checker_lets_plain_words_about_schemes_pass() -> None:
    assert unsafe_parts("<p>javascript: and data: are words here</p>") == []
