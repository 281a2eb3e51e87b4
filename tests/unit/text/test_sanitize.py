"""Markdown from trainers becomes HTML with only a few harmless tags; hostile HTML never survives either layer."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from storybank.text.sanitize import ALLOWED_TAGS, clean_html, markdown_to_html

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body { display: none }</style>",
    '<p style="position:fixed;top:0">cover</p>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="jav&#x61;script:alert(1)">click</a>',
    '<a href="jav&#97;script&colon;alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="https://ok.example" onclick="alert(1)">click</a>',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<div><p><strong>unclosed <em>nest</div><a href="https://x.example"',
    "<!--<script>alert(1)</script>-->",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example"><input name=x><button>Go</button></form>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<details open ontoggle=alert(1)>",
    '<a href="https://ok.example" target="_blank">new window</a>',
]

HOSTILE_MARKDOWN = [
    "[click](javascript:alert(1))",
    "[click](jav&#x61;script:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "![x](https://evil.example/track.png)",
    '![x](x" onerror="alert(1))',
    "<javascript:alert(1)>",
    "[a](<javascript:alert(1)>)",
    "[ref][1]\n\n[1]: javascript:alert(1)",
]


class _Elements(HTMLParser):
    """What a browser would build from the HTML: every element and its attributes (text is only text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.found.append(("!--", {}))


def _assert_harmless(html: str) -> None:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.found:
        assert tag in ALLOWED_TAGS, html
        assert set(attrs) <= ({"href", "rel"} if tag == "a" else set()), html
        if tag == "a":
            assert attrs["href"].startswith(("http://", "https://", "mailto:")), html
            assert attrs["rel"] == "nofollow noopener", html


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_html_typed_into_markdown_is_shown_as_text_not_run(hostile):
    _assert_harmless(str(markdown_to_html(hostile)))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_cleaner_alone_removes_hostile_html_even_if_the_parser_let_it_through(hostile):
    _assert_harmless(str(clean_html(hostile)))


@pytest.mark.parametrize("hostile", HOSTILE_MARKDOWN)
def test_markdown_links_and_images_to_unsafe_places_lose_their_address(hostile):
    _assert_harmless(str(markdown_to_html(hostile)))


def test_what_a_trainer_is_likely_to_type_comes_through():
    html = str(markdown_to_html("Read **slowly**, *together*.\n\n> Her words\n\n- one\n- two\n\nThen:\n\n1. first\n\n"
                                "### Before you start\n\n#### Quietly\n\nLine one  \nline two"))
    for tag in ("<strong>slowly</strong>", "<em>together</em>", "<blockquote>", "<ul>", "<ol>", "<li>one</li>",
                "<h3>Before you start</h3>", "<h4>Quietly</h4>", "<br"):
        assert tag in html


def test_links_go_only_to_web_pages_and_email_and_open_nothing_else():
    html = str(markdown_to_html("[SCIE](https://www.scie.org.uk) and [us](mailto:team@example.org) and "
                                "https://example.org/page"))
    assert '<a href="https://www.scie.org.uk" rel="nofollow noopener">SCIE</a>' in html
    assert '<a href="mailto:team@example.org" rel="nofollow noopener">us</a>' in html
    assert '<a href="https://example.org/page" rel="nofollow noopener">' in html


def test_html_typed_on_purpose_is_shown_as_the_trainer_typed_it():
    assert str(markdown_to_html("Say <b>hello</b>")) == "<p>Say &lt;b&gt;hello&lt;/b&gt;</p>"


def test_nothing_typed_is_nothing_shown():
    assert [str(markdown_to_html(text)) for text in ("", "   \n", None)] == ["", "", ""]


def test_the_cleaner_given_nothing_gives_nothing_back():
    assert str(clean_html(None)) == ""
    assert str(clean_html("")) == ""
