"""The sanitiser under the content checks: whatever reaches a page's HTML cannot run
script or fetch from another host, and what our templates make passes untouched."""

from __future__ import annotations

import re

import markdown
import pytest

from victim_journey.render.sanitise import sanitise_html

UNSAFE = re.compile(r"javascript:|vbscript:|data:|<script(?![^>]*vj-[a-z-]+\.js\" defer>)"
                    r"|<iframe|<object|<embed|<style|\son[a-z]+=|//tracker", re.IGNORECASE)


@pytest.mark.parametrize("html", [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="javascript&#58;alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href="vbscript:x">x</a>',
    '<a href="//tracker.example/x">x</a>',
    '<a href="\\\\tracker.example/x">x</a>',
    '<a href="/\\tracker.example/x">x</a>',
    '<img src="https://tracker.example/p.png" alt="">',
    '<img src="//tracker.example/p.png" alt="">',
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<img src=x onerror=alert(1)>',
    '<p onclick="alert(1)">x</p>',
    '<script>alert(1)</script>',
    '<script src="https://tracker.example/x.js"></script>',
    '<script src="../assets/javascripts/vj-deadlines.js"></script>',  # not as we write it
    '<iframe src="https://tracker.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<style>body{background:url(https://tracker.example/p.png)}</style>',
    '<svg><path fill="url(https://tracker.example/p.svg#a)" d="M0 0"/></svg>',
    '<svg><script>alert(1)</script></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<form action="https://tracker.example"><input formaction="javascript:x"></form>',
    '<a href="https://www.gov.uk" style="position:fixed">x</a>',
    '<base href="https://tracker.example/">',
    '<meta http-equiv="refresh" content="0;url=https://tracker.example">',
    '<link rel="stylesheet" href="https://tracker.example/x.css">',
    '<!-- <script>alert(1)</script> -->',
    '<div data-md-component="x" data-vj-x="ok">x</div>',
])
def test_nothing_unsafe_survives(html: str) -> None:
    cleaned = sanitise_html(html)
    assert not UNSAFE.search(cleaned), cleaned
    for tag in ("<base", "<meta", "<link", "style=", "formaction", "action=",
                "data-md-component"):
        assert tag not in cleaned


@pytest.mark.parametrize("html", [
    '<p>Read <a href="https://www.gov.uk/victims-code">the code</a>.</p>',
    '<p><a href="mailto:help@example.org">Email</a> or '
    '<a href="tel:08081689111">call</a>.</p>',
    '<p><a href="../stages/the-trial/#what-happens">The trial</a></p>',
    '<p><img src="../images/map.png" alt="A map"></p>',
    '<h2 id="what-happens" data-search-exclude="">What happens</h2>',
    '<div lang="en"><p class="vj-not-translated">English</p></div>',
    '<section class="vj-deadline" aria-labelledby="h" data-vj-deadline="" '
    'data-working-days="10"><form class="f" hidden="" novalidate=""><label for="d">Day'
    '</label><input class="i" id="d" type="text" inputmode="numeric" maxlength="2">'
    '<button class="b" type="submit">Work it out</button></form></section>',
    '<script src="../../assets/javascripts/vj-deadlines.js" defer></script>',
])
def test_what_we_make_passes(html: str) -> None:
    assert sanitise_html(html) == html


def test_the_journey_map_keeps_its_svg() -> None:
    svg = ('<figure class="vj-map" id="m"><svg xmlns="http://www.w3.org/2000/svg" '
           'viewBox="0 0 10 10" role="group" aria-labelledby="t"><title id="t">T</title>'
           '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5">'
           '<path d="M0 0 L10 5 z" fill="#000"></path></marker></defs>'
           '<path d="M1 1 L2 2" stroke-linecap="square" marker-end="url(#a)"></path>'
           '<foreignObject x="1" y="2" width="3" height="4"><a xmlns="http://www.w3.org/1999/'
           'xhtml" href="stages/a/"><span>A</span></a></foreignObject></svg></figure>')
    assert sanitise_html(svg) == svg


@pytest.mark.parametrize("text", [
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x\ny](javascript:alert(1))",
    "[a [b] c](javascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "![x](https://tracker.example/p.png)",
    "<b onmouseover=alert(1)>x</b>",
    "[x](data:text/html,<script>alert(1)</script>)",
])
def test_markdown_that_got_past_the_checks_is_made_safe(text: str) -> None:
    html = markdown.markdown(text, extensions=["md_in_html", "toc"])
    assert not UNSAFE.search(sanitise_html(html))
