"""Saved searches: a trainer keeps a search to run again later.

Only the question is kept: the search page's query string, tidied (the page number dropped, empty values left out,
only the search form's own fields). Never a list of stories. Opening a saved search runs it afresh through the
search page, which starts from the consent gate, so a story withdrawn after the search was saved can never come
back through it. A saved search belongs to the person who saved it; everyone else is told it does not exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import select

from storybank.accounts.models import User
from storybank.audit.services import record
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.forms_common import clean_text
from storybank.paging import Pages, one_page
from storybank.search.models import SavedSearch

NAME_LIMIT = 120
QUERY_LIMIT = 2000
VALUE_LIMIT = 200
PAGE_SIZE = 20
NOT_SAVED_FIELDS = frozenset({"page", "csrf_token"})


class SavedSearchError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SavedSearchPage(Pages):
    items: list[SavedSearch]
    total: int
    page: int
    per_page: int


def normalise_query(pairs: Iterable[tuple[str, str]], fields: Iterable[str]) -> str:
    """The search's question as a query string: only the search form's ``fields`` (never the page number), in the
    form's order, each value cleaned and bounded, empty ones left out. The same search always gives the same text."""
    wanted = [name for name in fields if name not in NOT_SAVED_FIELDS]
    values: dict[str, list[str]] = {name: [] for name in wanted}
    for key, value in pairs:
        if key in values:
            value = (clean_text(value) or "").strip()[:VALUE_LIMIT]
            if value and value not in values[key]:
                values[key].append(value)
    return urlencode([(name, value) for name in wanted for value in values[name]])


def query_pairs(query: str) -> list[tuple[str, str]]:
    return parse_qsl(query or "", keep_blank_values=False)


def default_name(words: str | None, today: date | None = None) -> str:
    """What the search is called unless the trainer says otherwise: the words they typed, or the day it was saved."""
    words = " ".join((words or "").split())
    if len(words) > NAME_LIMIT:
        words = words[:NAME_LIMIT].rsplit(" ", 1)[0] or words[:NAME_LIMIT]
    return words or f"Search saved on {(today or utcnow().date()).strftime('%-d %B %Y')}"


def save_search(user: User, name: str, query: str) -> SavedSearch:
    """Keep ``query`` (already normalised) under ``name`` for ``user``."""
    name = " ".join((clean_text(name) or "").split())
    if not name:
        raise SavedSearchError("Please give this search a name, so you can find it again.")
    if len(name) > NAME_LIMIT:
        raise SavedSearchError(f"The name can be up to {NAME_LIMIT} characters.")
    if len(query) > QUERY_LIMIT:
        raise SavedSearchError("This search is too long to save. Please try it with fewer words or filters.")
    saved = SavedSearch(user_id=user.id, name=name, query=query)
    db.session.add(saved)
    db.session.flush()
    record("saved_search.saved", user, saved, after={"name": name, "query": query})
    db.session.commit()
    return saved


def saved_searches_of(user: User, page: int = 1, per_page: int = PAGE_SIZE) -> SavedSearchPage:
    """The person's own saved searches, newest first, a page at a time."""
    items, total, page = one_page(select(SavedSearch).where(SavedSearch.user_id == user.id),
                                  (SavedSearch.created_at.desc(), SavedSearch.id.desc()), page, per_page)
    return SavedSearchPage(items=items, total=total, page=page, per_page=per_page)


def own_saved_search(user: User, saved_id: int) -> SavedSearch | None:
    """The saved search if it is ``user``'s, else None: someone else's is treated as if it did not exist."""
    return db.session.scalar(select(SavedSearch).where(SavedSearch.id == saved_id, SavedSearch.user_id == user.id))


def delete_saved_search(saved: SavedSearch, user: User) -> None:
    if saved.user_id != user.id:
        raise SavedSearchError("Only the person who saved a search can delete it.")
    record("saved_search.deleted", user, saved, before={"name": saved.name, "query": saved.query})
    db.session.delete(saved)
    db.session.commit()
