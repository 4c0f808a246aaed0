"""The pure functions behind reader safety: per-page CSP hashes, noreferrer on external
links, and the refusal of site settings that would break the privacy promise."""

from __future__ import annotations

import base64
import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from victim_journey.mkdocs_plugin.csp import (
    UnknownInlineScript,
    add_csp_meta,
    content_security_policy,
    inline_script_hashes,
    policy_for,
)
from victim_journey.mkdocs_plugin.external_links import add_noreferrer
from victim_journey.mkdocs_plugin.privacy import CODE, privacy_problems
from victim_journey.mkdocs_plugin.theme_dir import THEME_DIR

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>__md_scope=new URL("../..",location)</script>
<script src="bundle.js"></script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script type="module">import "./x.js"</script>
</head><body><script>var a = "</p>";</script></body></html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# The page's own scripts, as the build's allow-list would hold them.
ALLOWED = frozenset({sha('__md_scope=new URL("../..",location)'), sha('import "./x.js"'),
                     sha('var a = "</p>";')})


def test_hashes_every_inline_script_that_runs_and_nothing_else() -> None:
    assert inline_script_hashes(PAGE) == [
        sha('__md_scope=new URL("../..",location)'),
        sha('import "./x.js"'),
        sha('var a = "</p>";'),
    ]


def test_the_same_script_at_another_depth_gets_another_hash() -> None:
    deeper = PAGE.replace('"../.."', '"../../.."')
    assert inline_script_hashes(deeper)[0] != inline_script_hashes(PAGE)[0]


def test_policy_allows_only_our_origin_and_these_scripts() -> None:
    policy = policy_for(PAGE, ALLOWED)
    assert policy == content_security_policy(inline_script_hashes(PAGE))
    assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-")
    for directive in ("object-src 'none'", "base-uri 'none'", "form-action 'self'",
                      "style-src 'self'", "img-src 'self' data:"):
        assert directive in policy
    assert "unsafe" not in policy and "http" not in policy


def test_meta_goes_straight_after_the_charset_and_only_once() -> None:
    once = add_csp_meta(PAGE, ALLOWED)
    assert once.index('<meta charset="utf-8">') < once.index("Content-Security-Policy") \
        < once.index("<script")
    assert add_csp_meta(once, ALLOWED) == once


def test_a_page_without_head_is_left_alone() -> None:
    assert add_csp_meta("<p>fragment</p>", ALLOWED) == "<p>fragment</p>"


def test_every_earlier_policy_goes_with_the_line_it_was_put_on() -> None:
    # However it is written, and with its line break and indent: a second run gives the
    # page the first run gave.
    earlier = PAGE.replace(
        '<meta charset="utf-8">',
        '<meta charset="utf-8">\n  \t<META HTTP-EQUIV=content-security-policy content=x>'
        "\n<meta http-equiv='Content-Security-Policy' content=\"y\">")
    assert add_csp_meta(earlier, ALLOWED) == add_csp_meta(PAGE, ALLOWED)


def test_script_tags_are_read_as_a_browser_reads_them() -> None:
    page = ('<head><meta charset="utf-8"></head><SCRIPT data-x="a>b">one()</SCRIPT>'
            "<script type='module' data-y='</script>'>two()</script >"
            "<script>three()</Script><script>never closed()")
    assert inline_script_hashes(page) == [sha("one()"), sha("two()"), sha("three()")]


@pytest.mark.parametrize("injected", [
    "<script>alert(1)</script>",
    "<SCRIPT type='text/javascript'>alert(1)</SCRIPT>",
    '<script type="module">import("//x.example")</script>',
    "<script>alert(1)",  # never closed: the rest of the page is its text
])
def test_a_script_not_on_the_allow_list_fails(injected: str) -> None:
    page = PAGE.replace("<body>", f"<body><p>{injected}</p>")
    with pytest.raises(UnknownInlineScript, match="not one of the theme's or ours"):
        add_csp_meta(page, ALLOWED)


def test_a_script_injected_with_an_allowed_scripts_text_at_another_depth_fails() -> None:
    deeper = PAGE.replace('"../.."', '"../../.."')
    with pytest.raises(UnknownInlineScript):
        policy_for(deeper, ALLOWED)


def test_data_scripts_need_no_allowing() -> None:
    page = PAGE.replace("<body>", '<body><script type="application/json">{}</script>')
    assert add_csp_meta(page, ALLOWED)


