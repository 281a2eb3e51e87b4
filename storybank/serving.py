"""What gunicorn.conf.py needs from us: an access log that keeps no secrets and no search words, and the start-up
check that several workers in production count their rate limits together.

Imported by gunicorn's master process only (it reads gunicorn.conf.py), never by the app itself.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Mapping

from gunicorn.glogging import Logger

from storybank.config import rate_limit_storage
from storybank.rate_limits import UNSHARED_LIMITS, counted_in_memory

ACCESS_LOG_FORMAT = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms %(p)s'
"""Address, time, method, path, protocol, status, bytes, milliseconds, worker pid. No query string (it holds the
words trainers search for and the ``next`` page), no referrer (it can hold the same), no user agent."""

_SHARE_LINK = re.compile(r"^/s/[^/]*")


def logged_path(path: str) -> str:
    """The path as the access log shows it: a share link's token is a password for its pack (the database keeps
    only its hash), so it never reaches a log file."""
    return _SHARE_LINK.sub("/s/[link]", path or "")


class AccessLogger(Logger):
    """gunicorn's logger, with the path cleaned of share-link tokens, and gunicorn's other atoms that hold an
    address (the request line, query string and referrer) cleaned too, so a format changed with
    ``--access-logformat`` does not bring them back through those. (Raw headers, ``%({referer}i)s``, still would.)"""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        path = logged_path(environ.get("PATH_INFO", ""))
        atoms["U"] = path
        atoms["q"] = "-"
        atoms["r"] = f"{environ.get('REQUEST_METHOD')} {path} {environ.get('SERVER_PROTOCOL')}"
        atoms["f"] = "-"
        return atoms


def unshared_limits_problem(env: Mapping[str, str], workers: int) -> str | None:
    """Why gunicorn must not start, or None. Refused rather than warned: the per-username sign-in limit is what
    stops password guessing, and with limits in each worker's memory it silently becomes that limit once per
    worker, which a warning in a log would not stop. One worker alone counts correctly, so it may start."""
    production = env.get("STORYBANK_ENV", "development") == "production"
    if production and workers > 1 and counted_in_memory(rate_limit_storage(dict(env))):
        return f"StoryBank will not start {workers} workers in production. {UNSHARED_LIMITS}"
    return None


WARM_UP_TEXT = ("A short story told only to load the text analysis. " * 8).strip()
"""Over 40 words, so every step of the analysis has run once, the learned safeguarding check (which reads only
stories that long) included."""


def warm_worker(app) -> None:
    """Load the text analysis (the spaCy pipeline, its rules and the learned check) before a worker takes its first
    request: the first analysis in a process takes seconds, and the person whose request met it would wait that long,
    as would everyone queued behind it. gunicorn replaces each worker every thousand requests or so, so this is not
    only at start-up. A failure is logged, never raised: a worker that could not start would take every page away."""
    from storybank.text.analysis import analyse

    with app.app_context():
        try:
            analyse(WARM_UP_TEXT, model=app.config.get("STORYBANK_SPACY_MODEL"))
        except Exception:  # a worker that cannot warm up must still start: only the pages that analyse need it
            app.logger.exception("Could not load the text analysis before the first request; it will be tried "
                                 "again when a page first needs it.")
    keep_out_of_full_collections()


def keep_out_of_full_collections() -> None:
    """Move what the worker has loaded so far (the app, spaCy and its rules: about 250 000 objects) out of the
    garbage collector's reach. They live as long as the worker, yet every full collection walked them all: about
    200 ms, once every few hundred requests, while every request queued behind that worker waited too (5–22 ms
    after this; ``python -m bench.search_profile --gc``). Garbage is collected first, so none of it is kept."""
    gc.collect()
    gc.freeze()

