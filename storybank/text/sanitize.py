"""Markdown a trainer typed (introductions, activities, facilitator notes) turned into HTML that is safe to show.

This is the only module that imports bleach, so there is one place to read to know what HTML can reach a page.
Two layers: the Markdown parser is told not to pass raw HTML through (a "<b>" typed is shown as typed), and bleach
then keeps only a small list of tags whatever the parser made. Links may go to web pages and email addresses only,
and open nothing in the page that linked them (rel="nofollow noopener").
"""

from __future__ import annotations

from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from markupsafe import Markup

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "blockquote", "h3", "h4", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
SAFE_LINK_STARTS = ("http://", "https://", "mailto:")
LINK_REL = "nofollow noopener"
MAX_INPUT_CHARS = 50_000


def _link_rel(attrs: dict, new: bool = False) -> dict | None:
    """Every link, typed or found in plain text, gets the same rel. A link whose address is not plainly a web page
    or an email address (a relative path, an entity trick bleach let through as text) becomes its words alone."""
    href = (attrs.get((None, "href")) or "").strip().lower()
    if not href.startswith(SAFE_LINK_STARTS):
        return None
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_rel], parse_email=False)],
)


def _parser() -> markdown.Markdown:
    """A fresh parser each time (Markdown objects keep state between calls), with raw HTML turned off."""
    parser = markdown.Markdown(extensions=[], output_format="html")
    parser.preprocessors.deregister("html_block")
    parser.inlinePatterns.deregister("html")
    return parser


def markdown_to_html(text: str | None) -> Markup:
    """Markdown to HTML with only the allowed tags and safe links. The result may go into a page as it is."""
    if not text or not text.strip():
        return Markup("")
    return clean_html(_parser().convert(text[:MAX_INPUT_CHARS]))


def clean_html(html: str | None) -> Markup:
    """Any HTML cut down to the allow-list: the second layer, and the one that must hold on its own."""
    return Markup(_cleaner.clean(html or ""))  # noqa: S704 (cleaned by bleach's allow-list just here)
