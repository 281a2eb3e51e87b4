"""Rate limits that people who share one address cannot use up for each other.

A care home's residents, a day centre or a training room often reach us from one address. So the tight limits are
counted per thing someone could be guessing at (the username typed at sign-in, the story reference typed at a key
look-up, the share link a reflection comes through; the API counts per token in ``storybank.api.auth``), and the
limits per address are generous: they only bound what one machine can do in total.

Counted in the limiter's storage (Redis in production, so every worker and instance counts the same), under
``RATELIMIT_KEY_PREFIX`` like Flask-Limiter's own counters, and only ever under a hash of what was typed. Checked in
the views rather than with decorators, so a refused form comes back with the person's words and a kind message
instead of a bare error page. The settings and their defaults are ``storybank.config.RATE_LIMITS``.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from flask import Flask, current_app
from flask_limiter.util import get_remote_address
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter, RateLimiter

from storybank.config import RATE_LIMITS
from storybank.extensions import limiter


@dataclass(frozen=True)
class Slowed:
    """A try that was refused, and how many whole seconds until it would be allowed again."""

    retry_after: int

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


_WORKER_MEMORY = FixedWindowRateLimiter(MemoryStorage())
"""Where tries are counted while the shared store (Redis) is away: this worker alone counts, so limits still hold,
a little looser, and nobody is turned away because a counter could not be reached (see config's in-memory
fallback, which does the same for Flask-Limiter's own decorators)."""


def refused_limits(limits: str, *identifiers: str) -> tuple[RateLimiter, list[RateLimitItem]]:
    """One try against each limit in ``limits``; the ones that refused it, and the strategy that counted them."""
    strategy = limiter.limiter
    items = parse_many(limits)
    try:
        return strategy, [item for item in items if not strategy.hit(item, *identifiers)]
    except limiter.storage.base_exceptions as error:
        current_app.logger.warning("Rate limit storage unreachable (%s); counting in this worker's memory", error)
        return _WORKER_MEMORY, [item for item in items if not _WORKER_MEMORY.hit(item, *identifiers)]


def limit_for(setting: str) -> str:
    """The limit the app is configured with; the default if a test or an operator took the setting away."""
    return current_app.config.get(setting) or RATE_LIMITS[setting][1]


def hashed(value: str) -> str:
    """What reaches the limiter's store instead of a username or reference: never the words themselves."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def address() -> str:
    return get_remote_address() or "unknown"


def count(scope: str, key: str, setting: str) -> Slowed | None:
    """One try against every limit in ``setting`` (such as ``10 per minute;50 per hour``) for ``key`` in ``scope``.

    Every limit is counted, even after one refuses, so hammering never buys a quicker turn. Returns None when the try
    is allowed, or how long to wait. An empty key (nothing typed) is not counted: the address limit still is.
    """
    if not limiter.enabled or not key:
        return None
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX") or ""
    identifiers = [prefix, scope, key] if prefix else [scope, key]
    strategy, refused = refused_limits(limit_for(setting), *identifiers)
    if not refused:
        return None
    reset = max(strategy.get_window_stats(item, *identifiers).reset_time for item in refused)
    return Slowed(retry_after=max(1, math.ceil(reset - time.time())))


UNSHARED_LIMITS = (
    "Rate limits are counted in this process's memory (no STORYBANK_REDIS_URL or RATELIMIT_STORAGE_URI is set). "
    "With more than one worker or instance each counts alone, so a password guesser gets the sign-in limit once "
    "per process. Set STORYBANK_REDIS_URL=redis://HOST:6379/0 (the same for every instance)."
)


def counted_in_memory(storage_uri: str | None) -> bool:
    return not storage_uri or storage_uri.startswith("memory://")


def warn_if_unshared(app: Flask) -> None:
    """Said at start-up in production: the app cannot tell how many processes serve it, so it warns rather than
    refuses (one worker alone is fine); gunicorn.conf.py, which knows the worker count, refuses several."""
    if app.config.get("STORYBANK_ENV") == "production" and counted_in_memory(app.config.get("RATELIMIT_STORAGE_URI")):
        app.logger.warning(UNSHARED_LIMITS)