@pytest.mark.parametrize(("tag", "expected"), [
    ('<a href="https://example.org/x">', '<a href="https://example.org/x" rel="noreferrer">'),
    ("<a href='//example.org'>", "<a href='//example.org' rel=\"noreferrer\">"),
    ('<a rel="nofollow" href="http://example.org">',
     '<a rel="nofollow noreferrer" href="http://example.org">'),
    ('<a href="https://example.org" rel="nofollow noreferrer">',
     '<a href="https://example.org" rel="nofollow noreferrer">'),
    ('<a title="a > b" href="https://example.org">',
     '<a title="a > b" href="https://example.org" rel="noreferrer">'),
    ('<a href="../stages/">', '<a href="../stages/">'),
    ('<a href="mailto:help@example.org">', '<a href="mailto:help@example.org">'),
    ('<a href="tel:08081689111">', '<a href="tel:08081689111">'),
    ('<a href="#top">', '<a href="#top">'),
    ('<abbr title="https://example.org">', '<abbr title="https://example.org">'),
    # Addresses written with character references are read as the browser reads them.
    ('<a href="https:&#47;&#47;example.org">',
     '<a href="https:&#47;&#47;example.org" rel="noreferrer">'),
    ('<a href="&sol;&sol;example.org">', '<a href="&sol;&sol;example.org" rel="noreferrer">'),
    ('<A HREF="HTTPS://EXAMPLE.ORG">', '<A HREF="HTTPS://EXAMPLE.ORG" rel="noreferrer">'),
    ('<a title="a &amp; b" href="../x/">', '<a title="a &amp; b" href="../x/">'),
])
def test_noreferrer_goes_on_external_links_only(tag: str, expected: str) -> None:
    assert add_noreferrer(f"<p>{tag}text</a></p>") == f"<p>{expected}text</a></p>"


SAFE_CONFIG = {"theme": {"name": "material", "font": False, "features": [],
                         "favicon": "assets/favicon.png", "logo": "assets/logo.svg"},
               "markdown_extensions": ["md_in_html", "toc"],
               "plugins": ["material/search", "victim-journey"], "extra": {},
               "extra_css": ["assets/x.css"], "extra_javascript": [], "mdx_configs": {}}


def test_our_settings_pass() -> None:
    assert privacy_problems(SAFE_CONFIG) == []


@pytest.mark.parametrize(("change", "words"), [
    ({"theme": {"font": {"text": "Roboto"}}}, "Google Fonts"),
    ({"theme": {"font": False, "features": ["search.highlight"]}}, "search words"),
    ({"theme": {"font": False, "features": ["search.share"]}}, "search words"),
    ({"theme": {"font": False, "features": ["content.tabs.link"]}}, "localStorage"),
    ({"theme": {"font": False, "features": ["announce.dismiss"]}}, "localStorage"),
    ({"theme": {"font": False, "features": ["navigation.instant.prefetch"]}},
     "Content-Security-Policy"),
    ({"theme": {"font": False, "palette": [{"scheme": "default"}, {"scheme": "slate"}]}},
     "localStorage"),
    ({"repo_url": "https://github.com/example/site"}, "api.github.com"),
    ({"extra": {"analytics": {"provider": "google"}}}, "analytics"),
    ({"extra": {"consent": {"title": "Cookies"}}}, "localStorage"),
    ({"extra": {"version": {"provider": "mike"}}}, "sessionStorage"),
    ({"plugins": ["material/offline"]}, "other hosts"),
    ({"extra_javascript": ["https://cdn.example.org/x.js"]}, "another host"),
    ({"extra_css": ["//fonts.example.org/x.css"]}, "another host"),
    ({"mdx_configs": {"pymdownx.superfences": {"custom_fences": [{"name": "mermaid"}]}}},
     "CDN"),
    ({"theme": {"font": False, "favicon": "https://tracker.example/f.ico"}}, "another host"),
    ({"theme": {"font": False, "logo": "//tracker.example/logo.png"}}, "another host"),
    ({"markdown_extensions": ["toc", "attr_list"]}, "onclick"),
    ({"markdown_extensions": [{"attr_list": {}}]}, "onclick"),
    ({"markdown_extensions": ["pymdownx.snippets"]}, "other files"),
])
def test_each_leaky_setting_is_refused_with_a_reason(change: dict[str, object],
                                                     words: str) -> None:
    problems = privacy_problems({**SAFE_CONFIG, **change})
    assert len(problems) == 1
    assert words in problems[0].message
    assert problems[0].code == CODE


def test_problem_points_at_the_line_in_mkdocs_yml() -> None:
    text = "site_name: x\n# search.highlight is off\ntheme:\n  features:\n    - search.highlight\n"
    config = {**SAFE_CONFIG, "theme": {"font": False, "features": ["search.highlight"]}}
    (problem,) = privacy_problems(config, config_text=text)
    assert problem.format_text().startswith("mkdocs.yml:5:7: error: theme feature "
                                            "'search.highlight'")
    assert problem.format_text().endswith(f"[{CODE}]")


