"""Numbers a browser sends reach the database only if an INTEGER column can hold them.

Past that, SQLite raises OverflowError (beyond 64 bits) and PostgreSQL refuses the query (beyond 32 bits, the
size of every `integer` id column here), and either would be a server error. So every `<int:...>` in an address,
and every number read from a query string or a form field, is checked against the smaller of the two first:
a number that no row can have names something that cannot exist, which is a 404.

The other way round, ``id_urls`` puts ids into addresses for a long list's rows without a ``url_for`` for each.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, url_for
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

LARGEST_ID = 2**31 - 1
_MOST_DIGITS = len(str(LARGEST_ID))


class DatabaseIntegerConverter(IntegerConverter):
    """`<int:...>` everywhere in the app: a number bigger than any id does not match, so the address is a 404."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = -LARGEST_ID - 1,
                 max: int | None = LARGEST_ID, signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def whole_number(value: object) -> int | None:
    """A number from a query string or a form field: None when nothing was sent, else a number a row can have.

    Anything else (letters, a sign, a file, a number bigger than LARGEST_ID) raises NotFound, just as the same
    text in an address would.
    """
    text = value.strip() if isinstance(value, str) else value
    if text is None or text == "":
        return None
    if not (isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= _MOST_DIGITS):
        raise NotFound()
    number = int(text)
    if number > LARGEST_ID:
        raise NotFound()
    return number


def id_urls(endpoint: str, name: str) -> Callable[[int], str]:
    """``url_for(endpoint, **{name: id})`` for every row of a long list: the address is built once, with LARGEST_ID
    where the id goes, and each row's id is put in its place (a ``url_for`` per row was a good part of the
    moderation queue's cost). Anything but an id a row can have goes through ``url_for`` itself, as does every id
    when the address holds LARGEST_ID's digits anywhere else."""
    marker = str(LARGEST_ID)
    before, found, after = url_for(endpoint, **{name: LARGEST_ID}).partition(marker)

    def url(value: int) -> str:
        if found and marker not in after and type(value) is int and 0 <= value <= LARGEST_ID:
            return f"{before}{value}{after}"
        return url_for(endpoint, **{name: value})

    return url


def init_app(app: Flask) -> None:
    """Replace the built-in `int` converter before any blueprint adds a route, so no route can miss it."""
    app.url_map.converters["int"] = DatabaseIntegerConverter
