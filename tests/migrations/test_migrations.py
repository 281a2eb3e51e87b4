"""Migrations are the only way the schema changes; they must go both ways on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from storybank import create_app
from storybank.db_types import compare_column_type
from storybank.extensions import db
from storybank.search.engine import is_engine_object
from tests.databases import BACKENDS, fresh_database

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:alembic.*")


@pytest.fixture(params=BACKENDS)
def empty_app(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        app = create_app({"TESTING": True, "SECRET_KEY": "m" * 32, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()


def _tables() -> set[str]:
    return {name for name in inspect(db.engine).get_table_names()
            if name != "alembic_version" and not is_engine_object(name)}


def _engine_objects() -> set[str]:
    names = set(inspect(db.engine).get_table_names())
    if "search_documents" in names:
        names |= {index["name"] for index in inspect(db.engine).get_indexes("search_documents")}
    return {name for name in names if is_engine_object(name)}


def _compare_with_models(render_item_env) -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": render_item_env, "include_name": lambda name, *_: not is_engine_object(name)})
        return compare_metadata(context, db.metadata)


def test_migrations_go_up_down_and_up_again(empty_app):
    upgrade()
    assert _tables() == set(db.metadata.tables)
    assert _engine_objects(), "the full-text engine's table or index is missing"
    downgrade(revision="base")
    assert _tables() == set()
    assert _engine_objects() == set()
    upgrade()
    assert _tables() == set(db.metadata.tables)
    assert _engine_objects()


def test_models_and_migrations_agree(empty_app):
    upgrade()
    assert _compare_with_models(compare_column_type) == []


def test_there_is_exactly_one_migration_head():
    app = create_app({"TESTING": True, "SECRET_KEY": "m" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
        heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads
