"""Every database test runs twice: on SQLite and on PostgreSQL (see tests/databases.py)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import delete

from storybank import create_app
from storybank.accounts.roles import Role
from storybank.extensions import db, limiter
from storybank.tagging.services import ensure_default_taxonomy
from tests import factories
from tests.databases import BACKENDS, fresh_database


def _test_config(database_url: str, tmp_path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "RATELIMIT_STORAGE_URI": "memory://",
        "SERVER_NAME": None,
        "STORYBANK_WITHDRAWAL_LEDGER": str(tmp_path / "withdrawal-ledger.jsonl"),
    }


class FreshViewClient(FlaskClient):
    """Each request gets its own app context (so ``g`` and the database session are its own, as in production),
    and the test's transaction ends around it, so the test sees what the request wrote."""

    def open(self, *args, **kwargs):
        db.session.commit()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


@pytest.fixture(scope="session", params=BACKENDS)
def database_app(request, tmp_path_factory):
    """One migrated database per backend for the whole run; tests empty it after themselves."""
    folder = tmp_path_factory.mktemp(request.param)
    with fresh_database(request.param, folder) as url:
        app = create_app(_test_config(url, folder))
        app.test_client_class = FreshViewClient
        with app.app_context():
            upgrade()
        yield app
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(database_app):
    database_app.config.update(WTF_CSRF_ENABLED=True)
    with database_app.app_context():
        limiter.reset()
        from storybank.search.services import forget_filter_choices  # needs every model mapped first
        forget_filter_choices()  # kept a minute per app; every test starts with none kept
        yield database_app
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(delete(table))
        db.session.commit()
        ensure_default_taxonomy()  # every migrated database has the default taxonomy; put it back for the next test
        db.session.remove()


@pytest.fixture
def backend(app) -> str:
    return db.engine.dialect.name


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def no_csrf(app):
    app.config["WTF_CSRF_ENABLED"] = False
    yield
    app.config["WTF_CSRF_ENABLED"] = True


class Auth:
    """Signs a test client in through the real sign-in form, CSRF token and all."""

    def __init__(self, app, client):
        self.app = app
        self.client = client

    def csrf_token(self, path: str = "/sign-in") -> str:
        import re

        if not self.app.config.get("WTF_CSRF_ENABLED", True):
            return ""
        page = self.client.get(path).get_data(as_text=True)
        match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or re.search(
            r'name="csrf_token" value="([^"]+)"', page)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def sign_in(self, username: str, password: str = factories.PASSWORD, follow_redirects: bool = False):
        return self.client.post("/sign-in", data={"username": username, "password": password,
                                                  "csrf_token": self.csrf_token()},
                                follow_redirects=follow_redirects)

    def sign_out(self):
        return self.client.post("/sign-out", data={"csrf_token": self.csrf_token("/account")})


@pytest.fixture
def auth(app, client):
    return Auth(app, client)


@pytest.fixture
def make_user(app):
    def _make(*roles: Role, **fields):
        user = factories.make_user(*roles, **fields)
        db.session.commit()
        return user

    return _make


@pytest.fixture
def contributor(make_user):
    return make_user(Role.CONTRIBUTOR, username="carol")


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR, username="morgan")


@pytest.fixture
def trainer(make_user):
    return make_user(Role.TRAINER, username="tariq")


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN, username="ada")


@pytest.fixture
def signed_in_trainer(auth, trainer):
    auth.sign_in(trainer.username)
    return trainer