def test_the_build_refuses_a_leaky_setting_without_a_traceback(content_copy: Path) -> None:
    config = content_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  features: []" in text
    config.write_text(text.replace("  features: []", "  features: [search.highlight]"),
                      encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(content_copy / "site")],
        capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "mkdocs.yml:" in result.stderr and f"[{CODE}]" in result.stderr
    assert not (content_copy / "site").exists()


# --- the allow-list is made from the templates, before the build -------------------------

def test_allow_list_comes_from_the_templates_at_every_depth(tmp_path: Path) -> None:
    from victim_journey.mkdocs_plugin.script_allow_list import allowed_script_hashes

    ours, theme = tmp_path / "overrides", tmp_path / "theme"
    (ours / "partials").mkdir(parents=True)
    (theme / "partials").mkdir(parents=True)
    (ours / "partials/head.html").write_text("<script>__md_set=function(){}</script>")
    (theme / "partials/base.html").write_text(
        '{#- generated -#}\n<script>s=new URL("{{ config.extra.scope | d(base_url) }}")</script>')
    (theme / "partials/head.html").write_text("<script>overridden()</script>")
    (theme / "partials/logic.html").write_text("<script>{% if x %}a(){% endif %}</script>")
    (theme / "redirect.html").write_text('<script>go("{{ page.meta.location }}")</script>')
    (theme / "main.html").write_text('<script src="bundle.js"></script>'
                                     '<script type="application/json">{}</script>')
    allowed = allowed_script_hashes([ours, theme], extra_base_urls=["/cy/"])
    assert sha("__md_set=function(){}") in allowed
    for base in (".", "..", "../..", "../../..", "/cy/"):
        assert sha(f's=new URL("{base}")') in allowed
    assert sha("overridden()") not in allowed  # our partial replaces the theme's
    assert sha('go("")') not in allowed and not any("go(" in s for s in allowed)
    assert len(allowed) == 1 + 13 + 1


def test_every_inline_script_in_the_real_theme_is_known_before_the_build() -> None:
    import material

    from victim_journey.mkdocs_plugin.script_allow_list import allowed_script_hashes

    theme = Path(material.__file__).parent / "templates"
    allowed = allowed_script_hashes([THEME_DIR, theme])
    # Our own head script and Material's __md_scope at the top and 3 folders down.
    assert sha("__md_set=function(){}") in allowed
    base = (theme / "partials/javascripts/base.html").read_text(encoding="utf-8")
    (script,) = [s for s in base.split("<script>")[1:]]
    body = script.split("</script>")[0]
    for depth in (".", "../../.."):
        rendered = body.replace('{{ config.extra.scope | d(base_url) }}', depth)
        assert sha(rendered) in allowed


def test_the_build_fails_naming_the_page_with_an_unknown_script() -> None:
    import material
    from mkdocs.exceptions import PluginError

    from victim_journey.mkdocs_plugin.plugin import VictimJourneyPlugin

    plugin = VictimJourneyPlugin()
    plugin.theme_dirs = [str(THEME_DIR),
                         str(Path(material.__file__).parent / "templates")]
    plugin.config_extra, plugin.extra_base_urls = {}, ["/"]
    page = '<head><meta charset="utf-8"><script>__md_set=function(){}</script></head>'
    assert "Content-Security-Policy" in plugin._secure(page, "docs/en/privacy.md")
    with pytest.raises(PluginError, match=r"^docs/en/privacy\.md:1:1: error: an inline script "
                                          r"that is not one of the theme's or ours: "
                                          r"'alert\(1\)'.*\[unknown-script\]$"):
        plugin._secure(page + "<p><script>alert(1)</script></p>", "docs/en/privacy.md")


@pytest.mark.parametrize("css", [
    "@import url(https://fonts.example/x.css);",
    '@import "//fonts.example/x.css";',
    "body { background: url( 'https://tracker.example/p.png') }",
    "@font-face { src: url(HTTP://fonts.example/f.woff2) }",
])
def test_a_local_stylesheet_that_loads_from_another_host_is_refused(
        tmp_path: Path, css: str) -> None:
    from victim_journey.mkdocs_plugin.privacy import stylesheet_problems

    folder = tmp_path / "overrides/assets/stylesheets"
    folder.mkdir(parents=True)
    (folder / "ok.css").write_text("a { background: url(../img/x.png) }\n@import 'b.css';\n")
    (folder / "bad.css").write_text(f"/* ours */\n{css}\n")
    problems = stylesheet_problems([tmp_path / "overrides"], tmp_path)
    assert [(p.path, p.line) for p in problems] == [("overrides/assets/stylesheets/bad.css", 2)]
    assert all(p.code == CODE for p in problems)


def test_our_stylesheets_load_nothing_from_another_host() -> None:
    from victim_journey.mkdocs_plugin.privacy import stylesheet_problems

    root = Path(__file__).resolve().parent.parent
    assert stylesheet_problems([THEME_DIR, root / "docs"], root) == []
