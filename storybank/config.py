"""Settings come only from the environment, read when the app is created (never at import time)."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

RATE_LIMITS = {
    # config name: (environment variable, default). See storybank/rate_limits.py for why each is counted per what.
    "SIGN_IN_RATE_LIMIT": ("STORYBANK_SIGN_IN_RATE_LIMIT", "10 per minute;50 per hour"),
    "SIGN_IN_ADDRESS_RATE_LIMIT": ("STORYBANK_SIGN_IN_ADDRESS_RATE_LIMIT", "60 per minute;300 per hour"),
    "SIGN_UP_RATE_LIMIT": ("STORYBANK_SIGN_UP_RATE_LIMIT", "20 per minute;100 per hour"),
    "STORY_KEY_RATE_LIMIT": ("STORYBANK_STORY_KEY_RATE_LIMIT", "10 per minute;40 per hour"),
    "STORY_KEY_ADDRESS_RATE_LIMIT": ("STORYBANK_STORY_KEY_ADDRESS_RATE_LIMIT", "60 per minute;300 per hour"),
    "REFLECTION_LINK_RATE_LIMIT": ("STORYBANK_REFLECTION_LINK_RATE_LIMIT", "60 per minute;600 per hour"),
    "REFLECTION_ADDRESS_RATE_LIMIT": ("STORYBANK_REFLECTION_ADDRESS_RATE_LIMIT", "60 per minute;600 per hour"),
}
"""The limits people on one shared address (a care home's network, a training room) must not use up for each
other: the tight ones are counted per username, story reference or share link; the per-address ones are generous."""


class ConfigError(RuntimeError):
    """Raised when the app must not start; the message tells the operator what to do."""


def _instance_secret(instance_path: Path) -> str:
    """In development a key is generated once and kept, so sign-ins survive a restart."""
    instance_path.mkdir(parents=True, exist_ok=True)
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def rate_limit_storage(env: dict[str, str]) -> str:
    """Where the rate limits are counted: RATELIMIT_STORAGE_URI if set, else the Redis every instance shares
    (STORYBANK_REDIS_URL), else this process's memory, which only one process may rely on."""
    return env.get("RATELIMIT_STORAGE_URI") or env.get("STORYBANK_REDIS_URL") or "memory://"


def load_config(instance_path: Path, env: dict[str, str] | None = None, overrides: dict | None = None) -> dict:
    env = dict(os.environ if env is None else env)
    if overrides and overrides.get("SECRET_KEY"):
        env["SECRET_KEY"] = overrides["SECRET_KEY"]
    production = env.get("STORYBANK_ENV", "development") == "production"
    secret = env.get("SECRET_KEY")
    if not secret:
        if production:
            raise ConfigError(
                "StoryBank will not start in production without a SECRET_KEY. "
                "Set the SECRET_KEY environment variable to a long random value "
                "(for example the output of: python -c 'import secrets; print(secrets.token_hex(32))')."
            )
        secret = _instance_secret(instance_path)
    database_url = env.get("DATABASE_URL") or f"sqlite:///{instance_path / 'storybank.sqlite'}"
    if database_url.startswith("postgres://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    retention_days = env.get("STORYBANK_WITHDRAWN_RETENTION_DAYS", "30").strip()
    if not (retention_days.isascii() and retention_days.isdigit()):
        raise ConfigError(
            "STORYBANK_WITHDRAWN_RETENTION_DAYS must be a whole number of days (0 or more), "
            f"for example 30. It is {retention_days!r} now."
        )
    timezone_name = env.get("STORYBANK_TIMEZONE", "Europe/London").strip()
    try:
        ZoneInfo(timezone_name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(f"STORYBANK_TIMEZONE must be a time zone name such as Europe/London. It is "
                          f"{timezone_name!r} now.") from error
    return {
        "STORYBANK_ENV": "production" if production else "development",
        "STORYBANK_TIMEZONE": timezone_name,
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "STORYBANK_SPACY_MODEL": env.get("STORYBANK_SPACY_MODEL") or None,
        "STORYBANK_REDIS_URL": env.get("STORYBANK_REDIS_URL") or None,
        "STORYBANK_JOBS_QUEUE": env.get("STORYBANK_JOBS_QUEUE", "").strip() or "storybank",
        "RATELIMIT_STORAGE_URI": rate_limit_storage(env),
        "RATELIMIT_HEADERS_ENABLED": True,
        # When Redis is away the limits are counted in each worker's memory instead, and the site keeps serving.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
        "SQLITE_BUSY_TIMEOUT_SECONDS": float(env.get("STORYBANK_SQLITE_BUSY_TIMEOUT_SECONDS", "15")),
        "POSTGRES_PARALLEL_WORKERS": int(env.get("STORYBANK_POSTGRES_PARALLEL_WORKERS", "0")),
        "POSTGRES_RANDOM_PAGE_COST": float(env.get("STORYBANK_POSTGRES_RANDOM_PAGE_COST", "1.1")),
        "STORYBANK_API_RATE_LIMIT": env.get("STORYBANK_API_RATE_LIMIT", "120 per minute"),
        **{name: env.get(variable, default) for name, (variable, default) in RATE_LIMITS.items()},
        "PDF_RATE_LIMIT": env.get("STORYBANK_PDF_RATE_LIMIT", "20 per minute;200 per hour"),
        "SESSION_IDLE_TIMEOUT": timedelta(minutes=int(env.get("STORYBANK_SESSION_IDLE_MINUTES", "30"))),
        "SESSION_ABSOLUTE_TIMEOUT": timedelta(hours=int(env.get("STORYBANK_SESSION_ABSOLUTE_HOURS", "12"))),
        "SESSION_COOKIE_NAME": "__Host-session" if production else "storybank_session",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_DURATION": timedelta(seconds=0),
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "STORYBANK_CLAIM_MINUTES": int(env.get("STORYBANK_CLAIM_MINUTES", "30")),
        "STORYBANK_SAFEGUARDING_HOURS": int(env.get("STORYBANK_SAFEGUARDING_HOURS", "24")),
        "STORYBANK_PURGE_ORIGINALS_DAYS": int(env["STORYBANK_PURGE_ORIGINALS_DAYS"])
        if env.get("STORYBANK_PURGE_ORIGINALS_DAYS") else None,
        "STORYBANK_EMAIL_SENDER": env.get("STORYBANK_EMAIL_SENDER")
        or ("smtp" if env.get("STORYBANK_SMTP_URL") else "log"),
        "STORYBANK_SMTP_URL": env.get("STORYBANK_SMTP_URL") or None,
        "STORYBANK_SMTP_STARTTLS": env.get("STORYBANK_SMTP_STARTTLS", "").lower() in ("1", "true", "yes", "on"),
        "STORYBANK_MAIL_FROM": env.get("STORYBANK_MAIL_FROM") or None,
        "STORYBANK_BASE_URL": env.get("STORYBANK_BASE_URL") or None,
        "STORYBANK_EMAIL_ATTEMPTS": int(env.get("STORYBANK_EMAIL_ATTEMPTS", "3")),
        "STORYBANK_EMAIL_RETRY_SECONDS": float(env.get("STORYBANK_EMAIL_RETRY_SECONDS", "1")),
        "STORYBANK_WITHDRAWN_RETENTION_DAYS": int(retention_days),
        "STORYBANK_ORGANISATION_NAME": env.get("STORYBANK_ORGANISATION_NAME", "").strip() or "StoryBank",
        "STORYBANK_CONTACT_EMAIL": env.get("STORYBANK_CONTACT_EMAIL", "").strip() or "storybank@example.org",
        "STORYBANK_WITHDRAWAL_LEDGER": env.get("STORYBANK_WITHDRAWAL_LEDGER", "").strip()
        or str(instance_path / "withdrawal-ledger.jsonl"),
        "HSTS": production,
        "PROXY_COUNT": int(env.get("STORYBANK_PROXY_COUNT", "0")),
    }
