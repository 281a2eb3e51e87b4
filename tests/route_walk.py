"""Walk every GET page of the app, so a page added later is checked the day it is added."""

from __future__ import annotations

from collections.abc import Iterator


def every_page(app, client, ids: dict) -> Iterator[tuple[str, str]]:
    """(url, text) for every GET rule, arguments filled from ``ids`` (1 when not given), redirects followed."""
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        url = rule.build({name: ids.get(name, 1) for name in rule.arguments}, append_unknown=False)[1]
        yield url, client.get(url, follow_redirects=True).get_data(as_text=True)
