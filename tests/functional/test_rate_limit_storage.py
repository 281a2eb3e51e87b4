"""In production the rate limits live in Redis, so every gunicorn worker counts the same sign-in attempts."""

from __future__ import annotations

import uuid

from flask_migrate import upgrade

from storybank import create_app
from storybank.extensions import db
from tests.databases import REDIS_URL, redis_or_skip


def test_sign_in_limits_are_counted_in_redis_when_configured(tmp_path):
    redis_or_skip()
    import redis

    prefix = f"storybank-test-{uuid.uuid4().hex}"
    app = create_app({"TESTING": True, "SECRET_KEY": "r" * 32, "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'limits.sqlite'}",
                      "RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_KEY_PREFIX": prefix,
                      "SIGN_IN_RATE_LIMIT": "3 per minute"})
    with app.app_context():
        upgrade()
    client = app.test_client()
    try:
        statuses = [client.post("/sign-in", data={"username": "nobody-here", "password": "wrong guess"})
                    .status_code for _ in range(4)]
        assert statuses == [400, 400, 400, 429]
        store = redis.Redis.from_url(REDIS_URL)
        keys = store.keys(f"*{prefix}*")
        assert keys, "the counters live in Redis, where every worker process sees them"
        store.delete(*keys)
    finally:
        with app.app_context():
            db.engine.dispose()
        # The limiter is one object per process: give it back its in-memory storage for the other tests.
        create_app({"TESTING": True, "SECRET_KEY": "r" * 32, "RATELIMIT_STORAGE_URI": "memory://",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'reset.sqlite'}"})


def test_when_redis_is_away_the_site_keeps_serving_and_limits_are_counted_in_the_worker(tmp_path):
    """Nothing listens on port 1: every call to the shared store fails, as when Redis is stopped."""
    app = create_app({"TESTING": True, "SECRET_KEY": "r" * 32, "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'away.sqlite'}",
                      "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:1/0", "SIGN_IN_RATE_LIMIT": "3 per minute"})
    with app.app_context():
        upgrade()
    client = app.test_client()
    try:
        statuses = [client.post("/sign-in", data={"username": "nobody-away", "password": "wrong guess"})
                    .status_code for _ in range(4)]
        assert statuses == [400, 400, 400, 429], "still limited, counted in this worker's memory"
        assert client.get("/stories").status_code == 200
    finally:
        with app.app_context():
            db.engine.dispose()
        create_app({"TESTING": True, "SECRET_KEY": "r" * 32, "RATELIMIT_STORAGE_URI": "memory://",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'reset.sqlite'}"})
