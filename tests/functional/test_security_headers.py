from __future__ import annotations

import pytest

from storybank import create_app
from storybank.config import ConfigError, load_config


def test_pages_send_a_strict_content_security_policy_and_friends(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers


def test_templates_carry_no_inline_script(app):
    from pathlib import Path

    import storybank

    for template in Path(storybank.ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        assert "<script>" not in text and " onclick=" not in text and " onload=" not in text, template


def test_the_session_cookie_is_httponly_and_samesite_lax(client, auth, contributor):
    response = auth.sign_in(contributor.username)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config(tmp_path, env={"STORYBANK_ENV": "production"})


def test_production_uses_secure_host_prefixed_cookies_and_hsts(tmp_path):
    config = load_config(tmp_path, env={"STORYBANK_ENV": "production", "SECRET_KEY": "s" * 64,
                                        "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite'}"})
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_NAME"].startswith("__Host-")
    app = create_app(config)
    response = app.test_client().get("/healthz")
    assert "max-age=" in response.headers["Strict-Transport-Security"]


def test_development_keeps_one_generated_secret_key(tmp_path):
    first = load_config(tmp_path, env={})["SECRET_KEY"]
    second = load_config(tmp_path, env={})["SECRET_KEY"]
    assert first == second and len(first) >= 32


def test_database_url_defaults_to_sqlite_in_the_instance_folder_and_accepts_postgres_urls(tmp_path):
    assert load_config(tmp_path, env={})["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'storybank.sqlite'}"
    url = load_config(tmp_path, env={"DATABASE_URL": "postgres://u@h/db"})["SQLALCHEMY_DATABASE_URI"]
    assert url == "postgresql+psycopg://u@h/db"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    from sqlalchemy import text

    from storybank.extensions import db

    app = create_app({"TESTING": True, "SECRET_KEY": "k" * 32,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'wal.sqlite'}"})
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_health_check_says_503_when_the_database_cannot_be_reached(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "k" * 32,
                      "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unreachable"


def test_a_server_error_shows_a_kind_page_that_reveals_nothing(tmp_path):
    from storybank.security import ANYONE, access

    app = create_app({"SECRET_KEY": "k" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'e.sqlite'}"})

    @app.route("/explode")
    @access(ANYONE)
    def explode():
        raise RuntimeError("secret internal detail: table users column password_hash")

    response = app.test_client().get("/explode")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in page
    assert "secret internal detail" not in page and "Traceback" not in page


@pytest.mark.parametrize(("proxies", "seen"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
def test_the_client_address_comes_from_x_forwarded_for_only_behind_a_trusted_proxy(tmp_path, proxies, seen):
    from flask import request

    from storybank.security import ANYONE, access

    app = create_app({"TESTING": True, "SECRET_KEY": "k" * 32, "PROXY_COUNT": proxies,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'proxy.sqlite'}"})

    @app.route("/whoami")
    @access(ANYONE)
    def whoami():
        return request.remote_addr

    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.get_data(as_text=True) == seen


def test_every_page_sends_exactly_the_agreed_security_headers(client):
    headers = client.get("/").headers
    assert headers["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    assert headers["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_asks_browsers_to_use_https_for_a_year_including_subdomains(tmp_path):
    config = load_config(tmp_path, env={"STORYBANK_ENV": "production", "SECRET_KEY": "s" * 64,
                                        "DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite'}"})
    response = create_app(config).test_client().get("/healthz")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_our_css_and_scripts_may_be_cached_while_pages_may_not(client):
    response = client.get("/static/css/storybank.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")
    response.close()
