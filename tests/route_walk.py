"""Walk every page of the app, so a page added later is checked the day it is added."""

from __future__ import annotations

import io
from collections.abc import Iterator

from pypdf import PdfReader

FORM_ANSWERS = {
    "decision": "accept", "replacement": "a carer", "redact-text": "Tuesday", "redact-label": "OTHER",
    "theme-theme": "dignity", "warning-warning": "hospital stays", "clarity-text": "Some clearer words.",
    "changes-message": "Could you say when it happened?", "decline-reason": "other",
    "decline-message": "Thank you for writing it.", "concern-sentence": "Words that worry me.",
    "concern-reason": "Someone may be at risk.", "action": "no_action", "note": "Checked with the team.",
    "outcome": "upheld", "message": "Thank you for asking us to look again.",
}
"""Plausible answers for every moderation form; none of them holds a word of the stories the walks look for."""


def _url(rule, ids: dict) -> str:
    """``ids`` is shared by every rule, and two rules may use one name for different things (a suggestion's
    ``key`` is a word, a version section's a number): a value the rule cannot take becomes 1."""
    values = {name: ids.get(name, 1) for name in rule.arguments}
    try:
        return rule.build(values, append_unknown=False)[1]
    except ValueError:
        return rule.build({name: value if isinstance(value, int) else 1 for name, value in values.items()},
                          append_unknown=False)[1]


def text_of(response) -> str:
    """A page's text; for a PDF (a pack to print), the words on its pages, so a walk reads those too."""
    if response.mimetype == "application/pdf":
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(response.data)).pages)
    return response.get_data(as_text=True)


def every_page(app, client, ids: dict) -> Iterator[tuple[str, str]]:
    """(url, text) for every GET rule, arguments filled from ``ids`` (1 when not given), redirects followed.
    Images (the favicon) hold no words, so they are skipped like the static files."""
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        url = _url(rule, ids)
        response = client.get(url, follow_redirects=True)
        if response.mimetype.startswith("image/"):
            response.close()
            continue
        yield url, text_of(response)


def every_page_a_post_leads_to(app, client, ids: dict, csrf_token: str, *,
                               blueprint: str) -> Iterator[tuple[str, str]]:
    """(url, text) of the page each POST rule of ``blueprint`` leads to, answered with FORM_ANSWERS and a CSRF
    token, redirects followed: a page shown after an action is checked like any other."""
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or not rule.endpoint.startswith(f"{blueprint}."):
            continue
        url = _url(rule, ids)
        response = client.post(url, data={**FORM_ANSWERS, "csrf_token": csrf_token}, follow_redirects=True)
        yield f"POST {url}", response.get_data(as_text=True)
