"""Search's background work: rebuilding the whole index (``flask search reindex --queue``).

A story's own entry is still written as it is approved and removed in the transaction that withdraws it: that is
one row, and doing it at once means an approved story can be found straight away. Results never rest on the index
alone either way: every search joins the consent gate, so a withdrawn story is gone from them at once.
"""

from __future__ import annotations

from flask import Flask

from storybank import jobs
from storybank.search.services import reindex_all

REINDEX_SEARCH = "reindex-search"


def init_app(app: Flask) -> None:
    jobs.register(app, REINDEX_SEARCH, reindex_all, job_id="reindex-search",
                  describe=lambda: "Rebuilding the search index", timeout=3600)
