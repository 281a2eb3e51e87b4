"""Every list is shown a page at a time: one rule for counting pages, one for the link to another page."""

from __future__ import annotations

import math

from flask import request, url_for


def page_count(total: int, per_page: int) -> int:
    """An empty list is still one (empty) page, so "Page 1 of 1" never reads "of 0"."""
    return max(1, math.ceil(total / per_page))


class Pages:
    """For a page of a list that knows its ``total`` and ``per_page``."""

    total: int
    per_page: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)


def page_url(page: int) -> str:
    """This same list on another page: every filter in the address kept, only the page number changed."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return url_for(request.endpoint, **(request.view_args or {}), **args)
