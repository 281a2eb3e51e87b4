"""Every list is shown a page at a time: one rule for counting pages, one for the link to another page."""

from __future__ import annotations

import math

from flask import request, url_for
from sqlalchemy import bindparam, func, select

from storybank.extensions import db


def page_count(total: int, per_page: int) -> int:
    """An empty list is still one (empty) page, so "Page 1 of 1" never reads "of 0"."""
    return max(1, math.ceil(total / per_page))


COUNT_LIMIT = 1000
"""Long lists count their rows only this far (or as far as the page asked for), then say "more than": an exact
count walks every row, so the page would slow down as the service grows, and no one pages through a thousand."""


def counter_upto(query):
    """The statement ``count_upto`` runs for ``query``, its limit bound when it runs: a list asked for on every
    visit builds it once."""
    return select(func.count()).select_from(query.limit(bindparam("count_upto")).subquery())


def count_upto(counter, page: int, per_page: int, params: dict | None = None) -> tuple[int, bool]:
    """(how many, whether there are more than that) of the rows ``counter`` (from ``counter_upto``) counts, up to
    COUNT_LIMIT or to the end of the page asked for, whichever is further, so a page past the first thousand still
    knows it exists. ``params`` are the values of the query's own bound parameters."""
    cap = max(COUNT_LIMIT, page * per_page)
    counted = db.session.scalar(counter, {**(params or {}), "count_upto": cap + 1}) or 0
    return min(counted, cap), counted > cap


class Pages:
    """For a page of a list that knows its ``total`` and ``per_page`` (and, for a long list, whether there are
    ``more`` than the total it counted to)."""

    total: int
    per_page: int
    more: bool = False

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)


def one_page(query, order, page: int, per_page: int) -> tuple[list, int, int]:
    """(items, total, page) of ``query`` in ``order``; a page past the end shows the last one."""
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = min(max(page, 1), page_count(total, per_page))
    items = list(db.session.scalars(query.order_by(*order).limit(per_page).offset((page - 1) * per_page)))
    return items, total, page


MAX_PAGE = 10_000


def requested_page() -> int:
    """The ``?page=`` asked for: 1 when missing or not a number, never beyond MAX_PAGE (a page past the end of a
    list shows its last page, see ``one_page``)."""
    return min(max(request.args.get("page", type=int) or 1, 1), MAX_PAGE)


def page_url(page: int) -> str:
    """This same list on another page: every filter in the address kept, only the page number changed."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return url_for(request.endpoint, **(request.view_args or {}), **args)
